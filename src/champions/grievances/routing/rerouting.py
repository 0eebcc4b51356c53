"""Open grievances follow their districts when the hub changes the control-room network.

When districts move to another room, or a room is merged or closed, the open grievances go to
the new room in the caller's transaction: rows locked in id order, due dates kept (the clocks
are not restarted: it is the network that changed, not the grievance), the queue tallies
moved (one call per pair of counts), and a timeline entry on each saying from which room to
which and why. Such a move is not a transfer: it does not count towards the three transfers
a grievance may have. An assignee who was an officer of the room it leaves is cleared (they
no longer see it).
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import Sum
from django.utils.translation import gettext_noop

from champions.controlrooms.selectors import control_room_get

from .. import hooks
from ..choices import OPEN_STATUSES, Status
from ..models import Grievance, QueueTally, TimelineEntry
from ..queue.tallies import TallyKey, tally_key, tally_moved

REROUTED = "rerouted"
# Read in each reader's language, the rooms' names in Hindi on Hindi pages (`TimelineEntry.text`).
ROOM_CHANGED = gettext_noop("Control room changed from %(from)s to %(to)s: %(reason)s")


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
    params = {"from": source.name, "to": target.name, "reason": reason.strip()}
    note = ROOM_CHANGED % params
    moved = [_reroute_one(grievance, source=source, target=target) for grievance in qs]
    TimelineEntry.objects.bulk_create(
        [
            _rerouted_entry(grievance, before, actor=actor, params=params)
            for grievance, before in moved
        ],
        batch_size=500,
    )
    for (before, after), count in Counter((before, tally_key(g)) for g, before in moved).items():
        tally_moved(before=before, after=after, count=count)
    for grievance, _before in moved:
        hooks.grievance_event_emit(grievance, "transferred", note=note)
    return len(moved)


def _reroute_one(grievance: Grievance, *, source, target) -> tuple[Grievance, TallyKey]:
    """Move one grievance to the target room; returns it and where it was counted."""
    before = tally_key(grievance)
    grievance.room = target
    if grievance.assignee is not None and grievance.assignee.control_room_id == source.pk:
        grievance.assignee = None
        if grievance.status == Status.ASSIGNED:
            grievance.status = Status.SUBMITTED
    grievance.save(update_fields=["room", "assignee", "status", "updated_at"])
    return grievance, before


def _rerouted_entry(
    grievance: Grievance, before: TallyKey, *, actor, params: dict
) -> TimelineEntry:
    from_status = before[1]
    changed = from_status != grievance.status
    return TimelineEntry(
        grievance=grievance,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=REROUTED,
        from_status=from_status if changed else "",
        to_status=grievance.status if changed else "",
        note=ROOM_CHANGED % params,
        message={"id": ROOM_CHANGED, "params": params},
        is_internal=False,
    )


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
