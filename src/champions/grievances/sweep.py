"""The periodic SLA sweep: marks at-risk and breached grievances, escalates up the ladder
(spoke → hub → leadership), closes unrated resolved grievances after 15 days, and notifies.

Idempotent: every change is a move to a state derived from the clock, so a second run at the
same moment finds nothing to do. Rows are processed in batches, each in its own transaction.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import tasks
from .choices import OPEN_STATUSES, EscalationLevel, Kind, SlaState, Status
from .models import Grievance, TimelineEntry
from .sla import sla_state
from .workflow import REOPEN_WINDOW_DAYS

BATCH = 500


@dataclass
class SweepResult:
    at_risk: int = 0
    breached: int = 0
    escalated: int = 0
    auto_closed: int = 0
    examined: int = 0
    escalations: list[tuple[int, int]] = field(default_factory=list)


def _due(grievance: Grievance) -> datetime | None:
    """The deadline that matters now: the appeal's, the assignment's, or the resolution's."""
    if grievance.status == Status.APPEALED:
        return grievance.appeal_due_at
    if grievance.status == Status.SUBMITTED and grievance.assignee_id is None:
        return min(
            filter(None, [grievance.assign_due_at, grievance.resolution_due_at]), default=None
        )
    return grievance.resolution_due_at


def _target_level(grievance: Grievance, now: datetime) -> int:
    """Where on the ladder the grievance belongs now (never lower than where it is)."""
    level = grievance.escalation_level
    unassigned_late = (
        grievance.status == Status.SUBMITTED
        and grievance.assign_due_at
        and now > grievance.assign_due_at
    )
    not_concluded = grievance.escalate_due_at and now > grievance.escalate_due_at
    if unassigned_late or not_concluded:
        level = max(level, EscalationLevel.HUB)
    if grievance.resolution_due_at and now > grievance.resolution_due_at:
        level = max(level, EscalationLevel.LEADERSHIP)
    return level


def _sweep_one(grievance: Grievance, now: datetime, result: SweepResult) -> None:
    changed = []
    if grievance.paused_at is None:
        due = _due(grievance)
        started = (
            grievance.lodged_at
            if grievance.status != Status.APPEALED
            else (grievance.closed_at or grievance.lodged_at)
        )
        state = sla_state(started=started, due=due, now=now)
        if state != grievance.sla_state and state != SlaState.NONE:
            result.at_risk += state == SlaState.AT_RISK
            result.breached += state == SlaState.BREACHED
            TimelineEntry.objects.create(
                grievance=grievance,
                action=f"sla_{state}",
                from_status=grievance.status,
                to_status=grievance.status,
                is_internal=True,
            )
            grievance.sla_state = state
            changed.append("sla_state")
    level = _target_level(grievance, now)
    if level != grievance.escalation_level:
        TimelineEntry.objects.create(
            grievance=grievance,
            action="escalated",
            is_internal=True,
            note=_("Escalated to %(level)s.") % {"level": EscalationLevel(level).label},
        )
        grievance.escalation_level = level
        changed.append("escalation_level")
        result.escalated += 1
        result.escalations.append((grievance.pk, level))
    if changed:
        grievance.save(update_fields=[*changed, "updated_at"])


def _auto_close(now: datetime, result: SweepResult) -> None:
    cutoff = now - timedelta(days=REOPEN_WINDOW_DAYS)
    stale = Grievance.objects.filter(
        status=Status.RESOLVED, rating__isnull=True, resolved_at__lt=cutoff
    ).values_list("pk", flat=True)
    for pk in list(stale[: BATCH * 10]):
        with transaction.atomic():
            updated = Grievance.objects.filter(pk=pk, status=Status.RESOLVED).update(
                status=Status.CLOSED, closed_at=now, updated_at=now
            )
            if updated:
                TimelineEntry.objects.create(
                    grievance_id=pk,
                    action="close",
                    from_status=Status.RESOLVED,
                    to_status=Status.CLOSED,
                    note=_("Closed automatically: not rated within 15 days of resolution."),
                )
                result.auto_closed += 1


def sla_sweep(*, now: datetime | None = None) -> SweepResult:
    now = now or timezone.now()
    result = SweepResult()
    open_grievances = Grievance.objects.filter(
        kind=Kind.GRIEVANCE, status__in=OPEN_STATUSES
    ).order_by("pk")
    last_pk = 0
    while True:
        batch = list(open_grievances.filter(pk__gt=last_pk)[:BATCH])
        if not batch:
            break
        with transaction.atomic():
            for grievance in batch:
                _sweep_one(grievance, now, result)
        result.examined += len(batch)
        last_pk = batch[-1].pk
    _auto_close(now, result)
    for pk, level in result.escalations:
        transaction.on_commit(
            lambda pk=pk, level=level: tasks.notify_escalation_task.enqueue(pk, level)
        )
    return result
