"""The periodic SLA sweep: marks at-risk and breached grievances, escalates up the ladder
(spoke → hub → leadership), closes unrated resolved grievances after 15 days, and notifies.

Idempotent: every change is a move to a state derived from the clock, so a second run at the
same moment finds nothing to do. Rows are processed in batches, each in its own transaction,
written with one bulk insert of timeline entries and one bulk update of the changed rows.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from ..choices import OPEN_STATUSES, EscalationLevel, Kind, SlaState, Status
from ..models import Grievance, TimelineEntry
from ..queue import tallies
from ..records import english
from ..workflow.table import REOPEN_WINDOW_DAYS
from .clock import sla_state

BATCH = 500
SWEPT_FIELDS = ["sla_state", "escalation_level", "updated_at"]


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


# The sweep's words in the timeline: message ids read in each reader's language
# (`TimelineEntry.text`); `note` keeps the English words, as `records.event_write` does.
ESCALATED_TO = gettext_noop("Escalated to %(level)s.")
AUTO_CLOSED = gettext_noop("Closed automatically: not rated within 15 days of resolution.")


def _message_fields(message_id: str, params: dict) -> dict:
    return {"note": message_id % params, "message": {"id": message_id, "params": params}}


def _sweep_one(grievance: Grievance, now: datetime, result: SweepResult) -> list[TimelineEntry]:
    """Move the grievance (in memory) to its state and level now; returns the entries to write."""
    entries = []
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
            entries.append(
                TimelineEntry(
                    grievance=grievance,
                    action=f"sla_{state}",
                    from_status=grievance.status,
                    to_status=grievance.status,
                    is_internal=True,
                )
            )
            grievance.sla_state = state
    level = _target_level(grievance, now)
    if level != grievance.escalation_level:
        entries.append(
            TimelineEntry(
                grievance=grievance,
                action="escalated",
                is_internal=True,
                **_message_fields(ESCALATED_TO, {"level": english(EscalationLevel(level).label)}),
            )
        )
        grievance.escalation_level = level
        result.escalated += 1
        result.escalations.append((grievance.pk, level))
    return entries


@transaction.atomic
def _sweep_batch(batch: list[Grievance], now: datetime, result: SweepResult) -> None:
    entries: list[TimelineEntry] = []
    changed: list[Grievance] = []
    first_escalation = len(result.escalations)
    for grievance in batch:
        written = _sweep_one(grievance, now, result)
        if written:
            entries.extend(written)
            changed.append(grievance)
    if not changed:
        return
    # bulk_update bypasses auto_now; one wall-clock stamp per batch, as save() would have set.
    stamp = timezone.now()
    for grievance in changed:
        grievance.updated_at = stamp
    TimelineEntry.objects.bulk_create(entries)
    Grievance.objects.bulk_update(changed, SWEPT_FIELDS)
    if escalations := result.escalations[first_escalation:]:
        pairs = [[pk, int(level)] for pk, level in escalations]
        from .. import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

        transaction.on_commit(partial(tasks.notify_escalations_task.enqueue, pairs))


def _close_unrated(pks: list[int], now: datetime, result: SweepResult) -> None:
    """Close those of `pks` still resolved and unrated past the window, in one transaction.

    The rows are locked and re-checked first, so one rated (which closes it) or reopened since
    the caller read `pks` is left alone; only the rows actually closed get a timeline entry.
    """
    cutoff = now - timedelta(days=REOPEN_WINDOW_DAYS)
    with transaction.atomic():
        closing = list(
            Grievance.objects.select_for_update()
            .filter(pk__in=pks, status=Status.RESOLVED, rating__isnull=True, resolved_at__lt=cutoff)
            .order_by("pk")
            .values_list("pk", "room_id")
        )
        if not closing:
            return
        closing_pks = [pk for pk, _room in closing]
        Grievance.objects.filter(pk__in=closing_pks, status=Status.RESOLVED).update(
            status=Status.CLOSED, closed_at=now, updated_at=now
        )
        TimelineEntry.objects.bulk_create(
            TimelineEntry(
                grievance_id=pk,
                action="close",
                from_status=Status.RESOLVED,
                to_status=Status.CLOSED,
                **_message_fields(AUTO_CLOSED, {}),
            )
            for pk in closing_pks
        )
        # QuerySet.update bypasses Grievance.save(), which keeps the queue's counts.
        for room_id, count in Counter(room for _pk, room in closing).items():
            tallies.tally_move(
                room_id=room_id,
                from_status=Status.RESOLVED,
                to_status=Status.CLOSED,
                count=count,
            )
        result.auto_closed += len(closing_pks)


def _auto_close(now: datetime, result: SweepResult) -> None:
    cutoff = now - timedelta(days=REOPEN_WINDOW_DAYS)
    stale = Grievance.objects.filter(
        status=Status.RESOLVED, rating__isnull=True, resolved_at__lt=cutoff
    ).values_list("pk", flat=True)
    pks = list(stale[: BATCH * 10])
    for start in range(0, len(pks), BATCH):
        _close_unrated(pks[start : start + BATCH], now, result)


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
        _sweep_batch(batch, now, result)
        result.examined += len(batch)
        last_pk = batch[-1].pk
    _auto_close(now, result)
    return result
