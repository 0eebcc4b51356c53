"""Writes for the control-room network: loading the default network, and the hub's changes
(add, rename, move districts, merge, close), each written to the room's change log.

These services change the network only. Open grievances and officers follow a change through
`champions.networkadmin.services`, which sits above grievances and accounts and calls these in
the same transaction; the permission check is there too.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.core.errors import NotFound, ValidationFailed
from champions.core.models import District, State

from .importing import CODE_RE, ImportPlan, host_type_guess
from .models import ControlRoom, Origin, RoomChange, RoomDistrict

NETWORK_FILE = Path(__file__).resolve().parent / "data" / "network.json"


@transaction.atomic
def network_load(*, path: Path = NETWORK_FILE) -> dict[str, int]:
    """Create or update the rooms in the network file and give every uncovered district a spoke.

    Changes the hub made are kept: only districts with no room are assigned, a room with an
    entry in its change log keeps its name and host, and rooms the hub closed stay closed.
    """
    doc = json.loads(path.read_text(encoding="utf-8"))
    states = {s.udyam_code: s for s in State.objects.all()}
    covered_now = set(RoomDistrict.objects.values_list("district_id", flat=True))
    assigned = 0
    changed_by_hub = set(RoomChange.objects.values_list("room__code", flat=True))
    for spec in doc["rooms"]:
        values = {
            "name": spec["name"],
            "name_hi": spec.get("name_hi", ""),
            "kind": spec["kind"],
            "host_office": spec["host_office"],
            "host_type": spec["host_type"],
            "city": spec["city"],
            "state": states[spec["state"]],
        }
        if spec["code"] in changed_by_hub:  # the hub's edits win over the file
            room = ControlRoom.objects.get(code=spec["code"])
        else:
            room, _created = ControlRoom.objects.update_or_create(
                code=spec["code"], defaults=values
            )
        if not room.is_active:
            continue
        state_ids = [states[c].id for c in spec["covers_states"]]
        new = [
            RoomDistrict(room=room, district_id=pk)
            for pk in District.objects.filter(state_id__in=state_ids).values_list("id", flat=True)
            if pk not in covered_now
        ]
        RoomDistrict.objects.bulk_create(new)
        covered_now.update(rd.district_id for rd in new)
        assigned += len(new)
    return {"rooms": len(doc["rooms"]), "districts_assigned": assigned}


def _log(room_id: int, *, actor, action: str, summary: str, details: dict | None = None) -> None:
    RoomChange.objects.create(
        room_id=room_id,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        summary=summary,
        details=details or {},
    )


def room_change_record(
    *, room_id: int, actor, action: str, summary: str, details: dict | None = None
) -> None:
    """Write one entry in a room's change log (for what follows a change: grievances, officers)."""
    _log(room_id, actor=actor, action=action, summary=summary, details=details)


def _lock_room(room_id: int) -> ControlRoom:
    qs = ControlRoom.objects.select_related("state").filter(pk=room_id)
    if connection.vendor == "postgresql":
        qs = qs.select_for_update()
    room = qs.first()
    if room is None:
        raise NotFound(_("No such control room."))
    return room


def _open_spoke(room_id: int, *, field: str) -> ControlRoom:
    room = _lock_room(room_id)
    if room.kind != ControlRoom.Kind.SPOKE:
        raise ValidationFailed(
            _("The hub serves no districts: choose a state control room."),
            errors={field: [_("The hub serves no districts: choose a state control room.")]},
        )
    if not room.is_active:
        message = _("%(room)s is closed.") % {"room": room.name}
        raise ValidationFailed(message, errors={field: [message]})
    return room


@dataclass(frozen=True)
class RoomInput:
    code: str
    name: str
    host_office: str
    city: str
    state_id: int | None
    host_type: str = ControlRoom.HostType.MSME_DI
    email: str = ""
    phone: str = ""
    name_hi: str = ""


def room_input_errors(data: RoomInput, *, room: ControlRoom | None = None) -> dict[str, list[str]]:
    """Field → messages for a new room (room None) or an edit of `room` (code fixed)."""
    errors: dict[str, list[str]] = {}
    if room is None:
        if not CODE_RE.fullmatch(data.code):
            errors["code"] = [
                _("2-40 characters: lower-case letters, digits and hyphens, e.g. dfo-ludhiana.")
            ]
        elif ControlRoom.objects.filter(code=data.code).exists():
            errors["code"] = [_("A room with this code already exists.")]
        if data.state_id is None or not State.objects.filter(pk=data.state_id).exists():
            errors["state"] = [_("Choose a state or union territory.")]
    name = data.name.strip()
    if not name:
        errors["name"] = [_("Give the room a name.")]
    elif _name_taken(name, room):
        errors["name"] = [_("Another room has this name.")]
    if not data.host_office.strip():
        errors["host_office"] = [_("Name the office that hosts the room.")]
    if data.host_type not in ControlRoom.HostType.values:
        errors["host_type"] = [_("Choose the kind of host office.")]
    return errors


def _name_taken(name: str, room: ControlRoom | None) -> bool:
    others = ControlRoom.objects.filter(name__iexact=name)
    return (others.exclude(pk=room.pk) if room is not None else others).exists()


@transaction.atomic
def room_create(*, actor, data: RoomInput, origin: str = Origin.PAGE) -> ControlRoom:
    """A new state control room, serving no district until districts are moved to it."""
    if errors := room_input_errors(data):
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    room = ControlRoom.objects.create(
        code=data.code,
        name=data.name.strip(),
        name_hi=data.name_hi.strip(),
        kind=ControlRoom.Kind.SPOKE,
        host_office=data.host_office.strip(),
        host_type=data.host_type,
        city=data.city.strip(),
        state_id=cast(int, data.state_id),  # room_input_errors refused a missing state
        email=data.email.strip(),
        phone=data.phone.strip(),
        origin=origin,
    )
    _log(
        room.pk,
        actor=actor,
        action=RoomChange.Action.CREATED,
        summary=_("Added “%(name)s”, hosted by %(host)s.")
        % {"name": room.name, "host": room.host_office},
        details={"code": room.code, "origin": origin},
    )
    return room


@transaction.atomic
def room_update(*, actor, room_id: int, data: RoomInput) -> ControlRoom:
    """Rename a room or edit its host office and contacts (the code stays)."""
    room = _lock_room(room_id)
    if errors := room_input_errors(data, room=room):
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    fields = {
        "name": data.name.strip(),
        "name_hi": data.name_hi.strip(),
        "host_office": data.host_office.strip(),
        "host_type": data.host_type,
        "city": data.city.strip(),
        "email": data.email.strip(),
        "phone": data.phone.strip(),
    }
    changed = {k: [getattr(room, k), v] for k, v in fields.items() if getattr(room, k) != v}
    if not changed:
        return room
    for key, (_before, after) in changed.items():
        setattr(room, key, after)
    room.save(update_fields=list(changed))
    summary = "; ".join(
        f"{key}: “{before}” → “{after}”" for key, (before, after) in changed.items()
    )
    _log(room.pk, actor=actor, action=RoomChange.Action.UPDATED, summary=summary, details=changed)
    return room


def _district_names(ids: list[int]) -> str:
    names = sorted(District.objects.filter(pk__in=ids).values_list("name", flat=True))
    shown = ", ".join(names[:12])
    return shown + (
        _(" and %(count)s more") % {"count": len(names) - 12} if len(names) > 12 else ""
    )


@transaction.atomic
def districts_move(
    *, actor, district_ids: list[int], to_room_id: int, reason: str
) -> dict[int | None, list[int]]:
    """Serve these districts from another room; returns {room they left (None: none): ids}.

    Districts already in the target room are left alone. The caller moves their open
    grievances (networkadmin), in this same transaction."""
    if not reason.strip():
        raise ValidationFailed(_("Give a reason."), errors={"reason": [_("Give a reason.")]})
    target = _open_spoke(to_room_id, field="to_room")
    ids = sorted(set(district_ids))
    found = set(District.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if not ids or len(found) != len(ids):
        message = _("Choose one or more districts.")
        raise ValidationFailed(message, errors={"districts": [message]})
    coverage = RoomDistrict.objects.filter(district_id__in=ids).order_by("district_id")
    if connection.vendor == "postgresql":
        coverage = coverage.select_for_update()
    current = {rd.district_id: rd.room_id for rd in coverage}
    moved: dict[int | None, list[int]] = {}
    for pk in ids:
        if current.get(pk) != target.pk:
            moved.setdefault(current.get(pk), []).append(pk)
    moving = [pk for group in moved.values() for pk in group]
    RoomDistrict.objects.filter(district_id__in=moving).update(room=target)
    RoomDistrict.objects.bulk_create(
        [RoomDistrict(room=target, district_id=pk) for pk in moved.get(None, [])]
    )
    _log_moves(moved, target=target, actor=actor, reason=reason.strip())
    return moved


def _log_moves(moved: dict, *, target: ControlRoom, actor, reason: str) -> None:
    rooms = {r.pk: r for r in ControlRoom.objects.filter(pk__in=[k for k in moved if k])}
    for source_id, ids in moved.items():
        source = rooms.get(source_id)
        names = _district_names(ids)
        details = {"district_ids": ids, "from": source_id, "to": target.pk, "reason": reason}
        _log(
            target.pk,
            actor=actor,
            action=RoomChange.Action.DISTRICTS_IN,
            summary=_("%(districts)s moved in from %(room)s: %(reason)s")
            % {"districts": names, "room": source.name if source else "—", "reason": reason},
            details=details,
        )
        if source is not None:
            _log(
                source.pk,
                actor=actor,
                action=RoomChange.Action.DISTRICTS_OUT,
                summary=_("%(districts)s moved to %(room)s: %(reason)s")
                % {"districts": names, "room": target.name, "reason": reason},
                details=details,
            )


def _log_closure(actor, room, target, *, ids: list[int], reason: str, merge: bool) -> None:
    """The change log of a closure (on the room) or a merger (on both rooms)."""
    values = {"room": room.name, "target": target.name, "reason": reason}
    details = {"into": target.pk, "district_ids": ids, "reason": reason}
    if merge:
        _log(
            room.pk,
            actor=actor,
            action=RoomChange.Action.MERGED,
            summary=_("Merged into %(target)s: %(reason)s") % values,
            details=details,
        )
        _log(
            target.pk,
            actor=actor,
            action=RoomChange.Action.MERGED_IN,
            summary=_("%(room)s merged in: %(reason)s") % values,
            details=details,
        )
    else:
        _log(
            room.pk,
            actor=actor,
            action=RoomChange.Action.CLOSED,
            summary=_("Closed; its districts went to %(target)s: %(reason)s") % values,
            details=details,
        )


@transaction.atomic
def room_close(
    *, actor, room_id: int, to_room_id: int, reason: str, merge: bool = False
) -> dict[int | None, list[int]]:
    """Close a spoke (or merge it into another: `merge`); its districts go to `to_room_id`.

    The room is kept, inactive, so grievances and the change log still name it."""
    if not reason.strip():
        raise ValidationFailed(_("Give a reason."), errors={"reason": [_("Give a reason.")]})
    if room_id == to_room_id:
        message = _("Choose another room.")
        raise ValidationFailed(message, errors={"to_room": [message]})
    room = _open_spoke(room_id, field="room")
    target = _open_spoke(to_room_id, field="to_room")
    ids = list(RoomDistrict.objects.filter(room=room).values_list("district_id", flat=True))
    moved = (
        districts_move(actor=actor, district_ids=ids, to_room_id=to_room_id, reason=reason)
        if ids
        else {}
    )
    room.is_active = False
    room.closed_at = timezone.now()
    room.merged_into = target if merge else None
    room.save(update_fields=["is_active", "closed_at", "merged_into"])
    _log_closure(actor, room, target, ids=ids, reason=reason.strip(), merge=merge)
    return moved


def _room_of(spec) -> ControlRoom:
    """The room a plan's row names: one that existed, or the one import_apply just created."""
    if spec.existing is None:  # only a plan applied out of order; refused like a bad file
        raise ValidationFailed(_("Correct the bad rows and upload the file again."))
    return spec.existing


@transaction.atomic
def import_apply(*, plan: ImportPlan, actor, reason: str) -> dict[int, dict[int | None, list[int]]]:
    """Apply a checked plan: add and rename rooms, move districts. Returns, per target room id,
    the districts moved grouped by the room they left."""
    if plan.errors:
        raise ValidationFailed(_("Correct the bad rows and upload the file again."))
    for spec in plan.new_rooms:
        spec.existing = room_create(
            actor=actor,
            data=RoomInput(
                code=spec.code,
                name=spec.name,
                name_hi=spec.name_hi,
                host_office=spec.host_office,
                city="",
                state_id=spec.state_id,
                host_type=host_type_guess(spec.host_office),
            ),
            origin=Origin.IMPORT,
        )
    for spec in plan.renamed_rooms:
        room = _room_of(spec)
        data = RoomInput(
            code=room.code,
            name=spec.name,
            name_hi=spec.name_hi,
            host_office=spec.host_office,
            city=room.city,
            state_id=room.state_id,
            host_type=room.host_type,
            email=room.email,
            phone=room.phone,
        )
        room_update(actor=actor, room_id=room.pk, data=data)
    moves: dict[int, dict[int | None, list[int]]] = {}
    for code, district_ids in plan.moves.items():
        target = _room_of(plan.rooms[code])
        moves[target.pk] = districts_move(
            actor=actor, district_ids=district_ids, to_room_id=target.pk, reason=reason
        )
    return moves
