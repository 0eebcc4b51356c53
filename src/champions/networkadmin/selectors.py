"""Reads for the hub's network pages: who may change the network, and what a change would do."""

from dataclasses import dataclass

from champions.accounts.policy import Action, can
from champions.accounts.selectors import spoke_officer_count
from champions.controlrooms import selectors as rooms
from champions.grievances.selectors import open_grievance_count, open_grievance_counts_by_room


def user_administers_network(user) -> bool:
    """Hub officers (of the hub's own room) and administrators change the network; leadership
    only looks at it. The rule is the policy's (`accounts.policy`, `network.change`)."""
    return can(user, Action.NETWORK_CHANGE)


@dataclass(frozen=True)
class RoomRow:
    room: object
    district_count: int
    open_grievances: int


def room_overview(*, state_id: int | None = None, show_closed: bool = False) -> list[RoomRow]:
    """Every room with its districts and open grievances (two queries)."""
    counts = open_grievance_counts_by_room()
    return [
        RoomRow(
            room=room, district_count=room.district_count, open_grievances=counts.get(room.pk, 0)
        )
        for room in rooms.room_overview_queryset(state_id=state_id, show_closed=show_closed)
    ]


def room_open_grievances(*, room_id: int) -> int:
    return open_grievance_count(room_id=room_id)


@dataclass(frozen=True)
class ImportPreview:
    plan: rooms.ImportPlan
    grievances_to_move: int


def import_preview(*, text: str) -> ImportPreview:
    """The dry run of an import: the plan, and how many open grievances it would move."""
    plan = rooms.import_plan(text=text)
    moving = 0
    if not plan.errors:
        for district_ids in plan.moves.values():
            for room_id, ids in _by_room(district_ids).items():
                moving += open_grievance_count(room_id=room_id, district_ids=ids)
    return ImportPreview(plan=plan, grievances_to_move=moving)


def _by_room(district_ids: list[int]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = {}
    for district, room_id in rooms.district_room_ids(district_ids=district_ids).items():
        if room_id is not None:
            grouped.setdefault(room_id, []).append(district)
    return grouped


@dataclass(frozen=True)
class ChangePreview:
    """What a confirmed change will move: shown before the hub confirms."""

    target: object
    districts: list
    grievances: int
    officers: int = 0


def move_preview(*, district_ids: list[int], to_room_id: int) -> ChangePreview:
    target = rooms.control_room_get(room_id=to_room_id)
    current = rooms.district_room_ids(district_ids=district_ids)
    moving = [pk for pk, room_id in current.items() if room_id != target.pk]
    grievances = sum(
        open_grievance_count(room_id=room_id, district_ids=ids)
        for room_id, ids in _by_room(moving).items()
    )
    return ChangePreview(
        target=target, districts=rooms.district_names(district_ids=moving), grievances=grievances
    )


def close_preview(*, room_id: int, to_room_id: int) -> ChangePreview:
    target = rooms.control_room_get(room_id=to_room_id)
    ids = rooms.room_district_ids(room_id=room_id)
    return ChangePreview(
        target=target,
        districts=rooms.district_names(district_ids=ids),
        grievances=open_grievance_count(room_id=room_id),
        officers=spoke_officer_count(room_id=room_id),
    )
