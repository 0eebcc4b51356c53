"""The grievance API: lifecycle, idempotency, input errors, lists, detail, files and tracking."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from champions.accounts.services import api_token_create
from champions.controlrooms.selectors import hub_get
from champions.grievances.attachments.services import MAX_BYTES, attachments_add
from champions.grievances.models import Attachment, Grievance, IdempotencyKey
from champions.grievances.services import grievance_message_add, grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.registry.services import enterprise_representative_add

pytestmark = pytest.mark.django_db
BASE = "/api/v1/grievances"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"0" * 64


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


@pytest.fixture
def grievance(entrepreneur, unit):
    return lodge(entrepreneur, unit)


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {api_token_create(user=user, name='test').key}"}


def post(client, url: str, body: dict, user, **headers):
    return client.post(
        url, body, content_type="application/json", headers={**bearer(user), **headers}
    )


def get(client, url: str, user, **params):
    return client.get(url, params, headers=bearer(user))


def lodge_body(unit, **overrides) -> dict:
    body = {
        "subject": "Payment pending for 120 days",
        "description": "A PSU buyer has not paid invoice 42 of Rs 8 lakh since March.",
        "enterprise_id": unit.pk,
        "category": "delayed_payment",
    }
    body.update(overrides)
    return body


def test_whole_lifecycle_through_the_api(
    client, entrepreneur, unit, spoke_officer, appellate_officer
):
    created = post(client, BASE, lodge_body(unit), entrepreneur)
    assert created.status_code == 201
    number, url = created.json()["registration_number"], f"{BASE}/{created.json()['id']}"
    assert created.json()["status"] == "submitted"
    assert created.json()["actions"] == []
    assert created.json()["expected_resolution_date"] is not None

    owner, mh, hub = entrepreneur, spoke_officer, appellate_officer
    steps = [
        (mh, "transitions", {"action": "assign"}, 200, "assigned"),
        (mh, "transitions", {"action": "start"}, 200, "in_progress"),
        (mh, "messages", {"body": "We have written to the buyer."}, 201, None),
        (mh, "transitions", {"action": "resolve", "note": "Paid on 3 May."}, 200, "resolved"),
        (owner, "rating", {"rating": 1, "comment": "Interest not paid."}, 200, "closed"),
        (owner, "transitions", {"action": "appeal", "note": "Interest not paid."}, 200, "appealed"),
        (hub, "transitions", {"action": "decide_appeal", "note": "Pay it."}, 200, "appeal_decided"),
    ]
    for user, path, body, status, state in steps:
        response = post(client, f"{url}/{path}", body, user)
        assert response.status_code == status, (path, body, response.json())
        if state:
            assert response.json()["status"] == state

    detail = get(client, url, entrepreneur).json()
    assert (detail["registration_number"], detail["rating"], detail["room"]["id"]) == (
        number,
        1,
        hub_get().pk,
    )
    assert [(e["from_status"], e["to_status"]) for e in detail["timeline"] if e["to_status"]] == [
        ("", "submitted"),
        ("submitted", "assigned"),
        ("assigned", "in_progress"),
        ("in_progress", "resolved"),
        ("resolved", "closed"),
        ("closed", "appealed"),
        ("appealed", "appeal_decided"),
    ]
    assert [m["body"] for m in detail["messages"]] == ["We have written to the buyer."]


def test_idempotency_key_retry_returns_the_first_grievance(client, entrepreneur, unit):
    first = post(client, BASE, lodge_body(unit), entrepreneur, **{"Idempotency-Key": "k-42"})
    retry = post(client, BASE, lodge_body(unit), entrepreneur, **{"Idempotency-Key": "k-42"})

    assert (first.status_code, retry.status_code) == (201, 200)
    assert first.get("Idempotent-Replayed") is None
    assert retry["Idempotent-Replayed"] == "true"
    assert retry.json()["id"] == first.json()["id"]
    assert Grievance.objects.count() == 1
    assert IdempotencyKey.objects.get().grievance_id == first.json()["id"]


@pytest.mark.parametrize(
    "change",
    [
        {"subject": "A different subject"},
        {"description": "A different description of another problem."},
        {"kind": "suggestion"},
    ],
)
def test_an_idempotency_key_reused_for_a_different_body_is_refused(
    client, entrepreneur, unit, change
):
    first = post(client, BASE, lodge_body(unit), entrepreneur, **{"Idempotency-Key": "k-7"})
    reuse = post(
        client, BASE, lodge_body(unit, **change), entrepreneur, **{"Idempotency-Key": "k-7"}
    )

    assert (first.status_code, reuse.status_code) == (201, 422)
    assert reuse.json()["code"] == "idempotency_key_reused"
    assert list(reuse.json()["errors"]) == ["Idempotency-Key"]
    assert Grievance.objects.count() == 1


def test_fields_a_client_may_not_set_are_ignored(client, entrepreneur, unit, hub_officer):
    body = lodge_body(
        unit,
        status="closed",
        room_id=hub_get().pk,
        assignee_id=hub_officer.pk,
        priority="critical",
        registration_number="CHMP/2000/XX/0000001",
        rating=5,
    )

    response = post(client, BASE, body, entrepreneur)

    assert response.status_code == 201
    grievance = Grievance.objects.get()
    assert (grievance.status, grievance.priority, grievance.assignee, grievance.rating) == (
        "submitted",
        "normal",
        None,
        None,
    )
    assert grievance.room.code == "spoke-mh"
    assert grievance.registration_number.startswith("CHMP/")
    assert "/MH/" in grievance.registration_number


@pytest.mark.parametrize(
    ("_case", "overrides", "field"),
    [
        ("missing subject", {"subject": None}, "subject"),
        ("blank subject", {"subject": "  "}, "subject"),
        ("long subject", {"subject": "x" * 201}, "subject"),
        ("unknown category", {"category": "weather"}, "category"),
        ("unknown kind", {"kind": "complaint"}, "kind"),
        ("bad mobile", {"contact_phone": "12345"}, "contact_phone"),
        ("bad e-mail", {"contact_email": "not-an-address"}, "contact_email"),
        ("web channel", {"channel": "web"}, "channel"),
        ("someone else's unit", {"enterprise_id": 999999}, "enterprise"),
        ("not an id at all", {"enterprise_id": -1}, "enterprise_id"),
        ("enterprise id as text", {"enterprise_id": "abc"}, "enterprise_id"),
    ],
)
def test_bad_input_gets_422_per_field(client, entrepreneur, unit, _case, overrides, field):
    body = {k: v for k, v in lodge_body(unit, **overrides).items() if v is not None}

    response = post(client, BASE, body, entrepreneur)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]
    assert Grievance.objects.count() == 0


def test_oversized_description_is_refused_with_a_message(client, entrepreneur, unit):
    response = post(client, BASE, lodge_body(unit, description="x" * 10_001), entrepreneur)

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "description": ["String should have at most 10000 characters"]
    }
    assert Grievance.objects.count() == 0


def test_officer_records_a_phone_intake(client, spoke_officer, unit):
    body = lodge_body(
        unit, channel="phone", contact_name="Sunita Patil", contact_phone="9876543210"
    )

    response = post(client, BASE, body, spoke_officer)

    assert response.status_code == 201
    grievance = Grievance.objects.get()
    assert (grievance.channel, grievance.lodged_by, grievance.complainant) == (
        "phone",
        spoke_officer,
        None,
    )


def test_entrepreneur_cannot_use_officer_channels(client, entrepreneur, unit):
    body = lodge_body(unit, channel="letter", contact_name="Me", contact_phone="9876543210")

    response = post(client, BASE, body, entrepreneur)

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert Grievance.objects.count() == 0


def test_api_lodging_records_the_api_channel(client, entrepreneur, unit):
    post(client, BASE, lodge_body(unit), entrepreneur)

    assert Grievance.objects.get().channel == "api"


# --- the list ------------------------------------------------------------------------------


def test_list_filters_and_counts(client, entrepreneur, unit, spoke_officer):
    credit = lodge(entrepreneur, unit, category="credit")
    paid = lodge(entrepreneur, unit)
    grievance_transition(grievance_id=paid.pk, action="assign", actor=spoke_officer)
    lodge(entrepreneur, unit, kind="suggestion", complainant_type="aspiring", category="other")

    body = get(client, BASE, spoke_officer, status="submitted").json()
    assert [g["id"] for g in body["items"]] == [credit.pk]
    assert (body["counts"]["submitted"], body["counts"]["assigned"]) == (1, 1)
    assert body["counts"]["closed"] == 0
    body = get(client, BASE, entrepreneur, category="delayed_payment").json()
    assert [g["id"] for g in body["items"]] == [paid.pk]
    assert body["items"][0]["assignee"]["id"] == spoke_officer.pk
    assert body["items"][0]["room"]["name"] == paid.room.name
    body = get(client, BASE, entrepreneur, kind="suggestion").json()
    assert body["items"][0]["room"]["id"] == hub_get().pk
    body = get(client, BASE, entrepreneur, q=credit.registration_number[:-1].lower()).json()
    assert {g["id"] for g in body["items"]} >= {credit.pk}
    body = get(client, BASE, entrepreneur, q=credit.registration_number).json()
    assert [g["id"] for g in body["items"]] == [credit.pk]


def test_a_unit_with_two_representatives_lists_each_grievance_once(
    client, entrepreneur, other_entrepreneur, unit
):
    enterprise_representative_add(udyam_number=unit.udyam_number, user=other_entrepreneur)
    grievance = lodge(entrepreneur, unit)

    body = get(client, BASE, entrepreneur).json()

    assert [g["id"] for g in body["items"]] == [grievance.pk]
    assert body["counts"]["submitted"] == 1


def test_unknown_filter_value_is_422(client, entrepreneur):
    response = get(client, BASE, entrepreneur, status="lost", size=500)

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"status", "size"}


def test_keyset_pages(client, entrepreneur, unit):
    ids = [lodge(entrepreneur, unit).pk for _ in range(5)][::-1]

    first = get(client, BASE, entrepreneur, size=2).json()
    second = get(client, BASE, entrepreneur, size=2, after=first["next_cursor"]).json()
    back = get(client, BASE, entrepreneur, size=2, before=second["previous_cursor"]).json()

    assert [g["id"] for g in first["items"]] == ids[:2]
    assert [g["id"] for g in second["items"]] == ids[2:4]
    assert [g["id"] for g in back["items"]] == ids[:2]
    assert first["previous_cursor"] is None


@pytest.mark.parametrize("rows", [1, 12])
def test_list_queries_do_not_grow_with_rows(
    client, entrepreneur, unit, spoke_officer, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        grievance = lodge(entrepreneur, unit)
        grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    client.force_login(spoke_officer)

    # session and user, counts per status (from the tallies), the page's ids, then its rows
    # (rooms and assignees joined); the idle clock started at login, so no session write
    with django_assert_max_num_queries(5):
        response = client.get(BASE, {"size": 100})

    assert len(response.json()["items"]) == rows


# --- detail, transitions --------------------------------------------------------------------


def test_detail_hides_internal_entries_from_the_msme(
    client, grievance, entrepreneur, spoke_officer
):
    grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="Shared", is_internal=False
    )
    grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="Note", is_internal=True
    )
    url = f"{BASE}/{grievance.pk}"

    mine, theirs = get(client, url, entrepreneur).json(), get(client, url, spoke_officer).json()

    assert [m["body"] for m in mine["messages"]] == ["Shared"]
    assert [(m["body"], m["internal"]) for m in theirs["messages"]] == [
        ("Shared", False),
        ("Note", True),
    ]
    assert [e["action"] for e in mine["timeline"]] == ["lodged", "message"]
    assert [e["action"] for e in theirs["timeline"]] == ["lodged", "message", "note"]
    assert (mine["actions"], theirs["actions"]) == ([], ["assign"])
    due_in_india = timezone.localdate(grievance.resolution_due_at).isoformat()
    assert mine["expected_resolution_date"] == due_in_india
    assert mine["sla_state"] == "on_track"


def test_illegal_transition_is_409_with_a_reason(client, grievance, spoke_officer):
    response = post(
        client,
        f"{BASE}/{grievance.pk}/transitions",
        {"action": "resolve", "note": "x"},
        spoke_officer,
    )

    assert response.status_code == 409
    assert response.json() == {
        "detail": "'resolve' is not possible while the grievance is submitted.",
        "code": "illegal_transition",
    }
    grievance.refresh_from_db()
    assert grievance.status == "submitted"


def test_unknown_action_and_missing_note_are_422(client, grievance, spoke_officer):
    url = f"{BASE}/{grievance.pk}/transitions"
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)

    unknown = post(client, url, {"action": "delete"}, spoke_officer)
    no_note = post(client, url, {"action": "resolve"}, spoke_officer)

    assert (unknown.status_code, list(unknown.json()["errors"])) == (422, ["action"])
    assert (no_note.status_code, list(no_note.json()["errors"])) == (422, ["note"])


def test_rating_out_of_range_is_422(client, grievance, entrepreneur):
    response = post(client, f"{BASE}/{grievance.pk}/rating", {"rating": 6}, entrepreneur)

    assert (response.status_code, list(response.json()["errors"])) == (422, ["rating"])


def test_transfer_to_a_missing_room_is_404(client, grievance, hub_officer):
    response = post(
        client, f"{BASE}/{grievance.pk}/transfer", {"room_id": 999999, "reason": "x"}, hub_officer
    )

    assert response.status_code == 404
    grievance.refresh_from_db()
    assert grievance.transfer_count == 0


# --- attachments ----------------------------------------------------------------------------


def upload(client, grievance, user, *files):
    return client.post(
        f"{BASE}/{grievance.pk}/attachments", {"files": list(files)}, headers=bearer(user)
    )


def pdf_named(name: str, content: bytes):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_png_named_pdf_is_accepted_as_png(client, grievance, entrepreneur):
    response = upload(client, grievance, entrepreneur, pdf_named("scan.pdf", PNG))

    assert response.status_code == 201
    (body,) = response.json()
    assert (body["original_name"], body["content_type"], body["size"]) == (
        "scan.pdf",
        "image/png",
        len(PNG),
    )
    assert body["download_url"] == f"{BASE}/attachments/{body['id']}"


@pytest.mark.parametrize(
    ("_case", "files", "message"),
    [
        ("text named pdf", [("a.pdf", b"just text")], "a.pdf is not a PDF, JPG or PNG file."),
        ("six files", [(f"{n}.png", PNG) for n in range(6)], "At most 5 files may be attached."),
        ("over 5 MB", [("big.pdf", PDF + b"0" * MAX_BYTES)], "big.pdf is larger than 5 MB."),
    ],
)
def test_bad_uploads_are_refused(client, grievance, entrepreneur, tmp_path, _case, files, message):
    response = upload(client, grievance, entrepreneur, *(pdf_named(n, c) for n, c in files))

    assert response.status_code == 422
    assert response.json()["errors"] == {"attachments": [message]}
    assert Attachment.objects.count() == 0
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_download_is_served_only_to_allowed_users(
    client, grievance, entrepreneur, other_entrepreneur, spoke_officer, other_spoke_officer
):
    (uploaded,) = upload(client, grievance, entrepreneur, pdf_named("invoice 42.pdf", PDF)).json()
    url = uploaded["download_url"]

    response = get(client, url, spoke_officer)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="invoice 42.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert get(client, url, entrepreneur).status_code == 200
    assert get(client, url, other_entrepreneur).status_code == 404
    assert get(client, url, other_spoke_officer).status_code == 404
    assert client.get(url).status_code == 401
    assert get(client, f"{BASE}/attachments/999999", entrepreneur).status_code == 404


def test_internal_note_files_are_for_officers_only(client, grievance, entrepreneur, spoke_officer):
    note = grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="Ledger", is_internal=True
    )
    (attachment,) = attachments_add(
        grievance=grievance, files=[pdf_named("ledger.pdf", PDF)], actor=spoke_officer, message=note
    )
    url = f"{BASE}/attachments/{attachment.pk}"

    assert get(client, url, spoke_officer).status_code == 200
    assert get(client, url, entrepreneur).status_code == 404
    assert get(client, f"{BASE}/{grievance.pk}", entrepreneur).json()["attachments"] == []
    officer_view = get(client, f"{BASE}/{grievance.pk}", spoke_officer).json()
    assert [a["message_id"] for a in officer_view["attachments"]] == [note.pk]


# --- public tracking ------------------------------------------------------------------------


def test_tracking_needs_the_number_and_the_registered_contact(client, grievance, spoke_officer):
    grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="N", is_internal=True
    )
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    url = f"{BASE}/track"

    found = client.get(
        url, {"number": grievance.registration_number, "contact": "OWNER@example.com"}
    )

    assert found.status_code == 200
    assert found.json()["status"] == "assigned"
    due_in_india = timezone.localdate(grievance.resolution_due_at).isoformat()
    assert found.json()["expected_resolution_date"] == due_in_india
    assert [e["action"] for e in found.json()["timeline"]] == ["lodged", "assign"]
    assert "note" not in found.json()["timeline"][0]
    wrong_contact = client.get(url, {"number": grievance.registration_number, "contact": "x@y.in"})
    no_such_number = client.get(
        url, {"number": "CHMP/2020/MH/9999999", "contact": "owner@example.com"}
    )
    assert wrong_contact.status_code == no_such_number.status_code == 404
    assert wrong_contact.json() == no_such_number.json()
    assert client.get(url, {"number": grievance.registration_number}).status_code == 422
