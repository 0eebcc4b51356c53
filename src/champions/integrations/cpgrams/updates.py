"""The pull of what CPGRAMS officers did to the ministry's grievances (status changes, remarks,
closures), into each grievance's timeline: `cpgrams_updates_pull`, run by the periodic
`cpgrams-updates` job (config/periodic.py).

- **Cursor**: `SyncCursor("cpgrams-updates")` advances after each page, so a crash or an
  outage mid-pull repeats at most one page and loses nothing (the next run starts there).
- **Duplicates**: each event is stored once (`RemoteUpdate.event_id` is unique); a repeated
  event changes nothing.
- **Out of order**: an event made on CPGRAMS *before* one already applied to the grievance is
  recorded in the timeline but not applied ("stale"): it must not undo the later one.
- **Conflicts** (both sides changed): decided by `grievances.remote` (the later change wins).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.dateparse import parse_datetime

from champions.grievances.selectors import grievance_for_cpgrams
from champions.grievances.services import grievance_remote_change

from ..models import RemoteUpdate, SyncCursor
from .client import CpgramsClient, cpgrams_client
from .inbound import _system_user

CURSOR_NAME = "cpgrams-updates"
PAGE_SIZE = 100
Outcome = RemoteUpdate.Outcome


@dataclass
class UpdatesReport:
    """How many updates had each outcome: closed, recorded, conflict, stale, unmatched (all
    stored), duplicate (seen before), refused (no event id, number or time)."""

    counts: Counter = field(default_factory=Counter)


def cpgrams_updates_pull(*, client: CpgramsClient | None = None) -> UpdatesReport:
    """Fetch the updates since the cursor and write each into its grievance, once."""
    client = client or cpgrams_client()
    report = UpdatesReport()
    cursor, _created = SyncCursor.objects.get_or_create(name=CURSOR_NAME)
    actor = _system_user()
    while True:
        page = client.grievance_updates(
            org=settings.CPGRAMS_ORG_CODE, since=cursor.value, limit=PAGE_SIZE
        )
        for record in page.records:
            report.counts[str(_update_apply(record, actor=actor))] += 1
        if page.next_since != cursor.value:
            cursor.value = page.next_since
            cursor.save(update_fields=["value", "updated_at"])
        if not (page.has_more and page.records):
            return report


def _update_apply(record: dict, *, actor) -> str:
    event_id = str(record.get("event_id") or "")[:64]
    changed_at = parse_datetime(str(record.get("changed_at") or ""))
    number = str(record.get("registration_number") or "")[:40]
    if not event_id or not number or changed_at is None:
        return "refused"  # not an update we can place: skipped, the cursor moves on
    if RemoteUpdate.objects.filter(event_id=event_id).exists():
        return "duplicate"
    grievance_id = grievance_for_cpgrams(
        cpgrams_number=number, registration_number=str(record.get("source_reference") or "")
    )
    try:
        with transaction.atomic():
            outcome = _outcome(record, grievance_id, changed_at=changed_at, actor=actor)
            RemoteUpdate.objects.create(
                event_id=event_id,
                cpgrams_number=number,
                grievance_id=grievance_id,
                status=str(record.get("status") or "")[:30],
                remarks=str(record.get("remarks") or "")[:5000],
                changed_at=changed_at,
                outcome=outcome,
            )
    except IntegrityError:
        return "duplicate"  # another worker stored the same event first; its write stands
    return outcome


def _outcome(record: dict, grievance_id: int | None, *, changed_at: datetime, actor) -> str:
    if grievance_id is None:
        return Outcome.UNMATCHED
    newer_applied = RemoteUpdate.objects.filter(
        grievance_id=grievance_id, changed_at__gt=changed_at
    ).exclude(outcome=Outcome.STALE)
    stale = newer_applied.exists()
    result = grievance_remote_change(
        grievance_id=grievance_id,
        status=str(record.get("status") or ""),
        remarks=str(record.get("remarks") or "")[:5000],
        changed_at=changed_at,
        actor=actor,
        apply=not stale,
    )
    return Outcome.STALE if stale else result
