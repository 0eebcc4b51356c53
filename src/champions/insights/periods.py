"""Sums over a period of days from the rollups: the whole calendar months inside it from
MonthlyRollup (a row per month), the days before the first and after the last whole month from
DailyRollup, in one query (UNION ALL of two GROUP BYs, added up here). A 30-day period reads
days only, as before; a year reads about eleven monthly rows and up to two months of days per
key instead of 365 daily rows; ten years of open data, 120 monthly rows."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth

from .models import DailyRollup, MonthlyRollup


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


@dataclass(frozen=True)
class Split:
    """Where a period's figures come from: day ranges (inclusive) and whole months
    [months_from, months_to)."""

    days: list[tuple[date, date]]
    months_from: date | None
    months_to: date | None


def period_split(start: date, end: date) -> Split:
    first = start if start.day == 1 else next_month(start)
    after = month_start(end + timedelta(days=1))  # the first day not inside a whole month
    if first >= after:
        return Split([(start, end)] if start <= end else [], None, None)
    days = [(start, first - timedelta(days=1)), (after, end)]
    return Split([(a, b) for a, b in days if a <= b], first, after)


def period_sums(
    scope: Q, *, start: date, end: date, group: tuple[str, ...], by_month: bool = False
) -> dict[tuple, tuple[int, int]]:
    """{group values: (sum of count, sum of total)} over [start, end] for the rows `scope`
    selects; with `by_month`, the month (its first day) leads each key. One query."""
    split = period_split(start, end)
    keys = ("month", *group) if by_month else group
    parts = []
    if split.days:
        in_days = Q()
        for a, b in split.days:
            in_days |= Q(day__range=(a, b))
        daily = DailyRollup.objects.filter(scope, in_days)
        if by_month:
            daily = daily.annotate(month=TruncMonth("day"))
        parts.append(daily)
    if split.months_from:
        parts.append(
            MonthlyRollup.objects.filter(
                scope, month__gte=split.months_from, month__lt=split.months_to
            )
        )
    if not parts:
        return {}
    grouped = [
        qs.order_by().values_list(*keys).annotate(n=Sum("count"), t=Sum("total")) for qs in parts
    ]
    rows = grouped[0].union(*grouped[1:], all=True) if len(grouped) > 1 else grouped[0]
    sums: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for *key, n, total in rows:
        sums[tuple(key)][0] += n or 0
        sums[tuple(key)][1] += total or 0
    return {key: (n, total) for key, (n, total) in sums.items()}
