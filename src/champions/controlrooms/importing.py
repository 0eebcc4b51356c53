"""The hub's CSV import of the network: one row per (room, district) it serves.

Columns: `room_code, room_name, host_office, state, district_lgd_code`, and optionally
`room_name_hi` (the room's name on Hindi pages). A new code adds a room;
a known code renames it when the name or host differs; each district moves to its row's room.
Rooms and districts not in the file are left as they are. `import_plan` reads and checks every
row (a dry run: it writes nothing); `services.import_apply` applies a plan with no bad row, in one
transaction, and returns the moves so the caller can move the open grievances with them.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from champions.core.models import District, State

from .models import ControlRoom

CODE_RE = re.compile(r"[a-z0-9][a-z0-9-]{1,39}")
COLUMNS = ("room_code", "room_name", "host_office", "state", "district_lgd_code")
MAX_ROWS = 5000


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str


@dataclass
class RoomSpec:
    code: str
    name: str
    host_office: str
    state_id: int | None
    line: int
    existing: ControlRoom | None = None
    name_hi: str = ""


@dataclass
class ImportPlan:
    rows_read: int = 0
    errors: list[RowError] = field(default_factory=list)
    rooms: dict[str, RoomSpec] = field(default_factory=dict)
    # room code → district ids that move to it (districts already there are left out)
    moves: dict[str, list[int]] = field(default_factory=dict)
    unchanged: int = 0

    @property
    def new_rooms(self) -> list[RoomSpec]:
        return [spec for spec in self.rooms.values() if spec.existing is None]

    @property
    def renamed_rooms(self) -> list[RoomSpec]:
        return [
            spec
            for spec in self.rooms.values()
            if spec.existing is not None
            and (spec.existing.name, spec.existing.name_hi, spec.existing.host_office)
            != (spec.name, spec.name_hi, spec.host_office)
        ]

    @property
    def district_count(self) -> int:
        return sum(len(ids) for ids in self.moves.values())


class _Reference:
    def __init__(self) -> None:
        self.states: dict[str, int] = {}
        for state in State.objects.all():
            for key in (state.udyam_code, str(state.lgd_code), state.name, state.name_hi):
                if key:
                    self.states[key.strip().casefold()] = state.pk
        self.districts = {
            code: (pk, room_id)
            for code, pk, room_id in District.objects.values_list(
                "lgd_code", "pk", "control_room_coverage__room_id"
            )
        }
        self.rooms = {r.code: r for r in ControlRoom.objects.all()}
        self.room_names = {r.name.casefold() for r in self.rooms.values()}


def import_plan(*, text: str) -> ImportPlan:
    """Read and check every row; nothing is written."""
    plan = ImportPlan()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        plan.errors.append(
            RowError(
                1, ", ".join(missing), _("Missing columns: %(c)s.") % {"c": ", ".join(missing)}
            )
        )
        return plan
    ref = _Reference()
    seen_districts: dict[int, int] = {}
    for line, raw in enumerate(reader, start=2):
        if plan.rows_read >= MAX_ROWS:
            plan.errors.append(RowError(line, "", _("More than %(n)s rows.") % {"n": MAX_ROWS}))
            break
        plan.rows_read += 1
        row = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        _check_row(plan, ref, row, line, seen_districts)
    return plan


def _check_row(plan: ImportPlan, ref: _Reference, row: dict, line: int, seen: dict) -> None:
    before = len(plan.errors)
    spec = _room_spec(plan, ref, row, line)
    district = _district(plan, ref, row, line, seen)
    if spec is None or len(plan.errors) > before or district is None:
        return
    code, pk, current_room_id = district
    seen[code] = line  # only a good row claims its district
    if spec.existing is not None and current_room_id == spec.existing.pk:
        plan.unchanged += 1
    else:
        plan.moves.setdefault(spec.code, []).append(pk)


def _error(plan: ImportPlan, line: int, column: str, message: str) -> None:
    plan.errors.append(RowError(line, column, message))


def _row_state(plan: ImportPlan, ref: _Reference, row: dict, line: int, existing) -> int | None:
    """The row's state id (None when blank or unknown), its problems noted on the plan."""
    state_text = row.get("state", "")
    state_id = ref.states.get(state_text.casefold()) if state_text else None
    if state_text and state_id is None:
        _error(plan, line, "state", _("Unknown state: use its two-letter code, LGD code or name."))
    if existing is None and not state_text:
        _error(plan, line, "state", _("A new room needs its state."))
    if existing is not None and state_id and state_id != existing.state_id:
        _error(plan, line, "state", _("This room is in another state."))
    return state_id


def _room_spec(plan: ImportPlan, ref: _Reference, row: dict, line: int) -> RoomSpec | None:
    code = row.get("room_code", "").lower()
    if not CODE_RE.fullmatch(code):
        _error(plan, line, "room_code", _("2-40 lower-case letters, digits and hyphens."))
        return None
    existing = ref.rooms.get(code)
    if existing is not None and existing.kind == ControlRoom.Kind.HUB:
        _error(plan, line, "room_code", _("The hub serves no districts."))
        return None
    if existing is not None and not existing.is_active:
        _error(plan, line, "room_code", _("This room is closed."))
        return None
    state_id = _row_state(plan, ref, row, line, existing)
    spec = RoomSpec(
        code=code,
        name=row.get("room_name") or (existing.name if existing else ""),
        host_office=row.get("host_office") or (existing.host_office if existing else ""),
        state_id=state_id or (existing.state_id if existing else None),
        line=line,
        existing=existing,
        name_hi=row.get("room_name_hi") or (existing.name_hi if existing else ""),
    )
    if not spec.name:
        _error(plan, line, "room_name", _("Give the room a name."))
    elif existing is None and spec.name.casefold() in ref.room_names:
        _error(plan, line, "room_name", _("Another room has this name."))
    if not spec.host_office:
        _error(plan, line, "host_office", _("Name the office that hosts the room."))
    first = plan.rooms.setdefault(code, spec)
    if first is not spec and (first.name, first.host_office, first.state_id) != (
        spec.name,
        spec.host_office,
        spec.state_id,
    ):
        _error(
            plan, line, "room_code", _("Differs from line %(n)s for this room.") % {"n": first.line}
        )
    return first


def _district(
    plan: ImportPlan, ref: _Reference, row: dict, line: int, seen: dict
) -> tuple[int, int, int | None] | None:
    text = row.get("district_lgd_code", "")
    if not text:
        return None  # a room without districts (yet)
    if not text.isdigit() or int(text) not in ref.districts:
        _error(plan, line, "district_lgd_code", _("Unknown district LGD code."))
        return None
    code = int(text)
    if code in seen:
        message = _("This district is already on line %(n)s.") % {"n": seen[code]}
        _error(plan, line, "district_lgd_code", message)
        return None
    return (code, *ref.districts[code])


def host_type_guess(host_office: str) -> str:
    """The kind of host office, from its name ("Branch MSME-DFO Rourkela" → a branch)."""
    text = host_office.casefold()
    if text.startswith(("br.", "br ")):
        return ControlRoom.HostType.BRANCH_MSME_DI
    for word, kind in (
        ("branch", ControlRoom.HostType.BRANCH_MSME_DI),
        ("kvic", ControlRoom.HostType.KVIC),
        ("nsic", ControlRoom.HostType.NSIC),
        ("coir", ControlRoom.HostType.COIR_BOARD),
        ("development commissioner", ControlRoom.HostType.DC_MSME),
    ):
        if word in text:
            return kind
    return ControlRoom.HostType.MSME_DI
