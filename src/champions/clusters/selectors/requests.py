"""Reads for technology centres and service requests, scoped to the user."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Avg, Count, F, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from champions.accounts.selectors import (
    user_is_centre_staff,
    user_is_entrepreneur,
    user_sees_whole_country,
)
from champions.core.errors import NotFound
from champions.core.models import State

from ..choices import OPEN_REQUEST_STATUSES, RequestStatus
from ..models import CentreService, CentreStaff, ServiceRequest, TechnologyCentre
from .tiles import TILES


def user_centre_id(user) -> int | None:
    """The centre a centre_staff user works at; None for everyone else."""
    if not user_is_centre_staff(user):
        return None
    return CentreStaff.objects.filter(user=user).values_list("centre_id", flat=True).first()


def centre_queryset() -> QuerySet[TechnologyCentre]:
    # Meta.ordering does not apply to a GROUP BY query (the Count): order explicitly, or
    # PostgreSQL returns the centres in any order.
    return (
        TechnologyCentre.objects.select_related("state")
        .annotate(service_count=Count("services"))
        .order_by("state__name", "city", "short_name")
    )


def centre_get(*, centre_id: int) -> TechnologyCentre:
    centre = (
        TechnologyCentre.objects.select_related("state")
        .prefetch_related(Prefetch("services", queryset=CentreService.objects.order_by("kind")))
        .filter(pk=centre_id)
        .first()
    )
    if centre is None:
        raise NotFound(_("No such centre."))
    return centre


@dataclass(frozen=True)
class StateGroup:
    code: str
    name: str
    centres: list
    is_home: bool


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    row: int
    col: int
    count: int


@dataclass(frozen=True)
class Directory:
    groups: list[StateGroup]
    tiles: list[Tile]
    unplaced: list
    home_state_codes: set[str]


def centre_directory(
    *, service_kind: str = "", home_state_codes: set[str] | None = None
) -> Directory:
    """Centres grouped by state, the user's own states first, and a tile grid of the states."""
    home = home_state_codes or set()
    centres = list(centre_queryset())
    if service_kind:
        offering = set(
            CentreService.objects.filter(kind=service_kind).values_list("centre_id", flat=True)
        )
        centres = [c for c in centres if c.pk in offering]
    by_state: dict[str, list] = {}
    names: dict[str, str] = {}
    for centre in centres:
        if (state := centre.state) is not None:
            by_state.setdefault(state.udyam_code, []).append(centre)
            names[state.udyam_code] = str(state)  # in Hindi on Hindi pages
    groups = [
        StateGroup(code, names[code], by_state[code], code in home)
        for code in sorted(by_state, key=lambda c: (c not in home, names[c]))
    ]
    local = {
        code: str(state) for code, state in State.objects.in_bulk(field_name="udyam_code").items()
    }
    tiles = [
        Tile(code, local.get(code, name), row, col, len(by_state.get(code, [])))
        for code, name, row, col in TILES
    ]
    return Directory(groups, tiles, [c for c in centres if not c.state_id], home)


def home_state_codes_for_user(*, user, enterprises: list) -> set[str]:
    return {e.state.udyam_code for e in enterprises if e.state_id}


def service_request_queryset_for_user(*, user) -> QuerySet[ServiceRequest]:
    """Centre staff: their centre's queue; a unit: the requests of its enterprises; the hub: all."""
    qs = ServiceRequest.objects.select_related("centre", "service", "enterprise", "requested_by")
    if not user.is_authenticated:
        return qs.none()
    if user_is_centre_staff(user):
        centre_id = user_centre_id(user)
        return qs.filter(centre_id=centre_id) if centre_id else qs.none()
    if user_sees_whole_country(user):
        return qs
    if user_is_entrepreneur(user):
        return qs.filter(Q(requested_by=user) | Q(enterprise__representatives=user)).distinct()
    return qs.none()


def service_request_get_for_user(
    *, user, request_id: int, for_update: bool = False
) -> ServiceRequest:
    qs = service_request_queryset_for_user(user=user)
    if for_update and connection.vendor == "postgresql" and not user_is_entrepreneur(user):
        qs = qs.select_for_update(of=("self",))
    request = qs.filter(pk=request_id).first()
    if request is None:
        raise NotFound(_("No such request."))
    return request


def service_request_list_for_user(*, user, status: str = "") -> QuerySet[ServiceRequest]:
    qs = service_request_queryset_for_user(user=user)
    if status == "open":
        return qs.filter(status__in=OPEN_REQUEST_STATUSES)
    if status in RequestStatus.values:
        return qs.filter(status=status)
    return qs


@dataclass(frozen=True)
class CentreDemand:
    centre: TechnologyCentre
    total: int
    open: int
    completed: int
    turnaround_days: float | None
    rating: float | None


def centre_demand_summary() -> list[CentreDemand]:
    """For the hub: requests per centre, those still open, mean days to completion, mean rating."""
    done = Q(requests__status=RequestStatus.COMPLETED)
    rows = (
        TechnologyCentre.objects.select_related("state")
        .annotate(
            total=Count("requests"),
            open=Count("requests", filter=Q(requests__status__in=OPEN_REQUEST_STATUSES)),
            completed=Count("requests", filter=done),
            turnaround=Avg(F("requests__completed_at") - F("requests__created_at"), filter=done),
            mean_rating=Avg("requests__rating"),
        )
        .filter(total__gt=0)
        .order_by("-total", "short_name")
    )
    return [
        CentreDemand(
            centre=row,
            total=row.total,
            open=row.open,
            completed=row.completed,
            turnaround_days=round(row.turnaround.total_seconds() / 86400, 1)
            if row.turnaround
            else None,
            rating=round(row.mean_rating, 1) if row.mean_rating else None,
        )
        for row in rows
    ]
