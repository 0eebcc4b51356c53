"""The cases API: the case pages' reads and writes, with their policy and errors."""

from datetime import timedelta

import pytest
from django.utils import timezone

from champions.accounts.services import api_token_create
from champions.cases.models import Case, CaseNote, CaseStep

from .factories import opened_case, pune_unit, step_for

pytestmark = pytest.mark.django_db
CASES = "/api/v1/cases/"


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='t').key}"}


def post(client, user, url, data):
    return client.post(url, data, content_type="application/json", **bearer(user))


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 401), ("entrepreneur", 404), ("leadership", 403), ("spoke_officer", 201)],
)
def test_open_a_case_auth_matrix(client, request, entrepreneur, who, status):
    unit = pune_unit(entrepreneur)
    headers = bearer(request.getfixturevalue(who)) if who else {}
    response = client.post(
        CASES, {"enterprise_id": unit.pk, "goal": "ZED"}, content_type="application/json", **headers
    )
    assert response.status_code == status
    assert Case.objects.count() == (1 if status == 201 else 0)
    if status == 201:
        assert response.json()["goal"] == "ZED"
        assert response.json()["due_on"] == str(timezone.localdate() + timedelta(days=30))


def test_open_a_case_bad_input_is_per_field(client, spoke_officer, entrepreneur):
    unit = pune_unit(entrepreneur)
    response = post(client, spoke_officer, CASES, {"enterprise_id": unit.pk, "goal": "  "})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["goal"]
    response = post(client, spoke_officer, CASES, {"enterprise_id": 0})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"enterprise_id", "goal"}
    assert Case.objects.count() == 0


def test_list_is_room_scoped_and_keyset_paged(
    client, spoke_officer, other_spoke_officer, entrepreneur
):
    unit = pune_unit(entrepreneur)
    ids = [opened_case(spoke_officer, unit, goal=f"Goal {n}").pk for n in range(3)]
    first = client.get(CASES, {"size": 2}, **bearer(spoke_officer)).json()
    assert [c["id"] for c in first["items"]] == [ids[2], ids[1]]
    second = client.get(
        CASES, {"size": 2, "after": first["next_cursor"]}, **bearer(spoke_officer)
    ).json()
    assert [c["id"] for c in second["items"]] == [ids[0]]
    assert second["next_cursor"] is None
    other = client.get(CASES, **bearer(other_spoke_officer)).json()
    assert other["items"] == []
    bad = client.get(CASES, {"view": "everything", "size": 0}, **bearer(spoke_officer))
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"view", "size"}


def test_detail_shows_steps_and_notes_and_hides_other_rooms(
    client, spoke_officer, other_spoke_officer, hub_officer, entrepreneur
):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    step = step_for(spoke_officer, case, hub_officer)
    body = client.get(f"{CASES}{case.pk}", **bearer(spoke_officer)).json()
    assert [s["id"] for s in body["steps"]] == [step.pk]
    assert body["notes"] == []
    assert client.get(f"{CASES}{case.pk}", **bearer(other_spoke_officer)).status_code == 404
    assert client.get(f"{CASES}{case.pk}", **bearer(hub_officer)).status_code == 200


def test_steps_notes_assign_and_close(client, spoke_officer, hub_officer, entrepreneur):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    due = str(timezone.localdate() + timedelta(days=5))
    url = f"{CASES}{case.pk}"
    step = post(
        client,
        spoke_officer,
        f"{url}/steps",
        {"title": "Bank visit", "owner_id": entrepreneur.pk, "due_on": due},
    )
    assert step.status_code == 201
    mine = client.get(f"{CASES}my-steps", **bearer(entrepreneur)).json()
    assert [s["title"] for s in mine] == ["Bank visit"]
    done = post(client, entrepreneur, f"{CASES}steps/{step.json()['id']}/done", {})
    assert done.status_code == 200
    assert done.json()["done_at"] is not None
    assert post(client, spoke_officer, f"{url}/notes", {"body": "Called"}).status_code == 201
    assigned = post(client, spoke_officer, f"{url}/assign", {"assignee_id": hub_officer.pk})
    assert assigned.json()["assignee_id"] == hub_officer.pk
    closed = post(client, spoke_officer, f"{url}/close", {"outcome": "achieved"})
    assert (closed.status_code, closed.json()["status"]) == (200, "closed")
    again = post(client, spoke_officer, f"{url}/notes", {"body": "Late"})
    assert (again.status_code, again.json()["code"]) == (409, "case_closed")
    assert CaseNote.objects.count() == 1


def test_writes_refused_and_bad_input(
    client, spoke_officer, other_spoke_officer, leadership, entrepreneur
):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    url = f"{CASES}{case.pk}"
    past = str(timezone.localdate() - timedelta(days=1))
    bad = post(
        client,
        spoke_officer,
        f"{url}/steps",
        {"title": "x", "owner_id": entrepreneur.pk, "due_on": past},
    )
    assert (bad.status_code, list(bad.json()["errors"])) == (422, ["due_on"])
    stranger = post(
        client,
        spoke_officer,
        f"{url}/steps",
        {"title": "x", "owner_id": other_spoke_officer.pk, "due_on": str(timezone.localdate())},
    )
    assert (stranger.status_code, list(stranger.json()["errors"])) == (422, ["owner"])
    assert post(client, leadership, f"{url}/notes", {"body": "Hi"}).status_code == 403
    assert post(client, other_spoke_officer, f"{url}/notes", {"body": "Hi"}).status_code == 404
    wrong = post(client, spoke_officer, f"{url}/close", {"outcome": "won"})
    assert (wrong.status_code, list(wrong.json()["errors"])) == (422, ["outcome"])
    assert CaseStep.objects.count() == 0
    assert Case.objects.get().status == "open"
