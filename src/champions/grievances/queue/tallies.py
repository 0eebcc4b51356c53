"""The queue's counts per (control room, status), kept in `QueueTally`.

`Grievance.save()` moves a count whenever a grievance changes room or status, in the same
transaction, so the counts are exact as long as writes go through the model. Writes that bypass
it (a bulk load, raw SQL, a deletion in the admin) are repaired by `tally_recount`, which the
periodic job `queue-recount` runs daily and the bulk loaders run after loading.
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


def tally_move(*, room_id: int, from_status: str, to_status: str, count: int = 1) -> None:
    """For writes that bypass `Grievance.save()` (QuerySet.update): `count` grievances of one
    room went from one status to another. Call it inside the writing transaction."""
    if count and from_status != to_status:
        QueueTally.objects.move(
            before=(room_id, from_status), after=(room_id, to_status), count=count
        )


def tally_counts(*, room_id: int | None) -> dict[str, int]:
    """Grievances per status in one room, or in all rooms (None)."""
    qs = QueueTally.objects.all()
    if room_id is not None:
        qs = qs.filter(room_id=room_id)
    return dict(qs.order_by().values_list("status").annotate(total=Sum("count")))
