"""A predicted resolution date, learned from how long similar grievances took.

Similar means, in this order, the first group with at least `MIN_HISTORY` grievances resolved
in the last `LOOKBACK_DAYS`: the same category in the same room, the same category and
department, the same category anywhere, any grievance. The range is the 25th to 75th
percentile of their working days from lodging to resolution (so about half of them fell
inside it), stretched by the room's current load: its open grievances now against what its
arrivals of the last 90 days and the group's median time would keep open (Little's law),
never below the history (factor 1) and at most doubled. Without history the forecast is the
SLA deadline. `champions forecast_evaluate` measures the error on past grievances (published
in docs/AI.md).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from ..choices import OPEN_STATUSES, Kind
from ..models import Grievance
from .clock import add_working_days, working_days_between
from .selectors import calendar_for

MIN_HISTORY = 20
LOOKBACK_DAYS = 365
SAMPLE = 400  # the most recent resolutions of a group are enough for two quantiles
MAX_LOAD_FACTOR = 2.0


@dataclass(frozen=True)
class Forecast:
    low_days: int  # working days from lodging
    high_days: int
    low: date
    high: date
    basis: str  # "category_room", "category_department", "category", "all" or "sla"
    examples: int  # resolved grievances it rests on (0: the SLA deadline)


def resolution_forecast(
    grievance: Grievance, *, now: datetime | None = None, load: bool = True
) -> Forecast | None:
    """The likely resolution range of an open grievance (None for a suggestion); `load=False`
    leaves the room's load out (an evaluation on the past cannot know it)."""
    if grievance.kind == Kind.SUGGESTION:
        return None
    now = now or timezone.now()
    calendar = calendar_for(state_id=grievance.state_id)
    found = _history(grievance, now=now, calendar=calendar)
    start = grievance.lodged_at
    if found is None:
        due = grievance.resolution_due_at
        if due is None:
            return None
        days = working_days_between(start.date(), due.date(), calendar)
        return Forecast(days, days, due.date(), due.date(), "sla", 0)
    basis, durations = found
    factor = _load_factor(grievance, now=now, median=_quantile(durations, 0.5)) if load else 1.0
    low = round(_quantile(durations, 0.25) * factor)
    high = max(low, round(_quantile(durations, 0.75) * factor))
    return Forecast(
        low,
        high,
        add_working_days(start, low, calendar).date(),
        add_working_days(start, high, calendar).date(),
        basis,
        len(durations),
    )


def _groups(grievance: Grievance) -> list[tuple[str, dict]]:
    category = {"category": grievance.category}
    return [
        ("category_room", {**category, "room_id": grievance.room_id}),
        ("category_department", {**category, "department": grievance.department}),
        ("category", category),
        ("all", {}),
    ]


def _history(grievance: Grievance, *, now: datetime, calendar) -> tuple[str, list[int]] | None:
    resolved = Grievance.objects.filter(
        kind=Kind.GRIEVANCE,
        resolved_at__isnull=False,
        resolved_at__lt=now,
        lodged_at__gte=now - timedelta(days=LOOKBACK_DAYS),
    ).exclude(pk=grievance.pk)
    for basis, match in _groups(grievance):
        if basis == "category_department" and not grievance.department:
            continue
        rows = (
            resolved.filter(**match)
            .order_by("-resolved_at")
            .values_list("lodged_at", "resolved_at")[:SAMPLE]
        )
        pairs = list(rows)
        if len(pairs) >= MIN_HISTORY:
            days = sorted(working_days_between(a.date(), b.date(), calendar) for a, b in pairs)
            return basis, days
    return None


def _quantile(sorted_values: list[int], q: float) -> float:
    position = (len(sorted_values) - 1) * q
    below = int(position)
    above = min(below + 1, len(sorted_values) - 1)
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * (position - below)


def _load_factor(grievance: Grievance, *, now: datetime, median: float) -> float:
    """How much busier the room is now than usual: its open grievances against arrivals per
    day (last 90 days) x the median time in calendar days; 1 when not busier, at most
    `MAX_LOAD_FACTOR`."""
    window = now - timedelta(days=90)
    room = Grievance.objects.filter(room_id=grievance.room_id, kind=Kind.GRIEVANCE)
    open_now = room.filter(status__in=OPEN_STATUSES).exclude(pk=grievance.pk).count()
    lodged = room.filter(lodged_at__gte=window, lodged_at__lt=now).count()
    if not lodged:
        return 1.0
    typical_open = lodged / 90 * max(median, 1) * 7 / 5  # working days to calendar days
    return min(MAX_LOAD_FACTOR, max(1.0, open_now / typical_open)) if typical_open else 1.0
