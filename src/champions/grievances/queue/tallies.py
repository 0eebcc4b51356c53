"""The queue's counts per (control room, status), kept in `QueueTally`.

Every service that changes a grievance's room or status moves the count itself, in its own
transaction: it takes `tally_key(grievance)` before the change and calls `tally_moved` after
the write (lodging: from nowhere). `Model.save()` moves nothing, so a write that bypasses the
services (a bulk load, raw SQL, an edit or deletion in the admin) is repaired by
`tally_recount`, which the periodic job `queue-recount` runs daily and the bulk loaders run
after loading.
"""

from django.db import connection, transaction
from django.db.models import Count, Sum

from ..models import Grievance, QueueTally


@transaction.atomic
def tally_recount() -> int:
    """Rebuild every count from the grievances; returns how many (room, status) rows."""
    if connection.vendor == "postgresql":
        # Lodgings and transitions wait for the rebuild instead of moving a count that the
        # rebuild is about to replace; rows they committed before are in the recount.
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {QueueTally._meta.db_table} IN EXCLUSIVE MODE")
    counts = (
        Grievance.objects.order_by().values_list("room_id", "status").annotate(total=Count("id"))
    )
    rows = [QueueTally(room_id=room, status=status, count=total) for room, status, total in counts]
    QueueTally.objects.all().delete()
    QueueTally.objects.bulk_create(rows, batch_size=500)
    return len(rows)


TallyKey = tuple[int, str]  # (room id, status)


def tally_key(grievance: Grievance) -> TallyKey:
    """Where a grievance is counted now; take it before changing the room or the status."""
    return (grievance.room_id, grievance.status)


def tally_moved(*, before: TallyKey | None, after: TallyKey | None, count: int = 1) -> None:
    """`count` grievances left `before` (None: they are new) for `after` (None: deleted).
    Call it inside the writing transaction, after the write; no change, no write."""
    if count and before != after:
        QueueTally.objects.move(before=before, after=after, count=count)


def tally_move(*, room_id: int, from_status: str, to_status: str, count: int = 1) -> None:
    """`count` grievances of one room went from one status to another (a QuerySet.update, as
    the sweep's auto-close). Call it inside the writing transaction."""
    tally_moved(before=(room_id, from_status), after=(room_id, to_status), count=count)


def tally_counts(*, room_id: int | None) -> dict[str, int]:
    """Grievances per status in one room, or in all rooms (None)."""
    qs = QueueTally.objects.all()
    if room_id is not None:
        qs = qs.filter(room_id=room_id)
    return dict(qs.order_by().values_list("status").annotate(total=Sum("count")))
