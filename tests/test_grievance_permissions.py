"""Who may call each grievance endpoint: every URL and method against every role.

Out of scope is 404 (never 403, so ids cannot be probed), anonymous is 401 except public
tracking, and a refused write leaves the grievance exactly as it was.
"""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from champions.controlrooms.selectors import room_get_by_code
from champions.grievances.attachments.services import attachments_add
from champions.grievances.models import Attachment, Grievance, Message, TimelineEntry
from champions.grievances.services import grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db
BASE = "/api/v1/grievances"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ROLES = (
    "anonymous",
    "entrepreneur",  # the owner, who lodged the grievance
    "other_entrepreneur",
    "spoke_officer",  # of the Maharashtra room, which holds it
    "other_spoke_officer",  # of the Delhi room
    "hub_officer",
    "leadership",
    "analyst",
)


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # {id}: the grievance, {attachment}: its attachment, {dl}: the Delhi room
    body: dict | None = None
    resolved: bool = False  # act on a resolved grievance instead of a submitted one
    assigned: bool = False  # act on an assigned grievance instead of a submitted one
    is_write: bool = True


LODGE = Endpoint("post", "", {"subject": "Power cuts", "description": "Eight hours a day."})
ENDPOINTS = {
    "list": (Endpoint("get", "", is_write=False), (401, 200, 200, 200, 200, 200, 200, 200)),
    "lodge": (LODGE, (401, 201, 422, 201, 422, 201, 403, 404)),
    "detail": (Endpoint("get", "/{id}", is_write=False), (401, 200, 404, 200, 404, 200, 200, 404)),
    "detail of a missing id": (
        Endpoint("get", "/999999999", is_write=False),
        (401, 404, 404, 404, 404, 404, 404, 404),
    ),
    "transition": (
        Endpoint("post", "/{id}/transitions", {"action": "assign"}),
        (401, 409, 404, 200, 404, 200, 403, 404),
    ),
    "message": (
        Endpoint("post", "/{id}/messages", {"body": "Any news?"}),
        (401, 201, 404, 201, 404, 201, 403, 404),
    ),
    "rating": (
        Endpoint("post", "/{id}/rating", {"rating": 4, "comment": "Paid."}, resolved=True),
        (401, 200, 404, 409, 404, 409, 403, 404),
    ),
    "transfer": (
        Endpoint("post", "/{id}/transfer", {"room_id": "{dl}", "reason": "Branch in Delhi."}),
        (401, 404, 404, 200, 404, 200, 403, 404),
    ),
    "referral": (
        Endpoint(
            "post",
            "/{id}/referral",
            {"organisation": "Banking", "reason": "For the bank's nodal officer."},
            assigned=True,
        ),
        (401, 404, 404, 200, 404, 200, 403, 404),
    ),
    "referral organisations": (
        Endpoint("get", "/referral-organisations", is_write=False),
        (401, 200, 200, 200, 200, 200, 200, 200),
    ),
    "upload": (
        Endpoint("post", "/{id}/attachments", {"files": "png"}),
        (401, 201, 404, 201, 404, 201, 403, 404),
    ),
    "download": (
        Endpoint("get", "/attachments/{attachment}", is_write=False),
        (401, 200, 404, 200, 404, 200, 200, 404),
    ),
    "track": (
        Endpoint("get", "/track", is_write=False),
        (200, 200, 200, 200, 200, 200, 200, 200),
    ),
}
CASES = [
    pytest.param(f"{name} as {role}", endpoint, role, status, id=f"{name}-{role}")
    for name, (endpoint, statuses) in ENDPOINTS.items()
    for role, status in zip(ROLES, statuses, strict=True)
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _grievance(owner, officer, *, resolved: bool, assigned: bool = False) -> Grievance:
    grievance = lodge(owner, pune_enterprise(owner))
    attachments_add(
        grievance=grievance,
        files=[SimpleUploadedFile("invoice.png", PNG, content_type="image/png")],
        actor=owner,
    )
    if assigned:
        grievance_transition(grievance_id=grievance.pk, action="assign", actor=officer)
    if resolved:
        for action, note in (("assign", ""), ("start", ""), ("resolve", "Buyer paid.")):
            grievance_transition(grievance_id=grievance.pk, action=action, actor=officer, note=note)
    grievance.refresh_from_db()
    return grievance


def _request(client, endpoint: Endpoint, grievance: Grievance):
    path = endpoint.path.format(id=grievance.pk, attachment=grievance.attachments.get().pk)
    url = f"{BASE}{path}"
    body = dict(endpoint.body or {})
    if body.get("room_id") == "{dl}":
        body["room_id"] = room_get_by_code(code="spoke-dl").pk
    if endpoint is LODGE:
        body["enterprise_id"] = grievance.enterprise_id
    if endpoint.path == "/track":
        return client.get(
            url, {"number": grievance.registration_number, "contact": "owner@example.com"}
        )
    if endpoint.method == "get":
        return client.get(url)
    if body.get("files") == "png":
        return client.post(url, {"files": [SimpleUploadedFile("scan.png", PNG)]})
    return client.post(url, body, content_type="application/json")


def _snapshot(grievance: Grievance) -> dict:
    row = Grievance.objects.get(pk=grievance.pk)
    return {
        "grievances": Grievance.objects.count(),
        "status": row.status,
        "room": row.room_id,
        "assignee": row.assignee_id,
        "rating": row.rating,
        "transfers": row.transfer_count,
        "referred_to": row.referred_to,
        "messages": Message.objects.filter(grievance=grievance).count(),
        "attachments": Attachment.objects.filter(grievance=grievance).count(),
        "timeline": TimelineEntry.objects.filter(grievance=grievance).count(),
    }


@pytest.mark.parametrize(("_case", "endpoint", "role", "expected"), CASES)
def test_grievance_api_permissions(
    client, request, entrepreneur, spoke_officer, _case, endpoint, role, expected
):
    # given
    grievance = _grievance(
        entrepreneur, spoke_officer, resolved=endpoint.resolved, assigned=endpoint.assigned
    )
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    before = _snapshot(grievance)

    # when
    response = _request(client, endpoint, grievance)

    # then
    assert response.status_code == expected, response.content[:300]
    if endpoint.is_write and expected >= 400:
        assert _snapshot(grievance) == before


@pytest.mark.parametrize(
    ("_case", "role", "visible"),
    [
        ("owner", "entrepreneur", 1),
        ("other entrepreneur", "other_entrepreneur", 0),
        ("spoke officer of the room", "spoke_officer", 1),
        ("spoke officer of another room", "other_spoke_officer", 0),
        ("hub officer", "hub_officer", 1),
        ("leadership", "leadership", 1),
        ("analyst", "analyst", 0),
    ],
)
def test_the_list_shows_only_grievances_in_scope(
    client, request, entrepreneur, spoke_officer, _case, role, visible
):
    grievance = _grievance(entrepreneur, spoke_officer, resolved=False)
    client.force_login(request.getfixturevalue(role))

    body = client.get(BASE).json()

    assert [g["id"] for g in body["items"]] == [grievance.pk] * visible
    assert body["counts"]["submitted"] == visible


# --- Web pages added with AI triage: the one-click decision on a suggestion --------------------

TRIAGE_DECISION = (302, 404, 404, 302, 404, 302, 403, 404)  # login; 404 out of scope; back


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        pytest.param(role, status, id=role)
        for role, status in zip(ROLES, TRIAGE_DECISION, strict=True)
    ],
)
def test_triage_decision_permissions(
    client, request, no_triage_models, entrepreneur, spoke_officer, role, expected
):
    # given: no prediction is stored, so even an allowed officer changes nothing
    grievance = _grievance(entrepreneur, spoke_officer, resolved=False)
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    before = _snapshot(grievance)
    url = f"/grievances/{grievance.pk}/triage/"

    # when
    response = client.post(url, {"field": "category", "chosen": "credit"})

    # then
    assert response.status_code == expected
    assert _snapshot(grievance) == before
    assert Grievance.objects.get(pk=grievance.pk).category == "delayed_payment"
