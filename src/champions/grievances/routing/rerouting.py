"""Open grievances follow their districts when the hub changes the control-room network.

When districts move to another room, or a room is merged or closed, the open grievances go to
the new room in the caller's transaction: rows locked in id order, due dates kept (the clocks
are not restarted: it is the network that changed, not the grievance), the queue tallies moved
by `Grievance.save()`, and a timeline entry on each saying from which room to which and why.
Such a move is not a transfer: it does not count towards the three transfers a grievance may
have. An assignee who was an officer of the room it leaves is cleared (they no longer see it).
"""

from django.db import connection, transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from champions.controlrooms.selectors import control_room_get

from .. import hooks
from ..choices import OPEN_STATUSES, Status
from ..models import Grievance, QueueTally, TimelineEntry

REROUTED = "rerouted"


def _open_in_room(*, from_room_id: int, district_ids: list[int] | None):
    qs = Grievance.objects.filter(room_id=from_room_id, status__in=OPEN_STATUSES)
    if district_ids is not None:
        qs = qs.filter(district_id__in=district_ids)
    return qs


@transaction.atomic
def grievances_reroute(
    *, from_room_id: int, to_room_id: int, district_ids: list[int] | None, actor, reason: str
) -> int:
    """Move the open grievances of `from_room_id` (of these districts; None: all of them) to
    `to_room_id`; returns how many moved."""
    source = control_room_get(room_id=from_room_id)
    target = control_room_get(room_id=to_room_id)
    if source.pk == target.pk:
        return 0
    qs = (
        _open_in_room(from_room_id=from_room_id, district_ids=district_ids)
        .select_related("assignee")
        .order_by("pk")
    )
    if connection.vendor == "postgresql":
        qs = qs.select_for_update(of=("self",))
    note = _("Control room changed from %(from)s to %(to)s: %(reason)s") % {
        "from": source.name,
        "to": target.name,
        "reason": reason.strip(),
    }
    moved = []
    for grievance in qs:
        before = grievance.status
        grievance.room = target
        if grievance.assignee is not None and grievance.assignee.control_room_id == source.pk:
            grievance.assignee = None
            if grievance.status == Status.ASSIGNED:
                grievance.status = Status.SUBMITTED
        grievance.save(update_fields=["room", "assignee", "status", "updated_at"])
        moved.append(
            TimelineEntry(
                grievance=grievance,
                actor=actor if getattr(actor, "is_authenticated", False) else None,
                action=REROUTED,
                from_status=before if before != grievance.status else "",
                to_status=grievance.status if before != grievance.status else "",
                note=note,
                is_internal=False,
            )
        )
        hooks.grievance_event_emit(grievance, "transferred", note=note)
    TimelineEntry.objects.bulk_create(moved, batch_size=500)
    return len(moved)


def open_grievance_counts_by_room() -> dict[int, int]:
    """Open grievances per room, from the queue tallies (one small query)."""
    rows = (
        QueueTally.objects.filter(status__in=OPEN_STATUSES)
        .order_by()
        .values_list("room_id")
        .annotate(total=Sum("count"))
    )
    return {room_id: total or 0 for room_id, total in rows}


def open_grievance_count(*, room_id: int, district_ids: list[int] | None = None) -> int:
    """How many open grievances of a room (of these districts) a network change would move."""
    return _open_in_room(from_room_id=room_id, district_ids=district_ids).count()
