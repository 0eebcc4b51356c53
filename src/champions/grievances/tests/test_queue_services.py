"""Queue work: named assignment, bulk assign and transfer, merging duplicates, the queue's
counts and keyset pages, and lodging or messaging with files."""

import itertools
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from champions.accounts.services import user_create
from champions.controlrooms.selectors import room_get_by_code
from champions.core.errors import NotFound, ValidationFailed
from champions.grievances.models import Attachment, Grievance, Message, TimelineEntry
from champions.grievances.selectors import (
    grievance_queue_for_user,
    grievance_queue_page,
    queue_counts_by_status,
)
from champions.grievances.services import (
    GrievanceInput,
    TransitionRefused,
    grievance_assign_to,
    grievance_lodge_with_attachments,
    grievance_merge,
    grievance_message_add_with_attachments,
    grievance_transition,
    grievances_bulk_assign_to_me,
    grievances_bulk_transfer,
)
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


@pytest.fixture
def grievance(entrepreneur, unit):
    return lodge(entrepreneur, unit)


@pytest.fixture
def colleague(mh_room):
    return user_create(
        email="colleague.mh@example.com",
        password="pw-Secret-2026",
        role="spoke_officer",
        control_room_id=mh_room.pk,
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


# --- grievance_assign_to -----------------------------------------------------------------------


def test_assign_to_a_colleague_assigns_and_records_it(grievance, spoke_officer, colleague):
    # when
    result = grievance_assign_to(
        grievance_id=grievance.pk, assignee_id=colleague.pk, actor=spoke_officer
    )

    # then
    grievance.refresh_from_db()
    assert (result.status, grievance.status, grievance.assignee) == (
        "assigned",
        "assigned",
        colleague,
    )
    entry = TimelineEntry.objects.get(grievance=grievance, action="assign")
    assert (entry.actor, entry.note) == (spoke_officer, "Assigned to colleague.mh@example.com.")


def test_assign_to_replaces_an_earlier_assignee(grievance, spoke_officer, colleague):
    # given
    grievance_assign_to(grievance_id=grievance.pk, assignee_id=colleague.pk, actor=spoke_officer)

    # when
    grievance_assign_to(
        grievance_id=grievance.pk, assignee_id=spoke_officer.pk, actor=spoke_officer
    )

    # then
    grievance.refresh_from_db()
    assert (grievance.status, grievance.assignee) == ("assigned", spoke_officer)


def test_assign_to_during_work_changes_hands_without_a_transition(
    grievance, spoke_officer, colleague
):
    # given
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    grievance_transition(grievance_id=grievance.pk, action="start", actor=spoke_officer)

    # when
    grievance_assign_to(grievance_id=grievance.pk, assignee_id=colleague.pk, actor=spoke_officer)

    # then
    grievance.refresh_from_db()
    assert (grievance.status, grievance.assignee) == ("in_progress", colleague)
    entry = TimelineEntry.objects.get(grievance=grievance, action="reassigned")
    assert (entry.from_status, entry.to_status) == ("", "")


def test_assign_to_a_hub_officer_is_allowed(grievance, spoke_officer, hub_officer):
    grievance_assign_to(grievance_id=grievance.pk, assignee_id=hub_officer.pk, actor=spoke_officer)

    grievance.refresh_from_db()
    assert grievance.assignee == hub_officer


@pytest.mark.parametrize(
    ("_case", "assignee_fixture"),
    [
        ("officer of another room", "other_spoke_officer"),
        ("leadership", "leadership"),
    ],
)
def test_assign_to_someone_outside_the_room_is_refused(
    request, grievance, spoke_officer, _case, assignee_fixture
):
    assignee = request.getfixturevalue(assignee_fixture)

    with pytest.raises(ValidationFailed) as exc:
        grievance_assign_to(grievance_id=grievance.pk, assignee_id=assignee.pk, actor=spoke_officer)

    assert exc.value.errors == {
        "assignee": ["Choose an officer of Champions Control Room, Mumbai."]
    }
    grievance.refresh_from_db()
    assert (grievance.status, grievance.assignee) == ("submitted", None)


def test_assign_to_an_entrepreneur_is_not_found(grievance, spoke_officer, entrepreneur):
    with pytest.raises(NotFound):
        grievance_assign_to(
            grievance_id=grievance.pk, assignee_id=entrepreneur.pk, actor=spoke_officer
        )


@pytest.mark.parametrize(
    "actor_fixture", ["entrepreneur", "other_entrepreneur", "other_spoke_officer", "analyst"]
)
def test_assign_to_outside_the_actors_scope_is_not_found(
    request, grievance, spoke_officer, actor_fixture
):
    actor = request.getfixturevalue(actor_fixture)

    with pytest.raises(NotFound):
        grievance_assign_to(grievance_id=grievance.pk, assignee_id=spoke_officer.pk, actor=actor)

    grievance.refresh_from_db()
    assert grievance.assignee is None


def test_assign_to_a_closed_grievance_is_refused(grievance, entrepreneur, spoke_officer):
    # given
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    grievance_transition(
        grievance_id=grievance.pk, action="resolve", actor=spoke_officer, note="Paid."
    )
    grievance_transition(grievance_id=grievance.pk, action="close", actor=entrepreneur)

    # when / then
    with pytest.raises(TransitionRefused) as exc:
        grievance_assign_to(
            grievance_id=grievance.pk, assignee_id=spoke_officer.pk, actor=spoke_officer
        )
    assert exc.value.message == "A grievance that is closed cannot be assigned."


# --- Bulk work ---------------------------------------------------------------------------------


def test_bulk_assign_to_me_assigns_those_in_scope_and_reports_the_rest(
    entrepreneur, unit, spoke_officer
):
    # given
    first, second = lodge(entrepreneur, unit), lodge(entrepreneur, unit)
    elsewhere = lodge(entrepreneur, unit, enterprise_id=None, complainant_type="aspiring")

    # when
    result = grievances_bulk_assign_to_me(
        grievance_ids=[first.pk, second.pk, elsewhere.pk, -1, first.pk], actor=spoke_officer
    )

    # then
    assert [g.pk for g in result.done] == [first.pk, second.pk]
    assert result.refused == [(elsewhere.pk, "No such grievance."), (-1, "No such grievance.")]
    assert set(Grievance.objects.filter(assignee=spoke_officer).values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert Grievance.objects.get(pk=elsewhere.pk).assignee is None


def test_bulk_transfer_moves_each_and_refuses_past_the_limit(
    entrepreneur, unit, spoke_officer, hub_officer
):
    # given: the second grievance has already been transferred three times
    first, second = lodge(entrepreneur, unit), lodge(entrepreneur, unit)
    Grievance.objects.filter(pk=second.pk).update(transfer_count=3)
    delhi = room_get_by_code(code="spoke-dl")

    # when
    result = grievances_bulk_transfer(
        grievance_ids=[first.pk, second.pk],
        room_id=delhi.pk,
        actor=spoke_officer,
        reason="The buyer sits in Delhi.",
    )

    # then
    assert [g.pk for g in result.done] == [first.pk]
    assert result.refused == [
        (
            second.pk,
            "This grievance has been transferred three times; the hub decides where it goes.",
        )
    ]
    assert Grievance.objects.get(pk=first.pk).room == delhi
    assert Grievance.objects.get(pk=second.pk).room.code == "spoke-mh"


@pytest.mark.parametrize(
    ("_case", "room_id", "reason", "field"),
    [
        ("no reason", None, "  ", "reason"),
        ("unknown room", -1, "Wrong room.", "room"),
    ],
)
def test_bulk_transfer_refuses_bad_input_and_moves_nothing(
    grievance, spoke_officer, _case, room_id, reason, field
):
    room_id = room_id or room_get_by_code(code="spoke-dl").pk

    with pytest.raises(ValidationFailed) as exc:
        grievances_bulk_transfer(
            grievance_ids=[grievance.pk], room_id=room_id, actor=spoke_officer, reason=reason
        )

    assert list(exc.value.errors) == [field]
    assert Grievance.objects.get(pk=grievance.pk).transfer_count == 0


def test_bulk_refuses_more_than_a_hundred(spoke_officer):
    with pytest.raises(ValidationFailed) as exc:
        grievances_bulk_assign_to_me(grievance_ids=list(range(1, 102)), actor=spoke_officer)

    assert exc.value.errors == {"ids": ["Choose at most 100 grievances at a time."]}


# --- Merging duplicates ------------------------------------------------------------------------


def test_merge_closes_the_duplicate_and_tells_its_msme(
    entrepreneur, unit, spoke_officer, django_capture_on_commit_callbacks
):
    # given
    primary, duplicate = lodge(entrepreneur, unit), lodge(entrepreneur, unit)
    mail.outbox.clear()

    # when
    with django_capture_on_commit_callbacks(execute=True):
        result = grievance_merge(
            duplicate_id=duplicate.pk, primary_id=primary.pk, actor=spoke_officer
        )

    # then
    duplicate.refresh_from_db()
    assert (duplicate.status, duplicate.merged_into, result.pk) == ("closed", primary, duplicate.pk)
    assert duplicate.closed_at is not None
    merged = TimelineEntry.objects.get(grievance=duplicate, action="merged")
    assert (merged.from_status, merged.to_status) == ("submitted", "closed")
    assert (
        merged.note
        == f"Merged into {primary.registration_number}, which deals with the same matter."
    )
    merged_in = TimelineEntry.objects.get(grievance=primary, action="merged_in")
    assert merged_in.note == f"{duplicate.registration_number} merged into this."
    notice = Message.objects.get(grievance=duplicate)
    assert (notice.author, notice.is_internal) == (spoke_officer, False)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner@example.com"]
    assert primary.registration_number in mail.outbox[0].body
    assert Grievance.objects.get(pk=primary.pk).status == "submitted"


@pytest.mark.parametrize(
    ("_case", "same", "primary_merged", "field"),
    [
        ("into itself", True, False, "primary"),
        ("into a merged grievance", False, True, "primary"),
    ],
)
def test_merge_refuses_bad_targets(
    entrepreneur, unit, spoke_officer, _case, same, primary_merged, field
):
    # given
    primary, duplicate = lodge(entrepreneur, unit), lodge(entrepreneur, unit)
    if primary_merged:
        third = lodge(entrepreneur, unit)
        grievance_merge(duplicate_id=primary.pk, primary_id=third.pk, actor=spoke_officer)

    # when / then
    with pytest.raises(ValidationFailed) as exc:
        grievance_merge(
            duplicate_id=duplicate.pk,
            primary_id=duplicate.pk if same else primary.pk,
            actor=spoke_officer,
        )
    assert list(exc.value.errors) == [field]
    assert Grievance.objects.get(pk=duplicate.pk).merged_into is None


def test_merge_of_a_merged_grievance_is_refused(entrepreneur, unit, spoke_officer):
    primary, duplicate = lodge(entrepreneur, unit), lodge(entrepreneur, unit)
    grievance_merge(duplicate_id=duplicate.pk, primary_id=primary.pk, actor=spoke_officer)

    with pytest.raises(TransitionRefused):
        grievance_merge(duplicate_id=duplicate.pk, primary_id=primary.pk, actor=spoke_officer)

    assert TimelineEntry.objects.filter(grievance=duplicate, action="merged").count() == 1


@pytest.mark.parametrize("actor_fixture", ["entrepreneur", "other_spoke_officer", "analyst"])
def test_merge_outside_the_actors_scope_is_not_found(request, entrepreneur, unit, actor_fixture):
    primary, duplicate = lodge(entrepreneur, unit), lodge(entrepreneur, unit)

    with pytest.raises(NotFound):
        grievance_merge(
            duplicate_id=duplicate.pk,
            primary_id=primary.pk,
            actor=request.getfixturevalue(actor_fixture),
        )

    assert Grievance.objects.get(pk=duplicate.pk).status == "submitted"


# --- The queue: counts and keyset pages --------------------------------------------------------


def test_queue_counts_by_status_counts_every_status(entrepreneur, unit, spoke_officer):
    # given
    first, _second = lodge(entrepreneur, unit), lodge(entrepreneur, unit)
    grievance_transition(grievance_id=first.pk, action="assign", actor=spoke_officer)

    # when
    counts = queue_counts_by_status(grievance_queue_for_user(user=spoke_officer))

    # then
    assert {row.status: row.count for row in counts} == {
        "submitted": 1,
        "assigned": 1,
        "in_progress": 0,
        "awaiting_msme": 0,
        "resolved": 0,
        "reopened": 0,
        "closed": 0,
        "appealed": 0,
        "appeal_decided": 0,
    }
    assert counts[0].label == "Submitted"


@pytest.mark.parametrize("user_fixture", ["entrepreneur", "analyst"])
def test_queue_is_empty_for_non_officers(request, grievance, user_fixture):
    assert list(grievance_queue_for_user(user=request.getfixturevalue(user_fixture))) == []


@pytest.fixture
def five(entrepreneur, unit):
    """Five grievances; due dates: 3rd earliest, then 1st, 5th; 2nd and 4th have none."""
    grievances = [lodge(entrepreneur, unit) for _ in range(5)]
    base = grievances[0].resolution_due_at
    dues = [base + timedelta(days=1), None, base, None, base + timedelta(days=1)]
    for grievance, due in zip(grievances, dues, strict=True):
        Grievance.objects.filter(pk=grievance.pk).update(resolution_due_at=due)
    return [g.pk for g in grievances]


def _walk(qs, sort: str, size: int) -> list[int]:
    """Every id, page by page forward; then checks each page can be reached going back."""
    pages, after = [], None
    while True:
        page = grievance_queue_page(qs, sort=sort, after=after, before=None, size=size)
        pages.append([g.pk for g in page.items])
        if page.next_cursor is None:
            break
        after = page.next_cursor
    for previous, current in itertools.pairwise(pages):
        back = grievance_queue_page(qs, sort=sort, after=None, before=current[0], size=size)
        assert [g.pk for g in back.items] == previous
    return [pk for page in pages for pk in page]


@pytest.mark.parametrize("size", [1, 2, 5])
def test_queue_pages_follow_the_sort_in_both_directions(five, spoke_officer, size):
    qs = grievance_queue_for_user(user=spoke_officer)
    one, two, three, four, five_ = five

    assert _walk(qs, "newest", size) == [five_, four, three, two, one]
    assert _walk(qs, "oldest", size) == [one, two, three, four, five_]
    assert _walk(qs, "due", size) == [three, one, five_, two, four]


def test_queue_first_page_of_due_has_a_next_cursor(five, spoke_officer):
    qs = grievance_queue_for_user(user=spoke_officer)

    page = grievance_queue_page(qs, sort="due", after=None, before=None, size=2)

    assert (page.previous_cursor, page.next_cursor) == (None, five[0])


# --- Files with lodging and messages -----------------------------------------------------------


def _data(unit) -> GrievanceInput:
    return GrievanceInput(
        subject="Payment pending",
        description="Invoice 42 unpaid since March.",
        enterprise_id=unit.pk,
    )


def test_lodging_with_files_stores_them_once(entrepreneur, unit, media):
    # given
    def upload():
        return [SimpleUploadedFile("invoice.pdf", PDF, content_type="application/pdf")]

    # when: the same form sent twice
    first = grievance_lodge_with_attachments(
        actor=entrepreneur, data=_data(unit), files=upload(), idempotency_key="t-1"
    )
    second = grievance_lodge_with_attachments(
        actor=entrepreneur, data=_data(unit), files=upload(), idempotency_key="t-1"
    )

    # then
    assert (first.replayed, second.replayed) == (False, True)
    assert second.grievance == first.grievance
    attachment = Attachment.objects.get(grievance=first.grievance)
    assert (attachment.original_name, attachment.content_type) == ("invoice.pdf", "application/pdf")


def test_lodging_with_a_refused_file_lodges_nothing(entrepreneur, unit, media):
    files = [SimpleUploadedFile("notes.txt", b"plain text", content_type="application/pdf")]

    with pytest.raises(ValidationFailed) as exc:
        grievance_lodge_with_attachments(
            actor=entrepreneur, data=_data(unit), files=files, idempotency_key="t-2"
        )

    assert exc.value.errors == {"attachments": ["notes.txt is not a PDF, JPG or PNG file."]}
    assert Grievance.objects.count() == 0
    assert Attachment.objects.count() == 0


def test_message_with_files_ties_them_to_the_message(grievance, spoke_officer, media):
    files = [SimpleUploadedFile("note.pdf", PDF, content_type="application/pdf")]

    message = grievance_message_add_with_attachments(
        grievance_id=grievance.pk, actor=spoke_officer, body="See", is_internal=True, files=files
    )

    attachment = Attachment.objects.get(grievance=grievance)
    assert (attachment.message, message.is_internal) == (message, True)
