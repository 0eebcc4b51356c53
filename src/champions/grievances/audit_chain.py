"""The grievance timeline as a tamper-evident record: one hash chain per grievance.

Why per grievance and not one global chain: a grievance's record is what an owner, an
appellate officer, an auditor or CPGRAMS looks at, and each one can be checked on its own. It
also keeps appends concurrent: a global chain would make every timeline write in the country
wait for the one before it, while a per-grievance chain only serialises writes to the same
grievance, which already lock its row. What a per-grievance chain cannot show by itself is the
removal of a grievance's *last* entries or of a whole chain; the database guard (no DELETE on
PostgreSQL, `on_delete=PROTECT` from grievances) is what prevents those.

Appends lock the grievance rows (`SELECT ... FOR UPDATE`, in id order so two writers cannot
deadlock), then read each chain's last hash: a concurrent append to the same grievance waits
for the lock and then sees the entry committed before it.
"""

from django.db import models, transaction

from champions.core.audit import (
    GENESIS,
    AppendOnlyQuerySet,
    ChainReport,
    digest,
    links_check,
)

TIMELINE_COLUMNS = (
    "grievance_id",
    "actor_id",
    "action",
    "from_status",
    "to_status",
    "note",
    "message",
    "is_internal",
    "created_at",
)


def entry_values(entry) -> dict:
    return {column: getattr(entry, column) for column in TIMELINE_COLUMNS}


def link(model, entries: list) -> None:
    """Give each new entry its prev_hash and hash (inside the caller's transaction)."""
    if not entries:
        return
    grievance_model = model._meta.get_field("grievance").related_model
    ids = sorted({e.grievance_id for e in entries})
    # Lock first, read after: the read is a new statement, so it sees what a writer we
    # waited for has committed.
    list(grievance_model.objects.select_for_update().filter(pk__in=ids).order_by("pk").values("pk"))
    last = _last_hashes(model, ids)
    for entry in entries:
        entry.note = str(entry.note)  # a lazy translation is stored as its text
        entry.prev_hash = last.get(entry.grievance_id, GENESIS)
        entry.hash = digest(entry_values(entry), entry.prev_hash)
        last[entry.grievance_id] = entry.hash


def link_first(entry) -> None:
    """The first entry of a grievance inserted in the same transaction: it starts the chain.
    Nothing to lock or read, since no other transaction sees the new grievance (an append to it
    from elsewhere waits on its uncommitted row), so it costs no query."""
    entry.note = str(entry.note)
    entry.prev_hash = GENESIS
    entry.hash = digest(entry_values(entry), GENESIS)


def _last_hashes(model, grievance_ids: list[int]) -> dict[int, str]:
    newest = (
        model.objects.filter(grievance_id__in=grievance_ids)
        .values("grievance_id")
        .annotate(last_id=models.Max("id"))
        .values_list("last_id", flat=True)
    )
    return dict(model.objects.filter(id__in=newest).values_list("grievance_id", "hash"))


class TimelineQuerySet(AppendOnlyQuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        with transaction.atomic(using=self.db, savepoint=False):
            link(self.model, objs)
            return super().bulk_create(objs, *args, **kwargs)


def timeline_chain_verify() -> ChainReport:
    """Check every grievance's chain, reading the timeline once in (grievance, id) order."""
    from .models import TimelineEntry

    rows = TimelineEntry.objects.order_by("grievance_id", "id").values(
        "id", "prev_hash", "hash", *TIMELINE_COLUMNS
    )
    return links_check(
        ChainReport("grievance timeline"),
        rows.iterator(chunk_size=5000),
        columns=TIMELINE_COLUMNS,
        chain_of=lambda row: row["grievance_id"],
    )
