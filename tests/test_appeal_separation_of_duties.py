"""Separation of duties: an appeal is decided by an appellate officer who did not act on the
grievance; an officer who acted on it gets 403 with the reason, on the web and the API."""

import pytest

from champions.accounts.models import User
from champions.accounts.policy import Action, can
from champions.grievances.models import Grievance
from champions.grievances.services import (
    grievance_message_add,
    grievance_rate,
    grievance_transition,
)
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

ACTED = "You acted on this grievance before it was appealed"


def _appealed(owner, *, officer, assigner=None) -> Grievance:
    """Lodged, assigned (by `assigner`, else `officer`), worked and resolved by `officer`,
    rated 1 and appealed by `owner`."""
    grievance = lodge(owner, pune_enterprise(owner))
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=assigner or officer)
    for action, note in (("start", ""), ("resolve", "Buyer paid.")):
        grievance_transition(grievance_id=grievance.pk, action=action, actor=officer, note=note)
    grievance_rate(grievance_id=grievance.pk, actor=owner, rating=1, comment="Interest unpaid.")
    return grievance_transition(
        grievance_id=grievance.pk, action="appeal", actor=owner, note="Interest unpaid."
    )


def _decide_by_api(client, grievance, user):
    client.force_login(user)
    return client.post(
        f"/api/v1/grievances/{grievance.pk}/transitions",
        {"action": "decide_appeal", "note": "Upheld."},
        content_type="application/json",
    )


def _decide_on_the_web(client, grievance, user):
    client.force_login(user)
    return client.post(
        f"/grievances/{grievance.pk}/act/", {"action": "decide_appeal", "note": "Upheld."}
    )


def test_an_appellate_officer_who_did_not_act_decides_and_is_named(
    client, entrepreneur, spoke_officer, appellate_officer
):
    grievance = _appealed(entrepreneur, officer=spoke_officer)

    response = _decide_by_api(client, grievance, appellate_officer)

    assert response.status_code == 200
    assert response.json()["status"] == "appeal_decided"
    decision = grievance.timeline.get(action="decide_appeal")
    assert decision.actor_id == appellate_officer.pk
    detail = client.get(f"/api/v1/grievances/{grievance.pk}").json()
    assert detail["timeline"][-1]["action"] == "decide_appeal"
    assert detail["timeline"][-1]["actor"]["id"] == appellate_officer.pk


@pytest.mark.parametrize("door", [_decide_by_api, _decide_on_the_web])
def test_an_administrator_who_resolved_it_may_not_decide_its_appeal(
    door, client, entrepreneur, spoke_officer, administrator
):
    # given: the spoke assigned it; the administrator worked and resolved it
    grievance = _appealed(entrepreneur, officer=administrator, assigner=spoke_officer)

    # when
    response = door(client, grievance, administrator)

    # then: 403 with the reason, and nothing changed
    assert response.status_code == 403
    assert ACTED in response.content.decode()
    grievance.refresh_from_db()
    assert grievance.status == "appealed"
    assert not grievance.timeline.filter(action="decide_appeal").exists()
    assert not can(administrator, Action.GRIEVANCE_DECIDE_APPEAL, grievance)


@pytest.mark.parametrize("door", [_decide_by_api, _decide_on_the_web])
def test_an_officer_who_only_replied_then_became_appellate_may_not_decide(
    door, client, entrepreneur, spoke_officer, hub_officer
):
    # given: a hub officer wrote in the thread, was later made an appellate officer
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    grievance_message_add(grievance_id=grievance.pk, actor=hub_officer, body="We are on it.")
    grievance = _appealed_after_work(grievance, entrepreneur, spoke_officer)
    User.objects.filter(pk=hub_officer.pk).update(role="appellate_officer", control_room=None)
    hub_officer.refresh_from_db()

    response = door(client, grievance, hub_officer)

    assert response.status_code == 403
    assert ACTED in response.content.decode()
    assert Grievance.objects.get(pk=grievance.pk).status == "appealed"


def _appealed_after_work(grievance, owner, officer) -> Grievance:
    for action, note in (("assign", ""), ("start", ""), ("resolve", "Buyer paid.")):
        grievance_transition(grievance_id=grievance.pk, action=action, actor=officer, note=note)
    grievance_rate(grievance_id=grievance.pk, actor=owner, rating=2, comment="Late.")
    return grievance_transition(
        grievance_id=grievance.pk, action="appeal", actor=owner, note="Interest unpaid."
    )


def test_hub_officers_no_longer_decide_appeals(client, entrepreneur, spoke_officer, hub_officer):
    grievance = _appealed(entrepreneur, officer=spoke_officer)

    response = _decide_by_api(client, grievance, hub_officer)

    assert response.status_code in {403, 409}
    assert Grievance.objects.get(pk=grievance.pk).status == "appealed"
    assert not can(hub_officer, Action.GRIEVANCE_DECIDE_APPEAL, grievance)


def test_the_appellate_officer_decides_appeals_and_nothing_else(
    entrepreneur, spoke_officer, appellate_officer
):
    grievance = _appealed(entrepreneur, officer=spoke_officer)

    allowed = {action for action in Action if can(appellate_officer, action, grievance)}

    assert allowed == {Action.GRIEVANCE_DECIDE_APPEAL}
