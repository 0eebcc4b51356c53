"""Reads of the control-room network."""

from champions.core.errors import NotFound
from champions.core.models import District

from .models import ControlRoom, RoomDistrict


def control_room_list() -> list[ControlRoom]:
    return list(ControlRoom.objects.select_related("state").all())


def control_room_get(*, room_id: int) -> ControlRoom:
    try:
        return ControlRoom.objects.select_related("state").get(pk=room_id)
    except ControlRoom.DoesNotExist as exc:
        raise NotFound("No such control room.") from exc


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
