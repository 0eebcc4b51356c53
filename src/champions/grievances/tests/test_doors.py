"""One behaviour from every door: the same action sent through the web page and through the
API leaves the same rows (the grievance and its new timeline entries)."""

import pytest
from django.test import Client

from champions.accounts.services import api_token_create
from champions.controlrooms.selectors import room_get_by_code
from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.services import grievance_assign_to, grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

# Each case: the moves that bring a grievance to the starting point (who, action, note), then
# the action sent through each door (who, action, note) and the status it must reach.
UP_TO_IN_PROGRESS = [("spoke", "assign", ""), ("spoke", "start", "")]
UP_TO_RESOLVED = [*UP_TO_IN_PROGRESS, ("spoke", "resolve", "Paid on 3 May.")]
UP_TO_CLOSED = [*UP_TO_RESOLVED, ("owner", "close", "")]
CASES = {
    "assign": ([], ("spoke", "assign", ""), "assigned"),
    "assign, taking it over": ([("hub", "assign to hub", "")], ("spoke", "assign", ""), "assigned"),
    "start": ([("spoke", "assign", "")], ("spoke", "start", ""), "in_progress"),
    "ask the MSME": (UP_TO_IN_PROGRESS, ("spoke", "ask_msme", "Which invoice?"), "awaiting_msme"),
    "the MSME replies": (
        [*UP_TO_IN_PROGRESS, ("spoke", "ask_msme", "Which invoice?")],
        ("owner", "msme_reply", ""),
        "in_progress",
    ),
    "resolve": (UP_TO_IN_PROGRESS, ("spoke", "resolve", "Paid on 3 May."), "resolved"),
    "reopen": (UP_TO_RESOLVED, ("owner", "reopen", "Only half was paid."), "reopened"),
    "close": (UP_TO_RESOLVED, ("owner", "close", ""), "closed"),
    "appeal": (UP_TO_CLOSED, ("owner", "appeal", "The interest was not paid."), "appealed"),
    "decide the appeal": (
        [*UP_TO_CLOSED, ("owner", "appeal", "The interest was not paid.")],
        ("appellate", "decide_appeal", "The buyer pays the interest too."),
        "appeal_decided",
    ),
    "transfer": (
        [("spoke", "assign", "")],
        ("spoke", "transfer", "Unit is in Delhi."),
        "submitted",
    ),
}


@pytest.fixture
def people(entrepreneur, spoke_officer, hub_officer, appellate_officer):
    return {
        "owner": entrepreneur,
        "spoke": spoke_officer,
        "hub": hub_officer,
        "appellate": appellate_officer,
    }


def _bring_to(grievance: Grievance, steps, people) -> None:
    for who, action, note in steps:
        if action == "assign to hub":
            grievance_assign_to(
                grievance_id=grievance.pk, assignee_id=people["hub"].pk, actor=people["hub"]
            )
        else:
            grievance_transition(
                grievance_id=grievance.pk, action=action, actor=people[who], note=note
            )


def _through_the_web(grievance_id: int, user, action: str, note: str, delhi_id: int):
    client = Client()
    client.force_login(user)
    if action == "transfer":
        body = {"room": delhi_id, "reason": note}
        return client.post(f"/grievances/{grievance_id}/transfer/", body)
    return client.post(f"/grievances/{grievance_id}/act/", {"action": action, "note": note})


def _through_the_api(grievance_id: int, user, action: str, note: str, delhi_id: int):
    headers = {"Authorization": f"Bearer {api_token_create(user=user, name='doors').key}"}
    if action == "transfer":
        path, body = "transfer", {"room_id": delhi_id, "reason": note}
    else:
        path, body = "transitions", {"action": action, "note": note}
    url = f"/api/v1/grievances/{grievance_id}/{path}"
    return Client().post(url, body, content_type="application/json", headers=headers)


def _rows(grievance_id: int, after_entry: int) -> dict:
    """What the action left: the grievance's columns and its new timeline entries (times
    are compared as set or not, since the two doors run a moment apart)."""
    g = Grievance.objects.get(pk=grievance_id)
    return {
        "status": g.status,
        "assignee": g.assignee_id,
        "room": g.room_id,
        "transfer_count": g.transfer_count,
        "referred_to": g.referred_to,
        "rating": g.rating,
        "set": [
            name
            for name in ("paused_at", "resolved_at", "closed_at", "appeal_due_at")
            if getattr(g, name) is not None
        ],
        "timeline": list(
            TimelineEntry.objects.filter(grievance_id=grievance_id, pk__gt=after_entry)
            .order_by("pk")
            .values_list("action", "from_status", "to_status", "note", "actor_id", "is_internal")
        ),
    }


@pytest.mark.parametrize("case", CASES)
def test_the_web_and_the_api_leave_the_same_rows(case, people, entrepreneur):
    steps, (who, action, note), reached = CASES[case]
    unit = pune_enterprise(entrepreneur)
    delhi_id = room_get_by_code(code="spoke-dl").pk
    by_web, by_api = lodge(entrepreneur, unit), lodge(entrepreneur, unit)
    for grievance in (by_web, by_api):
        _bring_to(grievance, steps, people)
    last = TimelineEntry.objects.order_by("-pk").values_list("pk", flat=True).first()

    web = _through_the_web(by_web.pk, people[who], action, note, delhi_id)
    api = _through_the_api(by_api.pk, people[who], action, note, delhi_id)

    assert web.status_code == 302
    assert api.status_code == 200, api.json()
    web_rows, api_rows = _rows(by_web.pk, last), _rows(by_api.pk, last)
    assert web_rows["status"] == reached
    assert web_rows["timeline"] != []
    assert web_rows == api_rows


def test_assigning_takes_the_grievance_over_through_either_door(people, entrepreneur):
    """The rule (grievances.workflow.services): an officer who may assign and sends `assign`
    becomes the assignee, whoever had it; before, the API kept the earlier assignee."""
    unit = pune_enterprise(entrepreneur)
    grievance = lodge(entrepreneur, unit)
    _bring_to(grievance, [("hub", "assign to hub", "")], people)

    answer = _through_the_api(grievance.pk, people["spoke"], "assign", "", 0)

    assert answer.status_code == 200
    assert answer.json()["assignee"]["id"] == people["spoke"].pk
    grievance.refresh_from_db()
    assert grievance.assignee_id == people["spoke"].pk


QUEUE_QUERIES = [
    {},
    {"status": "assigned"},
    {"view": "unassigned"},
    {"sort": "oldest"},
    {"sort": "due"},
    {"q": "invoice 42"},
    {"q": "chmp/"},
    {"room": "mh"},
    {"room": "mh", "status": "submitted"},
    {"room": "dl"},
]


@pytest.mark.parametrize("query", QUEUE_QUERIES, ids=lambda q: repr(q))
def test_the_queue_page_and_the_api_list_give_the_same_page(query, people, entrepreneur):
    """One selector (`grievance_queue`) and one FilterSet serve both: the same filters give
    the same grievances in the same order, and the same counts per status."""
    unit = pune_enterprise(entrepreneur)
    grievances = [lodge(entrepreneur, unit, subject=f"Payment pending, case {n}") for n in range(4)]
    _bring_to(grievances[1], [("spoke", "assign", "")], people)
    _bring_to(grievances[2], UP_TO_IN_PROGRESS, people)
    rooms = {"mh": grievances[0].room_id, "dl": room_get_by_code(code="spoke-dl").pk}
    params = {**query, **({"room": rooms[query["room"]]} if "room" in query else {})}
    officer = people["hub"]

    web = Client()
    web.force_login(officer)
    page = web.get("/grievances/queue/", params).context
    headers = {"Authorization": f"Bearer {api_token_create(user=officer, name='q').key}"}
    api = Client().get("/api/v1/grievances", params, headers=headers).json()

    web_ids = [g.pk for g in page["page"].items]
    assert web_ids == [item["id"] for item in api["items"]]
    assert {row.status: row.count for row in page["counts"]} == api["counts"]
    if not query:
        assert web_ids == [g.pk for g in reversed(grievances)]
