"""The pure parts of the grievance module: the transition table and the SLA arithmetic."""

from datetime import UTC, date, datetime, timedelta

import pytest

from champions.grievances.choices import SlaState, Status
from champions.grievances.sla.clock import (
    Calendar,
    add_working_days,
    shift_for_pause,
    sla_state,
    working_days_between,
)
from champions.grievances.workflow.table import (
    TRANSITIONS,
    Action,
    Actor,
    IllegalTransition,
    actions_for,
    transition_for,
)

REPUBLIC_DAY = date(2027, 1, 26)  # a Tuesday


@pytest.mark.parametrize(
    ("_case", "status", "action", "actor", "to"),
    [
        ("officer assigns", Status.SUBMITTED, Action.ASSIGN, Actor.OFFICER, Status.ASSIGNED),
        ("sweep auto-assigns", Status.SUBMITTED, Action.ASSIGN, Actor.SYSTEM, Status.ASSIGNED),
        ("officer starts", Status.ASSIGNED, Action.START, Actor.OFFICER, Status.IN_PROGRESS),
        ("asks the MSME", Status.IN_PROGRESS, Action.ASK_MSME, Actor.OFFICER, Status.AWAITING_MSME),
        ("MSME replies", Status.AWAITING_MSME, Action.MSME_REPLY, Actor.MSME, Status.IN_PROGRESS),
        ("resolves", Status.IN_PROGRESS, Action.RESOLVE, Actor.OFFICER, Status.RESOLVED),
        ("refers when assigned", Status.ASSIGNED, Action.REFER, Actor.OFFICER, Status.RESOLVED),
        ("refers in progress", Status.IN_PROGRESS, Action.REFER, Actor.OFFICER, Status.RESOLVED),
        ("refers awaiting", Status.AWAITING_MSME, Action.REFER, Actor.OFFICER, Status.RESOLVED),
        ("refers reopened", Status.REOPENED, Action.REFER, Actor.OFFICER, Status.RESOLVED),
        ("MSME reopens", Status.RESOLVED, Action.REOPEN, Actor.MSME, Status.REOPENED),
        ("MSME closes", Status.RESOLVED, Action.CLOSE, Actor.MSME, Status.CLOSED),
        ("auto-close", Status.RESOLVED, Action.CLOSE, Actor.SYSTEM, Status.CLOSED),
        ("appeal", Status.CLOSED, Action.APPEAL, Actor.MSME, Status.APPEALED),
        ("decide", Status.APPEALED, Action.DECIDE_APPEAL, Actor.APPELLATE, Status.APPEAL_DECIDED),
    ],
)
def test_legal_moves(_case, status, action, actor, to):
    assert transition_for(status, action, actor).to == to


@pytest.mark.parametrize(
    ("_case", "status", "action", "actor"),
    [
        ("resolve a new grievance", Status.SUBMITTED, Action.RESOLVE, Actor.OFFICER),
        ("MSME resolves", Status.IN_PROGRESS, Action.RESOLVE, Actor.MSME),
        ("officer closes", Status.RESOLVED, Action.CLOSE, Actor.OFFICER),
        ("refer a new grievance", Status.SUBMITTED, Action.REFER, Actor.OFFICER),
        ("refer a resolved one", Status.RESOLVED, Action.REFER, Actor.OFFICER),
        ("MSME refers", Status.IN_PROGRESS, Action.REFER, Actor.MSME),
        ("reopen a closed one", Status.CLOSED, Action.REOPEN, Actor.MSME),
        ("officer decides an appeal", Status.APPEALED, Action.DECIDE_APPEAL, Actor.OFFICER),
        ("unknown action", Status.SUBMITTED, "fly", Actor.OFFICER),
    ],
)
def test_illegal_moves_are_refused_with_a_reason(_case, status, action, actor):
    with pytest.raises(IllegalTransition) as info:
        transition_for(status, action, actor)

    assert str(info.value)


def test_every_state_but_the_last_has_a_way_out():
    sources = {state for state, _action in TRANSITIONS}

    assert set(Status) - sources == {Status.APPEAL_DECIDED}


def test_actions_for_an_actor():
    assert actions_for(Status.RESOLVED, Actor.MSME) == [Action.REOPEN, Action.CLOSE]
    assert actions_for(Status.RESOLVED, Actor.OFFICER) == []


def test_working_days_skip_weekends_and_holidays():
    calendar = Calendar(holidays=frozenset({REPUBLIC_DAY}))
    friday = datetime(2027, 1, 22, 10, 0, tzinfo=UTC)

    due = add_working_days(friday, 3, calendar)

    # Mon 25, (Tue 26 holiday), Wed 27, Thu 28
    assert due == datetime(2027, 1, 28, 10, 0, tzinfo=UTC)
    assert working_days_between(friday.date(), due.date(), calendar) == 3


def test_twenty_one_working_days():
    monday = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)

    assert add_working_days(monday, 21, Calendar()) == datetime(2027, 3, 30, 9, 0, tzinfo=UTC)


def test_lodged_on_a_saturday_counts_from_monday():
    saturday = datetime(2027, 1, 23, 18, 0, tzinfo=UTC)

    assert add_working_days(saturday, 1, Calendar()).date() == date(2027, 1, 25)


@pytest.mark.parametrize(
    ("_case", "hours_used", "state"),
    [
        ("fresh", 0, SlaState.ON_TRACK),
        ("79 %", 79, SlaState.ON_TRACK),
        ("80 %", 80, SlaState.AT_RISK),
        ("at the due time", 100, SlaState.AT_RISK),
        ("past due", 101, SlaState.BREACHED),
    ],
)
def test_sla_state(_case, hours_used, state):
    started = datetime(2027, 1, 1, tzinfo=UTC)

    result = sla_state(
        started=started,
        due=started + timedelta(hours=100),
        now=started + timedelta(hours=hours_used),
    )

    assert result == state


def test_no_due_date_means_no_sla():
    now = datetime(2027, 1, 1, tzinfo=UTC)

    assert sla_state(started=now, due=None, now=now) == SlaState.NONE


def test_pause_pushes_the_due_date():
    due = datetime(2027, 2, 1, tzinfo=UTC)
    paused = datetime(2027, 1, 10, tzinfo=UTC)

    shifted = shift_for_pause(due, paused_at=paused, resumed_at=paused + timedelta(days=4))

    assert shifted == due + timedelta(days=4)
