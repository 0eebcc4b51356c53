"""The SLA sweep: at risk, breached, escalation up the ladder, auto-close, idempotence."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from champions.grievances.models import TimelineEntry
from champions.grievances.services import grievance_transition
from champions.grievances.sweep import sla_sweep
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db
MONDAY = "2027-03-01 09:00 +0000"


@pytest.fixture
def grievance(entrepreneur):
    with time_machine.travel(MONDAY, tick=False):
        return lodge(entrepreneur, pune_enterprise(entrepreneur))


def _sweep_at(when):
    return sla_sweep(now=when)


def test_unassigned_after_three_working_days_escalates_to_the_hub(
    grievance, hub_officer, django_capture_on_commit_callbacks
):
    late = grievance.assign_due_at + timedelta(minutes=1)

    with django_capture_on_commit_callbacks(execute=True):
        result = _sweep_at(late)

    grievance.refresh_from_db()
    assert (grievance.escalation_level, grievance.sla_state) == (1, "breached")
    assert (result.escalated, result.breached) == (1, 1)
    assert [m.to for m in mail.outbox] == [["hub@example.com"]]


def test_a_second_run_changes_nothing(grievance):
    late = grievance.assign_due_at + timedelta(hours=1)
    _sweep_at(late)
    entries = TimelineEntry.objects.count()

    again = _sweep_at(late)

    assert (again.escalated, again.breached, again.at_risk) == (0, 0, 0)
    assert TimelineEntry.objects.count() == entries


def test_at_risk_at_eighty_percent(grievance, spoke_officer):
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    allowed = grievance.resolution_due_at - grievance.lodged_at

    _sweep_at(grievance.lodged_at + allowed * 0.79)
    grievance.refresh_from_db()
    assert grievance.sla_state == "on_track"
    _sweep_at(grievance.lodged_at + allowed * 0.81)
    grievance.refresh_from_db()
    assert grievance.sla_state == "at_risk"


def test_resolution_breach_reaches_leadership(grievance, spoke_officer):
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)

    _sweep_at(grievance.resolution_due_at + timedelta(minutes=1))

    grievance.refresh_from_db()
    assert (grievance.escalation_level, grievance.sla_state) == (2, "breached")


def test_paused_grievance_is_not_marked(grievance, spoke_officer, entrepreneur):
    for action, note in (("assign", ""), ("start", ""), ("ask_msme", "Invoice copy?")):
        grievance_transition(
            grievance_id=grievance.pk, action=action, actor=spoke_officer, note=note
        )
    allowed = grievance.resolution_due_at - grievance.lodged_at

    _sweep_at(grievance.lodged_at + allowed * 0.9)

    grievance.refresh_from_db()
    assert grievance.sla_state == "on_track"


def test_unrated_resolved_grievance_closes_after_fifteen_days(grievance, spoke_officer):
    with time_machine.travel(MONDAY, tick=False) as traveller:
        for action, note in (("assign", ""), ("start", ""), ("resolve", "Paid.")):
            grievance_transition(
                grievance_id=grievance.pk, action=action, actor=spoke_officer, note=note
            )
        traveller.shift(timedelta(days=15, minutes=1))

        result = sla_sweep()

    grievance.refresh_from_db()
    assert (grievance.status, result.auto_closed) == ("closed", 1)


def test_scheduler_enqueues_every_declared_job_once(grievance, capsys, settings):
    call_command("scheduler", "--once")

    lines = capsys.readouterr().out.split()
    assert "sla-sweep" in lines
    assert lines == [word for job in settings.PERIODIC_JOBS for word in ("enqueued", job.name)]
