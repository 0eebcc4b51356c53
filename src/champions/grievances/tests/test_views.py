"""The grievance web pages: lodging, intake, the queue, the grievance page, tracking."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from champions.accounts.services import user_create
from champions.controlrooms.selectors import room_get_by_code
from champions.grievances.models import (
    Attachment,
    CannedReply,
    Grievance,
    Message,
    TimelineEntry,
)
from champions.grievances.queue.tallies import tally_recount
from champions.grievances.services import grievance_message_add, grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

LIST_URL = reverse("web:grievances:list")
LODGE_URL = reverse("web:grievances:lodge")
INTAKE_URL = reverse("web:grievances:intake")
QUEUE_URL = reverse("web:grievances:queue")
BULK_URL = reverse("web:grievances:bulk")
TRACK_URL = reverse("web:grievances:track")
PDF = b"%PDF-1.4\n%test\n"


def _url(name: str, grievance_id: int) -> str:
    return reverse(f"web:grievances:{name}", args=[grievance_id])


def _day(moment, pattern: str) -> str:
    return timezone.localtime(moment).strftime(pattern)


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


@pytest.fixture
def grievance(entrepreneur, unit):
    return lodge(entrepreneur, unit)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _resolved(grievance, officer):
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=officer)
    grievance_transition(
        grievance_id=grievance.pk, action="resolve", actor=officer, note="The buyer paid."
    )


# --- Access ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "name", "method"),
    [
        ("my grievances", "list", "get"),
        ("lodge", "lodge", "get"),
        ("intake", "intake", "get"),
        ("queue", "queue", "get"),
        ("bulk", "bulk", "post"),
        ("detail", "detail", "get"),
        ("acknowledgement", "acknowledgement", "get"),
        ("act", "transition", "post"),
        ("message", "message", "post"),
        ("rate", "rate", "post"),
        ("transfer", "transfer", "post"),
        ("assign", "assign", "post"),
        ("merge", "merge", "post"),
        ("attachment", "attachment_download", "get"),
    ],
)
def test_grievance_pages_send_anonymous_visitors_to_login(client, grievance, _case, name, method):
    # given
    url = (
        _url(name, grievance.pk)
        if name not in {"list", "lodge", "intake", "queue", "bulk"}
        else reverse(f"web:grievances:{name}")
    )

    # when
    response = getattr(client, method)(url)

    # then
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_tracking_is_public(client):
    for url in (TRACK_URL, reverse("web:track")):
        response = client.get(url)
        assert response.status_code == 200
        assert 'name="registration_number"' in response.content.decode()


@pytest.mark.parametrize(
    ("_case", "user_fixture", "status"),
    [
        ("complainant", "entrepreneur", 200),
        ("other entrepreneur", "other_entrepreneur", 404),
        ("officer of the room", "spoke_officer", 200),
        ("officer of another room", "other_spoke_officer", 404),
        ("hub officer", "hub_officer", 200),
        ("leadership", "leadership", 200),
        ("analyst", "analyst", 404),
    ],
)
def test_grievance_page_access(client, request, grievance, _case, user_fixture, status):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(_url("detail", grievance.pk))

    assert response.status_code == status


@pytest.mark.parametrize(
    ("_case", "name", "data"),
    [
        ("act", "transition", {"action": "assign"}),
        ("message", "message", {"body": "Hello"}),
        ("rate", "rate", {"rating": "1", "comment": "Bad"}),
        ("acknowledgement", "acknowledgement", None),
    ],
)
@pytest.mark.parametrize("user_fixture", ["other_entrepreneur", "other_spoke_officer", "analyst"])
def test_posts_outside_scope_are_404_and_change_nothing(
    client, request, grievance, _case, name, data, user_fixture
):
    # given
    client.force_login(request.getfixturevalue(user_fixture))
    events = TimelineEntry.objects.count()

    # when
    url = _url(name, grievance.pk)
    response = client.post(url, data) if data is not None else client.get(url)

    # then
    assert response.status_code == 404
    grievance.refresh_from_db()
    assert (grievance.status, grievance.assignee, grievance.rating) == ("submitted", None, None)
    assert TimelineEntry.objects.count() == events
    assert Message.objects.count() == 0


@pytest.mark.parametrize(
    ("_case", "name", "data"),
    [
        ("transfer", "transfer", {"room": "1", "reason": "Elsewhere"}),
        ("assign", "assign", {"assignee": "1"}),
        ("merge", "merge", {"primary": "CHMP/2026/MH/0000001"}),
    ],
)
@pytest.mark.parametrize("user_fixture", ["entrepreneur", "other_spoke_officer", "analyst"])
def test_officer_posts_are_404_for_others_and_change_nothing(
    client, request, grievance, _case, name, data, user_fixture
):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.post(_url(name, grievance.pk), data)

    assert response.status_code == 404
    grievance.refresh_from_db()
    assert (grievance.room.code, grievance.assignee, grievance.merged_into) == (
        "spoke-mh",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("_case", "url"), [("intake", INTAKE_URL), ("queue", QUEUE_URL), ("bulk", BULK_URL)]
)
@pytest.mark.parametrize("user_fixture", ["entrepreneur", "analyst"])
def test_officer_pages_do_not_exist_for_others(client, request, _case, url, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.post(url) if url == BULK_URL else client.get(url)

    assert response.status_code == 404


# --- Lodging -----------------------------------------------------------------------------------


def _lodge_data(unit, **overrides) -> dict:
    data = {
        "on_behalf_of": str(unit.pk),
        "kind": "grievance",
        "subject": "Payment pending for 120 days",
        "description": "हमारा भुगतान 120 दिन से रुका है. Invoice 42 unpaid.",
        "category": "",
        "token": "a1b2c3",
    }
    data.update(overrides)
    return data


def test_lodge_form_offers_the_enterprises_and_a_fresh_token(client, entrepreneur, unit):
    client.force_login(entrepreneur)

    first = client.get(LODGE_URL)
    second = client.get(LODGE_URL)

    html = first.content.decode()
    assert f'<option value="{unit.pk}">Deccan Precision Tools</option>' in html
    assert '<option value="aspiring">' in html
    assert '<input type="file" name="attachments" accept=".pdf,.jpg,.jpeg,.png" multiple' in html
    assert first.context["form"]["token"].value() != second.context["form"]["token"].value()
    assert len(first.context["form"]["token"].value()) == 32


def test_lodging_acknowledges_with_number_room_and_due_date(client, entrepreneur, unit):
    # given
    client.force_login(entrepreneur)

    # when
    response = client.post(LODGE_URL, _lodge_data(unit), follow=True)

    # then
    grievance = Grievance.objects.get()
    assert response.redirect_chain == [(_url("acknowledgement", grievance.pk), 302)]
    html = response.content.decode()
    assert grievance.registration_number in html
    assert "Champions Control Room, Mumbai" in html
    assert _day(grievance.resolution_due_at, "%-d %B %Y") in html
    assert (grievance.category, grievance.complainant, grievance.enterprise) == (
        "other",
        entrepreneur,
        unit,
    )


def test_lodging_as_an_aspiring_entrepreneur_needs_no_enterprise(client, entrepreneur, unit):
    client.force_login(entrepreneur)

    client.post(LODGE_URL, _lodge_data(unit, on_behalf_of="aspiring", kind="suggestion"))

    grievance = Grievance.objects.get()
    assert (grievance.complainant_type, grievance.enterprise, grievance.kind) == (
        "aspiring",
        None,
        "suggestion",
    )


def test_double_submission_lodges_one_grievance(client, entrepreneur, unit):
    # given
    client.force_login(entrepreneur)
    first = client.post(LODGE_URL, _lodge_data(unit))

    # when
    second = client.post(LODGE_URL, _lodge_data(unit), follow=True)

    # then
    grievance = Grievance.objects.get()
    assert first["Location"] == _url("acknowledgement", grievance.pk)
    assert second.redirect_chain == [(_url("acknowledgement", grievance.pk), 302)]
    assert _messages(second) == ["This form had already been sent; here is what it lodged."]


@pytest.mark.parametrize(
    ("_case", "overrides", "field", "message"),
    [
        ("no subject", {"subject": ""}, "subject", "This field is required."),
        (
            "description too long",
            {"description": "x" * 10001},
            "description",
            "Ensure this value has at most 10000 characters (it has 10001).",
        ),
        (
            "someone else's enterprise",
            {"on_behalf_of": "-1"},
            "on_behalf_of",
            "Select a valid choice. -1 is not one of the available choices.",
        ),
    ],
)
def test_lodging_with_invalid_input_shows_the_field_message(
    client, entrepreneur, unit, _case, overrides, field, message
):
    client.force_login(entrepreneur)

    response = client.post(LODGE_URL, _lodge_data(unit, **overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert Grievance.objects.count() == 0


def test_lodging_with_a_refused_file_shows_the_services_message(client, entrepreneur, unit, media):
    client.force_login(entrepreneur)
    data = _lodge_data(unit, attachments=[SimpleUploadedFile("a.pdf", b"MZ not a pdf")])

    response = client.post(LODGE_URL, data)

    assert response.context["form"].errors["attachments"] == [
        "a.pdf is not a PDF, JPG or PNG file."
    ]
    assert Grievance.objects.count() == 0


def test_lodged_files_are_downloadable_only_in_scope(
    client, entrepreneur, other_entrepreneur, spoke_officer, unit, media
):
    # given
    client.force_login(entrepreneur)
    data = _lodge_data(unit, attachments=[SimpleUploadedFile("invoice 42.pdf", PDF)])
    client.post(LODGE_URL, data)
    attachment = Attachment.objects.get()
    download_url = reverse("web:grievances:attachment_download", args=[attachment.pk])

    # when
    page = client.get(_url("detail", attachment.grievance_id))
    download = client.get(download_url)

    # then
    assert f'href="{download_url}"' in page.content.decode()
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="invoice 42.pdf"'
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF
    client.force_login(other_entrepreneur)
    assert client.get(download_url).status_code == 404
    client.force_login(spoke_officer)
    assert client.get(download_url).status_code == 200


def test_officers_are_sent_from_lodging_to_intake(client, spoke_officer):
    client.force_login(spoke_officer)

    response = client.get(LODGE_URL)

    assert response["Location"] == INTAKE_URL


# --- Officer intake ----------------------------------------------------------------------------


def _intake_data(**overrides) -> dict:
    data = {
        "channel": "phone",
        "contact_name": "Asha Patil",
        "contact_phone": "9876543210",
        "contact_email": "",
        "complainant_type": "enterprise",
        "udyam_number": "udyam-mh-26-0012345",
        "state": "",
        "district": "",
        "kind": "grievance",
        "subject": "Power cuts at the estate",
        "description": "Called in: six hours of cuts a day in Bhosari.",
        "category": "infrastructure",
        "token": "intake-1",
    }
    data.update(overrides)
    return data


def test_intake_records_a_phone_grievance_for_an_enterprise_in_scope(client, spoke_officer, unit):
    client.force_login(spoke_officer)

    response = client.post(INTAKE_URL, _intake_data())

    grievance = Grievance.objects.get()
    assert response["Location"] == _url("acknowledgement", grievance.pk)
    assert (grievance.channel, grievance.enterprise, grievance.lodged_by) == (
        "phone",
        unit,
        spoke_officer,
    )
    assert (grievance.contact_name, grievance.contact_phone, grievance.complainant) == (
        "Asha Patil",
        "9876543210",
        None,
    )


def test_intake_routed_elsewhere_still_shows_its_acknowledgement(client, spoke_officer):
    # given: no enterprise and no district, so it goes to the hub
    client.force_login(spoke_officer)
    data = _intake_data(udyam_number="", complainant_type="aspiring")

    # when
    response = client.post(INTAKE_URL, data, follow=True)

    # then
    grievance = Grievance.objects.get()
    assert grievance.room.kind == "hub"
    assert response.status_code == 200
    assert grievance.registration_number in response.content.decode()
    assert client.get(_url("detail", grievance.pk)).status_code == 404


@pytest.mark.parametrize(
    ("_case", "overrides", "field", "message"),
    [
        (
            "no contact (from the service)",
            {"contact_phone": "", "contact_email": ""},
            "contact_phone",
            "Record a mobile number or an e-mail address.",
        ),
        (
            "enterprise outside scope",
            {"udyam_number": "UDYAM-DL-07-0000001"},
            "udyam_number",
            "No enterprise with this Udyam number in your scope.",
        ),
        (
            "enterprise grievance without enterprise (from the service)",
            {"udyam_number": ""},
            "udyam_number",
            "Choose the enterprise this grievance is about.",
        ),
    ],
)
def test_intake_with_invalid_input_shows_the_field_message(
    client, spoke_officer, unit, _case, overrides, field, message
):
    client.force_login(spoke_officer)

    response = client.post(INTAKE_URL, _intake_data(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert Grievance.objects.count() == 0


# --- My grievances -----------------------------------------------------------------------------


def test_my_grievances_lists_mine_with_status_and_due_date(
    client, entrepreneur, other_entrepreneur, grievance
):
    client.force_login(entrepreneur)

    response = client.get(LIST_URL)

    html = response.content.decode()
    assert [g.pk for g in response.context["page"].items] == [grievance.pk]
    assert grievance.registration_number in html
    assert 'class="badge status-submitted"' in html
    assert _day(grievance.resolution_due_at, "%-d %b %Y") in html


def test_my_grievances_empty_state_links_to_lodging(client, other_entrepreneur, grievance):
    client.force_login(other_entrepreneur)

    response = client.get(LIST_URL)

    html = response.content.decode()
    assert response.context["page"].items == []
    assert "You have not lodged any grievance yet." in html
    assert f'href="{LODGE_URL}"' in html


def test_my_grievances_sends_officers_to_the_queue(client, spoke_officer):
    client.force_login(spoke_officer)

    assert client.get(LIST_URL)["Location"] == QUEUE_URL


# --- The work queue ----------------------------------------------------------------------------


@pytest.fixture
def queue(entrepreneur, unit, spoke_officer):
    """Three in Mumbai (one assigned, one a suggestion at the hub) and one in Delhi."""
    first = lodge(entrepreneur, unit, category="delayed_payment")
    second = lodge(entrepreneur, unit, category="credit")
    grievance_transition(grievance_id=second.pk, action="assign", actor=spoke_officer)
    suggestion = lodge(entrepreneur, unit, kind="suggestion", enterprise_id=None)
    third = lodge(entrepreneur, unit, category="credit")
    Grievance.objects.filter(pk=third.pk).update(sla_state="breached")
    delhi = lodge(entrepreneur, unit)
    Grievance.objects.filter(pk=delhi.pk).update(room=room_get_by_code(code="spoke-dl"))
    tally_recount()  # the room was changed around the model
    return {"first": first, "second": second, "third": third, "hub": suggestion, "dl": delhi}


def _ids(response) -> list[int]:
    return [g.pk for g in response.context["page"].items]


def _counts(response) -> dict[str, int]:
    return {row.status: row.count for row in response.context["counts"] if row.count}


def test_queue_shows_the_rooms_grievances_to_a_spoke_officer(client, spoke_officer, queue):
    client.force_login(spoke_officer)

    response = client.get(QUEUE_URL)

    assert _ids(response) == [queue["third"].pk, queue["second"].pk, queue["first"].pk]
    assert _counts(response) == {"submitted": 2, "assigned": 1}
    html = response.content.decode()
    assert 'class="badge sla-breached"' in html
    assert 'class="badge status-assigned"' in html
    assert f'name="ids" value="{queue["first"].pk}"' in html


def test_queue_shows_everything_to_a_hub_officer(client, hub_officer, queue):
    client.force_login(hub_officer)

    response = client.get(QUEUE_URL)

    assert len(_ids(response)) == 5
    assert _counts(response) == {"submitted": 4, "assigned": 1}


@pytest.mark.parametrize(
    ("_case", "params", "expected", "counts"),
    [
        ("status", {"status": "assigned"}, ["second"], {"submitted": 2, "assigned": 1}),
        ("category", {"category": "credit"}, ["third", "second"], {"submitted": 1, "assigned": 1}),
        ("sla", {"sla_state": "breached"}, ["third"], {"submitted": 1}),
        ("kind", {"kind": "suggestion"}, [], {}),
        ("channel", {"channel": "web"}, ["third", "second", "first"], None),
        ("channel none", {"channel": "letter"}, [], {}),
        ("younger than a day", {"max_age": "0"}, ["third", "second", "first"], None),
        ("older than a day", {"min_age": "1"}, [], {}),
        ("oldest first", {"sort": "oldest"}, ["first", "second", "third"], None),
        ("due soonest", {"sort": "due"}, ["first", "second", "third"], None),
        ("status and category", {"status": "submitted", "category": "credit"}, ["third"], None),
    ],
)
def test_queue_applies_the_filters_and_counts_the_rest_by_status(
    client, spoke_officer, queue, _case, params, expected, counts
):
    client.force_login(spoke_officer)

    response = client.get(QUEUE_URL, params)

    assert _ids(response) == [queue[name].pk for name in expected]
    if counts is not None:
        assert _counts(response) == counts


def test_queue_htmx_request_gets_only_the_results(client, spoke_officer, queue):
    client.force_login(spoke_officer)

    response = client.get(QUEUE_URL, {"status": "assigned"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.startswith('<section id="queue-results"')
    assert "<html" not in html
    assert queue["second"].registration_number in html


def test_queue_pages_by_keyset_and_keeps_the_filters(client, settings, spoke_officer, queue):
    # given
    settings.CHAMPIONS_PAGE_SIZE = 2
    client.force_login(spoke_officer)

    # when
    first = client.get(QUEUE_URL, {"sort": "oldest"})
    second = client.get(QUEUE_URL, {"sort": "oldest", "after": first.context["page"].next_cursor})

    # then
    assert _ids(first) == [queue["first"].pk, queue["second"].pk]
    assert _ids(second) == [queue["third"].pk]
    assert f"?sort=oldest&amp;after={queue['second'].pk}" in first.content.decode()


def test_queue_query_count_does_not_grow_with_rows(
    client, spoke_officer, queue, entrepreneur, unit, django_assert_num_queries
):
    # given
    for _ in range(5):
        lodge(entrepreneur, unit)
    client.force_login(spoke_officer)

    # when / then: session and user; the counts per status; one page of grievances with
    # room and assignee (those with a due date, then, the page being short, those without);
    # the rooms for bulk transfer; the unread notifications in the navigation (the idle
    # clock started at login: no session write)
    with django_assert_num_queries(7):
        response = client.get(QUEUE_URL, {"sort": "due", "category": "delayed_payment"})

    assert len(_ids(response)) == 6


def test_queue_query_count_on_a_later_page_of_due(
    client, settings, spoke_officer, queue, django_assert_num_queries
):
    settings.CHAMPIONS_PAGE_SIZE = 1
    client.force_login(spoke_officer)

    # the cursor row's due date, then the page (full with dated rows: no second part)
    with django_assert_num_queries(7):
        response = client.get(QUEUE_URL, {"sort": "due", "after": queue["first"].pk})

    assert _ids(response) == [queue["second"].pk]


# --- Bulk work ---------------------------------------------------------------------------------


def test_bulk_assign_asks_to_confirm_and_changes_nothing(client, spoke_officer, queue):
    client.force_login(spoke_officer)
    ids = [queue["first"].pk, queue["third"].pk]

    response = client.post(BULK_URL, {"ids": ids, "operation": "assign_to_me"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Assign these 2 grievances to yourself?" in html
    assert 'name="confirmed" value="True"' in html
    assert not Grievance.objects.filter(assignee=spoke_officer).exclude(pk=queue["second"].pk)


def test_bulk_assign_confirmed_assigns_and_reports_the_rest(client, spoke_officer, queue):
    # given
    client.force_login(spoke_officer)
    ids = [queue["first"].pk, queue["third"].pk, queue["dl"].pk]

    # when
    response = client.post(
        BULK_URL, {"ids": ids, "operation": "assign_to_me", "confirmed": "True"}, follow=True
    )

    # then
    assert _messages(response) == [
        "2 grievances assigned to you.",
        f"Grievance {queue['dl'].pk}: No such grievance.",
    ]
    assert set(Grievance.objects.filter(assignee=spoke_officer).values_list("pk", flat=True)) == {
        queue["first"].pk,
        queue["second"].pk,
        queue["third"].pk,
    }
    assert Grievance.objects.get(pk=queue["dl"].pk).assignee is None


def test_bulk_transfer_needs_a_room_and_reason(client, spoke_officer, queue):
    client.force_login(spoke_officer)

    response = client.post(
        BULK_URL, {"ids": [queue["first"].pk], "operation": "transfer"}, follow=True
    )

    assert _messages(response) == ["Choose a control room.", "Give a reason."]
    assert Grievance.objects.get(pk=queue["first"].pk).transfer_count == 0


def test_bulk_transfer_confirmed_moves_them(client, spoke_officer, queue):
    # given
    client.force_login(spoke_officer)
    delhi = room_get_by_code(code="spoke-dl")
    data = {
        "ids": [queue["first"].pk, queue["third"].pk],
        "operation": "transfer",
        "room": str(delhi.pk),
        "reason": "The buyers are in Delhi.",
    }

    # when
    confirm = client.post(BULK_URL, data)
    done = client.post(BULK_URL, {**data, "confirmed": "True"}, follow=True)

    # then
    assert "Transfer these 2 grievances to" in confirm.content.decode()
    assert _messages(done) == ["2 grievances transferred."]
    assert Grievance.objects.filter(room=delhi).count() == 3


# --- The grievance page ------------------------------------------------------------------------


def test_grievance_page_for_the_msme_hides_internal_notes(
    client, entrepreneur, spoke_officer, grievance
):
    # given
    grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="Call the PSU.", is_internal=True
    )
    grievance_message_add(grievance_id=grievance.pk, actor=spoke_officer, body="We are on it.")
    client.force_login(entrepreneur)

    # when
    response = client.get(_url("detail", grievance.pk))

    # then
    html = response.content.decode()
    assert grievance.registration_number in html
    assert "We are on it." in html
    assert "Call the PSU." not in html
    assert 'name="is_internal"' not in html
    assert response.context["actions"] == []
    assert response.context["transfer_form"] is None
    assert "Champions Control Room, Mumbai" in html


def test_grievance_page_for_an_officer_shows_notes_actions_and_tools(
    client, spoke_officer, grievance
):
    # given
    grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="Call the PSU.", is_internal=True
    )
    client.force_login(spoke_officer)

    # when
    response = client.get(_url("detail", grievance.pk))

    # then
    html = response.content.decode()
    assert "Call the PSU." in html
    assert 'name="is_internal"' in html
    assert [a["value"] for a in response.context["actions"]] == ["assign"]
    assert 'action="{}"'.format(_url("transfer", grievance.pk)) in html
    assert 'name="assignee"' in html


def test_action_with_a_note_shows_a_note_field(client, spoke_officer, grievance):
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    grievance_transition(grievance_id=grievance.pk, action="start", actor=spoke_officer)
    client.force_login(spoke_officer)

    response = client.get(_url("detail", grievance.pk))

    actions = {a["value"]: a["needs_note"] for a in response.context["actions"]}
    assert actions == {"ask_msme": True, "resolve": True}
    assert 'id="note-resolve"' in response.content.decode()


def test_each_text_area_on_the_page_has_its_own_label(client, spoke_officer, grievance):
    # given: an officer's page with two actions that need a note, a transfer and a referral
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    grievance_transition(grievance_id=grievance.pk, action="start", actor=spoke_officer)
    client.force_login(spoke_officer)

    # when
    html = client.get(_url("detail", grievance.pk)).content.decode()

    # then
    labels = dict(re.findall(r'<label for="([^"]+)">([^<]*)', html))
    text_areas = re.findall(r'<textarea[^>]*\bid="([^"]+)"', html)
    named = {id_: labels[id_].strip() for id_ in text_areas}
    assert len(named) == len(text_areas)
    assert len(set(named.values())) == len(named)
    assert {id_: named.get(id_) for id_ in NOTE_AND_REASON_LABELS} == NOTE_AND_REASON_LABELS


NOTE_AND_REASON_LABELS = {
    "note-ask_msme": "Note for “Ask the MSME for information”",
    "note-resolve": "Note for “Mark resolved”",
    "id_reason": "Reason for the transfer",
    "id_referral_reason": "Reason for the referral",
}


def test_officer_takes_an_action(client, spoke_officer, grievance):
    client.force_login(spoke_officer)

    response = client.post(_url("transition", grievance.pk), {"action": "assign"}, follow=True)

    grievance.refresh_from_db()
    assert (grievance.status, grievance.assignee) == ("assigned", spoke_officer)
    assert _messages(response) == ["Done: Assign to me."]


@pytest.mark.parametrize(
    ("_case", "user_fixture", "data", "message"),
    [
        (
            "msme resolves",
            "entrepreneur",
            {"action": "resolve", "note": "Done"},
            "'resolve' is not possible while the grievance is submitted.",
        ),
        (
            "officer starts before assigning",
            "spoke_officer",
            {"action": "start"},
            "'start' is not possible while the grievance is submitted.",
        ),
        ("unknown action", "spoke_officer", {"action": "explode"}, "That action is not possible."),
    ],
)
def test_an_illegal_action_shows_a_message_and_changes_nothing(
    client, request, grievance, _case, user_fixture, data, message
):
    # given
    client.force_login(request.getfixturevalue(user_fixture))
    events = TimelineEntry.objects.filter(grievance=grievance).count()

    # when
    response = client.post(_url("transition", grievance.pk), data, follow=True)

    # then
    assert response.status_code == 200
    assert _messages(response) == [message]
    grievance.refresh_from_db()
    assert grievance.status == "submitted"
    assert TimelineEntry.objects.filter(grievance=grievance).count() == events


def test_resolving_without_a_note_is_refused_with_a_message(client, spoke_officer, grievance):
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    client.force_login(spoke_officer)

    response = client.post(_url("transition", grievance.pk), {"action": "resolve"}, follow=True)

    assert _messages(response) == ["Please add a note.", "A note is needed."]
    assert Grievance.objects.get(pk=grievance.pk).status == "assigned"


def test_msme_rates_a_resolved_grievance_and_a_poor_rating_offers_an_appeal(
    client, entrepreneur, spoke_officer, grievance
):
    # given
    _resolved(grievance, spoke_officer)
    client.force_login(entrepreneur)
    page = client.get(_url("detail", grievance.pk))

    # when
    response = client.post(
        _url("rate", grievance.pk), {"rating": "2", "comment": "Still unpaid."}, follow=True
    )

    # then
    assert page.context["rating_form"] is not None
    assert [a["value"] for a in page.context["actions"]] == ["reopen", "close"]
    grievance.refresh_from_db()
    assert (grievance.status, grievance.rating, grievance.feedback) == (
        "closed",
        2,
        "Still unpaid.",
    )
    assert _messages(response) == [
        "Thank you for your feedback.",
        "Not settled? You may appeal to the hub: give your reasons below.",
    ]
    assert [a["value"] for a in response.context["actions"]] == ["appeal"]


def test_rating_an_unresolved_grievance_shows_a_message(client, entrepreneur, grievance):
    client.force_login(entrepreneur)

    response = client.post(_url("rate", grievance.pk), {"rating": "5"}, follow=True)

    assert _messages(response) == ["'close' is not possible while the grievance is submitted."]
    assert Grievance.objects.get(pk=grievance.pk).rating is None


def test_msme_message_is_added_and_an_internal_flag_from_them_is_ignored(
    client, entrepreneur, grievance
):
    client.force_login(entrepreneur)

    client.post(_url("message", grievance.pk), {"body": "Any news?", "is_internal": "on"})

    message = Message.objects.get()
    assert (message.body, message.is_internal, message.author) == ("Any news?", False, entrepreneur)


def test_officer_internal_note_with_a_file(client, spoke_officer, entrepreneur, grievance, media):
    # given
    client.force_login(spoke_officer)
    data = {"body": "Checked with the PSU.", "is_internal": "on"}
    data["attachments"] = [SimpleUploadedFile("psu.pdf", PDF)]

    # when
    client.post(_url("message", grievance.pk), data)

    # then
    message = Message.objects.get()
    assert message.is_internal is True
    attachment = Attachment.objects.get()
    assert attachment.message == message
    client.force_login(entrepreneur)
    page = client.get(_url("detail", grievance.pk)).content.decode()
    assert "psu.pdf" not in page
    download = reverse("web:grievances:attachment_download", args=[attachment.pk])
    assert client.get(download).status_code == 404


def test_an_empty_message_shows_the_field_message_and_keeps_the_page(
    client, entrepreneur, grievance
):
    client.force_login(entrepreneur)

    response = client.post(_url("message", grievance.pk), {"body": ""})

    assert response.status_code == 422
    assert response.context["message_form"].errors["body"] == ["This field is required."]
    assert Message.objects.count() == 0


def test_canned_reply_fills_the_message_box(client, spoke_officer, grievance):
    # given
    reply = CannedReply.objects.create(title="Ask for invoice", body="Please send the invoice.")
    client.force_login(spoke_officer)

    # when
    page = client.get(_url("detail", grievance.pk))
    partial = client.get(
        _url("detail", grievance.pk), {"reply": reply.pk}, headers={"HX-Request": "true"}
    )
    full = client.get(_url("detail", grievance.pk), {"reply": reply.pk})

    # then
    assert f'<option value="{reply.pk}">Ask for invoice</option>' in page.content.decode()
    html = partial.content.decode()
    assert html.startswith('<form id="message-form"')
    assert "Please send the invoice.</textarea>" in html
    assert "Please send the invoice.</textarea>" in full.content.decode()


def test_canned_replies_are_not_offered_to_the_msme(client, entrepreneur, grievance):
    reply = CannedReply.objects.create(title="Ask for invoice", body="Please send the invoice.")
    client.force_login(entrepreneur)

    response = client.get(_url("detail", grievance.pk), {"reply": reply.pk})

    assert "Please send the invoice." not in response.content.decode()


def test_officer_transfers_and_returns_to_the_queue(client, spoke_officer, grievance):
    # given
    client.force_login(spoke_officer)
    delhi = room_get_by_code(code="spoke-dl")

    # when
    response = client.post(
        _url("transfer", grievance.pk), {"room": delhi.pk, "reason": "Buyer in Delhi."}
    )

    # then
    assert response["Location"] == QUEUE_URL
    grievance.refresh_from_db()
    assert (grievance.room, grievance.transfer_count) == (delhi, 1)


def test_officer_assigns_to_a_colleague(client, spoke_officer, mh_room, grievance):
    colleague = user_create(
        email="colleague.mh@example.com",
        password="pw-Secret-2026",
        role="spoke_officer",
        control_room_id=mh_room.pk,
    )
    client.force_login(spoke_officer)
    page = client.get(_url("detail", grievance.pk))

    client.post(_url("assign", grievance.pk), {"assignee": colleague.pk})

    assert f'<option value="{colleague.pk}">colleague.mh@example.com</option>' in (
        page.content.decode()
    )
    assert Grievance.objects.get(pk=grievance.pk).assignee == colleague


def test_officer_merges_a_duplicate(client, spoke_officer, entrepreneur, unit, grievance):
    # given
    duplicate = lodge(entrepreneur, unit)
    client.force_login(spoke_officer)

    # when
    response = client.post(
        _url("merge", duplicate.pk),
        {"primary": grievance.registration_number.lower()},
        follow=True,
    )

    # then
    duplicate.refresh_from_db()
    assert (duplicate.status, duplicate.merged_into) == ("closed", grievance)
    assert _messages(response) == [f"Merged into {grievance.registration_number}."]


def test_merging_into_an_unknown_number_shows_a_message(client, spoke_officer, grievance):
    client.force_login(spoke_officer)

    response = client.post(_url("merge", grievance.pk), {"primary": "CHMP/1999/XX/0"}, follow=True)

    assert _messages(response) == ["No grievance with that registration number in your scope."]
    assert Grievance.objects.get(pk=grievance.pk).status == "submitted"


# --- Public tracking ---------------------------------------------------------------------------


@pytest.mark.parametrize("contact", ["owner@example.com", "OWNER@example.com "])
def test_tracking_shows_status_due_date_and_the_public_timeline(
    client, spoke_officer, grievance, contact
):
    # given
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="Secret", is_internal=True
    )

    # when
    response = client.post(
        TRACK_URL, {"registration_number": grievance.registration_number, "contact": contact}
    )

    # then
    html = response.content.decode()
    assert response.context["result"].grievance == grievance
    assert 'class="badge status-assigned"' in html
    assert _day(grievance.resolution_due_at, "%-d %B %Y") in html
    assert [row["label"] for row in response.context["timeline"]] == ["Lodged", "Assigned"]
    assert "Secret" not in html
    assert "Internal note" not in html


@pytest.mark.parametrize(
    ("_case", "number", "contact"),
    [
        ("wrong contact", None, "someone@example.com"),
        ("wrong number", "CHMP/2026/MH/9999999", "owner@example.com"),
    ],
)
def test_tracking_says_the_same_when_either_is_wrong(client, grievance, _case, number, contact):
    response = client.post(
        TRACK_URL,
        {"registration_number": number or grievance.registration_number, "contact": contact},
    )

    assert response.context["result"] is None
    assert response.context["form"].non_field_errors() == [
        "We found no grievance with that number and mobile number or e-mail."
    ]
