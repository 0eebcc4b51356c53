"""The hub's changes to the control-room network, with everything that follows them.

`controlrooms` changes the network; open grievances (`grievances`) and spoke officers
(`accounts`) follow in the same transaction. Both apps sit above controlrooms, so the
orchestration lives here, in a layer above all three (see docs/ARCHITECTURE.md). Every function
checks that the actor is a hub officer or an administrator and raises `PermissionRefused`
otherwise, before anything is read or written.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from champions.accounts.services import officers_move_room
from champions.controlrooms import services as rooms
from champions.controlrooms.selectors import control_room_get, import_plan
from champions.core.errors import DomainError, ValidationFailed
from champions.grievances.services import grievances_reroute

from .selectors import user_administers_network


class PermissionRefused(DomainError):
    status = 403
    code = "permission_denied"


def _require(actor) -> None:
    if not user_administers_network(actor):
        raise PermissionRefused(_("Only the hub changes the control-room network."))


@dataclass(frozen=True)
class ChangeResult:
    districts: int = 0
    grievances: int = 0
    officers: int = 0


def _follow(moved: dict[int | None, list[int]], *, to_room_id: int, actor, reason: str) -> int:
    """Move the open grievances of the districts that left each room; log it on both rooms."""
    total = 0
    for from_room_id, district_ids in moved.items():
        if from_room_id is None:
            continue
        total += _reroute(from_room_id, to_room_id, district_ids, actor=actor, reason=reason)
    return total


def _reroute(from_id: int, to_id: int, district_ids, *, actor, reason: str) -> int:
    count = grievances_reroute(
        from_room_id=from_id,
        to_room_id=to_id,
        district_ids=district_ids,
        actor=actor,
        reason=reason,
    )
    if count:
        names = {"from": control_room_get(room_id=from_id).name}
        names["to"] = control_room_get(room_id=to_id).name
        summary = _("%(count)s open grievances moved from %(from)s to %(to)s; due dates kept.")
        for room_id in (from_id, to_id):
            rooms.room_change_record(
                room_id=room_id,
                actor=actor,
                action="grievances_moved",
                summary=summary % {"count": count, **names},
                details={"count": count, "from": from_id, "to": to_id, "reason": reason},
            )
    return count


@transaction.atomic
def network_room_create(*, actor, data: rooms.RoomInput):
    _require(actor)
    return rooms.room_create(actor=actor, data=data)


@transaction.atomic
def network_room_update(*, actor, room_id: int, data: rooms.RoomInput):
    _require(actor)
    return rooms.room_update(actor=actor, room_id=room_id, data=data)


@transaction.atomic
def network_districts_move(
    *, actor, district_ids: list[int], to_room_id: int, reason: str
) -> ChangeResult:
    """Serve districts from another room; their open grievances go with them."""
    _require(actor)
    moved = rooms.districts_move(
        actor=actor, district_ids=district_ids, to_room_id=to_room_id, reason=reason
    )
    grievances = _follow(moved, to_room_id=to_room_id, actor=actor, reason=reason.strip())
    return ChangeResult(districts=sum(len(ids) for ids in moved.values()), grievances=grievances)


@transaction.atomic
def network_room_close(
    *, actor, room_id: int, to_room_id: int, reason: str, merge: bool = False
) -> ChangeResult:
    """Close a room or merge it into another: its districts, every open grievance it holds and
    its spoke officers go to `to_room_id`."""
    _require(actor)
    moved = rooms.room_close(
        actor=actor, room_id=room_id, to_room_id=to_room_id, reason=reason, merge=merge
    )
    reason = reason.strip()
    grievances = _follow(moved, to_room_id=to_room_id, actor=actor, reason=reason)
    # Grievances it holds from elsewhere (transferred in by hand) go too.
    grievances += _reroute(room_id, to_room_id, None, actor=actor, reason=reason)
    officers = officers_move_room(from_room_id=room_id, to_room_id=to_room_id)
    if officers:
        rooms.room_change_record(
            room_id=to_room_id,
            actor=actor,
            action="officers_moved",
            summary=_("%(count)s spoke officers joined from %(room)s.")
            % {"count": officers, "room": control_room_get(room_id=room_id).name},
            details={"count": officers, "from": room_id},
        )
    districts = sum(len(ids) for ids in moved.values())
    return ChangeResult(districts=districts, grievances=grievances, officers=officers)


@transaction.atomic
def network_import(*, actor, text: str, reason: str) -> ChangeResult:
    """Apply a CSV of rooms and their districts (all rows or none); grievances follow."""
    _require(actor)
    if not reason.strip():
        raise ValidationFailed(_("Give a reason."), errors={"reason": [_("Give a reason.")]})
    plan = import_plan(text=text)
    if plan.errors:
        raise ValidationFailed(
            _("%(count)s rows are bad: correct them and upload the file again.")
            % {"count": len({e.line for e in plan.errors})}
        )
    moves = rooms.import_apply(plan=plan, actor=actor, reason=reason.strip())
    grievances = sum(
        _follow(moved, to_room_id=to_room_id, actor=actor, reason=reason.strip())
        for to_room_id, moved in moves.items()
    )
    return ChangeResult(districts=plan.district_count, grievances=grievances)
