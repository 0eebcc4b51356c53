"""Keeping the dashboards' rollups: counting new timeline entries and triage rows.

Why a cursor over the timeline and not a hook inside the grievance services: every change a
dashboard counts is already a timeline entry, including the ones the SLA sweep and the
auto-close write in bulk without any service call (escalations, breaches, closures), and
bulk loaders (the demo, imports) write entries too. A frequent job reads the entries after
the last one counted, refreshes the facts of the grievances they touch (room, category,
due date, open or not), moves the backlog counts and adds the day's events, all in one
transaction with the cursor. Entries younger than `SETTLE` are left for the next run, so a
transaction that committed a lower id a little later is not skipped; a nightly rebuild
repairs anything else (a category changed without an entry, a row deleted in the admin).
"""

import itertools
from collections import Counter
from datetime import date, timedelta

from django.db import connection, transaction
from django.utils import timezone

from champions.grievances import selectors as grievance_selectors
from champions.grievances.choices import OPEN_STATUSES, Kind

from .models import (
    ALL,
    BacklogRollup,
    DailyRollup,
    GrievanceFact,
    MonthlyRollup,
    RollupCursor,
)
from .version import rollups_changed

BATCH = 5000
SETTLE = timedelta(seconds=10)
NO_DUE_DAY = date(9999, 12, 31)
RESOLUTION_BUCKETS = [(3, "0-3"), (7, "4-7"), (14, "8-14"), (21, "15-21"), (30, "22-30")]
OVER_LAST_BUCKET = "31+"
DIMENSIONS = ("room_id", "state", "category", "channel", "language")
# Timeline action -> the metric it counts (routing and resolution are handled apart).
PLAIN_METRICS = {
    "lodged": "lodged",
    "reopen": "reopened",
    "appeal": "appealed",
    "decide_appeal": "appeal_decided",
    "escalated": "escalated",
    "transferred": "transferred",
    "sla_breached": "breached",
}


def resolution_bucket(days: int) -> str:
    for limit, label in RESOLUTION_BUCKETS:
        if days <= limit:
            return label
    return OVER_LAST_BUCKET


def _cube(dims: tuple) -> list[tuple]:
    """The key itself and its copies with category, channel and language set to "*"."""
    room, state, *rest = dims
    options = [(value, ALL) for value in rest]
    return [(room, state, *combo) for combo in itertools.product(*options)]


def _dims(facts) -> tuple:
    return (facts.room_id, facts.state, facts.category, facts.channel, facts.language)


def _backlog_key(facts) -> tuple | None:
    if facts is None or facts.status not in OPEN_STATUSES:
        return None
    due = facts.resolution_due_at
    due_day = timezone.localdate(due) if due else NO_DUE_DAY
    return (*_dims(facts), timezone.localdate(facts.lodged_at), due_day)


def _entry_metrics(entry, facts) -> list[tuple[str, int]]:
    """(metric, figure) pairs an entry adds on its day."""
    action = entry.action
    metrics = []
    if action in PLAIN_METRICS:
        metrics.append((PLAIN_METRICS[action], 0))
    if action == "lodged" and facts.department and facts.kind == Kind.GRIEVANCE:
        metrics.append((f"department:{facts.department}", 0))
    if action == "assign" and entry.from_status in ("submitted", ""):
        metrics.append(("routed", 0))
        if facts.assign_due_at and entry.created_at <= facts.assign_due_at:
            metrics.append(("routed_in_sla", 0))
    if action in ("resolve", "refer"):
        days = max(0, (entry.created_at - facts.lodged_at).days)
        metrics += [("resolved", days), (f"resolved_in:{resolution_bucket(days)}", 0)]
        if facts.resolution_due_at and entry.created_at <= facts.resolution_due_at:
            metrics.append(("resolved_in_sla", 0))
    if action == "refer" and facts.referred_to:
        metrics.append((f"referred_to:{facts.referred_to}", 0))
    if action == "close":
        metrics.append(("closed", 0))
        # The sweep closes only unrated grievances, so a rated one was closed by its rating.
        if facts.rating:
            metrics += [("rated", facts.rating), (f"rating:{facts.rating}", 0)]
    return metrics


def _upsert(model, keys: list[str], rows: dict[tuple, tuple]) -> None:
    """Add to existing counts (INSERT ... ON CONFLICT DO UPDATE: SQLite and PostgreSQL)."""
    if not rows:
        return
    sums = ["count"] if model is BacklogRollup else ["count", "total"]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = [*keys, *sums]
    marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
    updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in sums)
    items = list(rows.items())
    for start in range(0, len(items), 500):
        chunk = items[start : start + 500]
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES "  # noqa: S608 - fixed names
            + ", ".join([marks] * len(chunk))
            + f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"
        )
        params = [v for key, sums_ in chunk for v in (*key, *sums_)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def _cursor(name: str) -> RollupCursor:
    cursor, _created = RollupCursor.objects.select_for_update().get_or_create(name=name)
    return cursor


def _settled(rows: list, cutoff) -> list:
    kept = []
    for row in rows:
        if row.created_at > cutoff:
            break
        kept.append(row)
    return kept


def _move_backlog(ids: set[int], facts: dict) -> None:
    """Take each touched grievance out of its old backlog key and into its new one."""
    old = {f.grievance_id: f for f in GrievanceFact.objects.filter(grievance_id__in=ids)}
    moves: Counter = Counter()
    new_facts = []
    for gid in ids:
        before = old.get(gid)
        if before is not None:
            key = tuple(getattr(before, name) for name in (*DIMENSIONS, "lodged_day", "due_day"))
            for cube in _cube(key[:5]):
                moves[(*cube, *key[5:])] -= 1
        after = _backlog_key(facts.get(gid))
        if after is not None:
            for cube in _cube(after[:5]):
                moves[(*cube, *after[5:])] += 1
            new_facts.append(GrievanceFact(gid, *after))
    GrievanceFact.objects.filter(grievance_id__in=ids).delete()
    GrievanceFact.objects.bulk_create(new_facts, batch_size=1000)
    keys = [*DIMENSIONS, "lodged_day", "due_day"]
    _upsert(BacklogRollup, keys, {k: (n,) for k, n in moves.items() if n})


def _add_events(entries: list, triages: list, facts: dict) -> None:
    counts: Counter = Counter()
    totals: Counter = Counter()
    for entry in entries:
        f = facts.get(entry.grievance_id)
        if f is None:
            continue
        for metric, figure in _entry_metrics(entry, f):
            for cube in _cube(_dims(f)):
                key = (timezone.localdate(entry.created_at), *cube, metric[:240])
                counts[key] += 1
                totals[key] += figure
    for row in triages:
        f = facts.get(row.grievance_id)
        if f is None:
            continue
        for metric in (f"sentiment:{row.sentiment}", f"emotion:{row.emotion}"):
            if metric.endswith(":"):
                continue
            for cube in _cube(_dims(f)):
                counts[(timezone.localdate(row.created_at), *cube, metric)] += 1
    keys = [*DIMENSIONS, "metric"]
    _upsert(DailyRollup, ["day", *keys], {k: (n, totals[k]) for k, n in counts.items()})
    _upsert(MonthlyRollup, ["month", *keys], _per_month(counts, totals))


def _per_month(counts: Counter, totals: Counter) -> dict[tuple, tuple[int, int]]:
    """The day's counts summed into their month (keyed by its first day)."""
    months: dict[tuple, list[int]] = {}
    for key, n in counts.items():
        month_key = (key[0].replace(day=1), *key[1:])
        sums = months.setdefault(month_key, [0, 0])
        sums[0] += n
        sums[1] += totals[key]
    return {key: (n, total) for key, (n, total) in months.items()}


@transaction.atomic
def rollups_catch_up(*, limit: int = BATCH, settle: timedelta = SETTLE) -> int:
    """Count up to `limit` new timeline entries (and new triage rows) into the rollups;
    returns how many entries and rows were counted (0: up to date)."""
    cutoff = timezone.now() - settle
    timeline, triage = _cursor("timeline"), _cursor("triage")
    entries = _settled(
        grievance_selectors.timeline_feed(after_id=timeline.last_id, limit=limit), cutoff
    )
    triages = _settled(
        grievance_selectors.triage_feed(after_id=triage.last_id, limit=limit), cutoff
    )
    if not entries and not triages:
        return 0
    ids = {e.grievance_id for e in entries} | {t.grievance_id for t in triages}
    facts = grievance_selectors.grievance_facts(grievance_ids=sorted(ids))
    _move_backlog({e.grievance_id for e in entries}, facts)
    _add_events(entries, triages, facts)
    for cursor, rows in ((timeline, entries), (triage, triages)):
        if rows:
            cursor.last_id = rows[-1].id
            cursor.save(update_fields=["last_id", "updated_at"])
    rollups_changed()
    return len(entries) + len(triages)


def rollups_catch_up_all(*, settle: timedelta = SETTLE) -> int:
    """Catch up completely, one batch (one transaction) at a time."""
    total = 0
    while counted := rollups_catch_up(settle=settle):
        total += counted
    return total


def rollups_rebuild() -> int:
    """Forget every count and count the whole timeline again (after bulk loads or repairs)."""
    with transaction.atomic():
        for model in (DailyRollup, MonthlyRollup, BacklogRollup, GrievanceFact, RollupCursor):
            model.objects.all().delete()
        rollups_changed()
    return rollups_catch_up_all(settle=timedelta(0))
