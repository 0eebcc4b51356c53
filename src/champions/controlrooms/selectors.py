"""Reads of the control-room network."""

from pathlib import Path

from django.db.models import Count, Q, QuerySet

from champions.core.errors import NotFound
from champions.core.models import District, State

from .importing import ImportPlan as ImportPlan  # the CSV import's dry run
from .importing import import_plan as import_plan
from .models import ControlRoom, Origin, RoomChange, RoomDistrict

# The ministry's field offices as an import file (see data/msme_field_offices.README.md).
FIELD_OFFICE_ROOMS_FILE = Path(__file__).resolve().parent / "data" / "field_office_rooms.csv"


def control_room_list() -> list[ControlRoom]:
    return list(ControlRoom.objects.select_related("state").all())


def control_room_get(*, room_id: int) -> ControlRoom:
    try:
        return ControlRoom.objects.select_related("state").get(pk=room_id)
    except ControlRoom.DoesNotExist as exc:
        raise NotFound("No such control room.") from exc


def room_hindi_name(name: str) -> str:
    """The Hindi name of the room called `name` ("" when none): for names kept as text, such
    as the rooms in a grievance's timeline (registered with `core.names` in `ready()`)."""
    found = ControlRoom.objects.filter(name=name).exclude(name_hi="").values_list("name_hi")
    row = found.first()
    return row[0] if row else ""


def room_get_by_code(*, code: str) -> ControlRoom | None:
    return ControlRoom.objects.filter(code=code).first()


def hub_get() -> ControlRoom | None:
    return ControlRoom.objects.filter(kind=ControlRoom.Kind.HUB).first()


def room_for_district(*, district_id: int) -> ControlRoom | None:
    """The spoke covering a district (grievances are routed there)."""
    coverage = RoomDistrict.objects.select_related("room").filter(district_id=district_id).first()
    return coverage.room if coverage else None


def room_district_ids(*, room_id: int) -> list[int]:
    return list(RoomDistrict.objects.filter(room_id=room_id).values_list("district_id", flat=True))


def room_is_hub(*, room_id: int | None) -> bool:
    if room_id is None:
        return False
    return ControlRoom.objects.filter(pk=room_id, kind=ControlRoom.Kind.HUB).exists()


def uncovered_district_count() -> int:
    return District.objects.filter(control_room_coverage__isnull=True).count()


# --- The hub's network pages --------------------------------------------------------------------


def room_overview_queryset(*, state_id: int | None = None, show_closed: bool = False) -> QuerySet:
    """Rooms with how many districts each serves: open rooms first, the hub on top."""
    qs = ControlRoom.objects.select_related("state").annotate(district_count=Count("coverage"))
    if state_id:
        qs = qs.filter(Q(state_id=state_id) | Q(kind=ControlRoom.Kind.HUB))
    if not show_closed:
        qs = qs.filter(is_active=True)
    return qs.order_by("-is_active", "kind", "state__name", "name")


def network_is_default() -> bool:
    """True while open spokes of the shipped default network remain (one per state/UT)."""
    return ControlRoom.objects.filter(
        kind=ControlRoom.Kind.SPOKE, is_active=True, origin=Origin.DEFAULT
    ).exists()


def states_with_rooms() -> list[State]:
    return list(State.objects.order_by("name"))


def room_districts(*, room_id: int) -> list[District]:
    return list(
        District.objects.filter(control_room_coverage__room_id=room_id)
        .select_related("state")
        .order_by("state__name", "name")
    )


def room_changes(*, room_id: int) -> QuerySet[RoomChange]:
    return RoomChange.objects.filter(room_id=room_id).select_related("actor")


def open_spokes() -> list[ControlRoom]:
    return list(
        ControlRoom.objects.select_related("state")
        .filter(kind=ControlRoom.Kind.SPOKE, is_active=True)
        .order_by("state__name", "name")
    )


def districts_with_rooms(*, state_id: int | None = None) -> list[tuple[District, str]]:
    """Districts (of one state, or all) with the name of the room serving each ("" none)."""
    qs = District.objects.select_related("state", "control_room_coverage__room")
    if state_id:
        qs = qs.filter(state_id=state_id)
    rows = []
    for district in qs.order_by("state__name", "name"):
        coverage = getattr(district, "control_room_coverage", None)
        rows.append((district, coverage.room.name if coverage else ""))
    return rows


def district_room_ids(*, district_ids: list[int]) -> dict[int, int | None]:
    """District id → id of the room serving it (None: no room)."""
    found = dict(
        RoomDistrict.objects.filter(district_id__in=district_ids).values_list(
            "district_id", "room_id"
        )
    )
    return {pk: found.get(pk) for pk in district_ids}


def district_names(*, district_ids: list[int]) -> list[str]:
    return list(
        District.objects.filter(pk__in=district_ids).order_by("name").values_list("name", flat=True)
    )


def room_change_count() -> int:
    return RoomChange.objects.count()
