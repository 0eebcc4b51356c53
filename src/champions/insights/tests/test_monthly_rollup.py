"""The monthly rollup: kept by the same counting run as the daily one (their sums agree month
by month), rebuilt by `champions insights rebuild`, and read for the whole months of a long
period (the dashboard's year, the open-data file) while the days at either end still come from
the daily rows."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Q, Sum
from django.utils import timezone

from champions.grievances.services import grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.insights.models import ALL, DailyRollup, MonthlyRollup
from champions.insights.periods import period_split, period_sums
from champions.insights.services import rollups_catch_up, rollups_catch_up_all

pytestmark = pytest.mark.django_db


def _daily_by_month() -> dict[tuple, tuple[int, int]]:
    sums: dict[tuple, list[int]] = {}
    for row in DailyRollup.objects.all():
        key = (row.day.replace(day=1), row.room_id, row.state, row.category, row.channel,
               row.language, row.metric)  # fmt: skip
        got = sums.setdefault(key, [0, 0])
        got[0] += row.count
        got[1] += row.total
    return {key: tuple(value) for key, value in sums.items()}


def _monthly() -> dict[tuple, tuple[int, int]]:
    return {
        (r.month, r.room_id, r.state, r.category, r.channel, r.language, r.metric): (
            r.count,
            r.total,
        )
        for r in MonthlyRollup.objects.all()
    }


def _at(day: date):
    noon = datetime(day.year, day.month, day.day, 11, tzinfo=timezone.get_current_timezone())
    return time_machine.travel(noon)


def _lodge_over_three_months(entrepreneur, spoke_officer) -> None:
    unit = pune_enterprise(entrepreneur)
    for day in (date(2026, 1, 30), date(2026, 1, 31), date(2026, 2, 2), date(2026, 3, 5)):
        with _at(day):
            grievance = lodge(entrepreneur, unit)
            grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    with _at(date(2026, 3, 6)):
        for action in ("start", "resolve"):
            grievance_transition(
                grievance_id=grievance.pk, action=action, actor=spoke_officer, note="Paid."
            )


def test_the_monthly_rows_are_the_daily_rows_summed_per_month(entrepreneur, spoke_officer):
    # given: grievances lodged, routed and resolved over three months
    _lodge_over_three_months(entrepreneur, spoke_officer)

    # when: counted two entries per run, so later runs add to the month's existing rows
    with _at(date(2026, 3, 7)):
        runs = 0
        while rollups_catch_up(limit=2, settle=timedelta(0)):
            runs += 1

    # then
    monthly = _monthly()
    assert monthly == _daily_by_month()
    assert runs >= 5
    lodged = {k[0]: v[0] for k, v in monthly.items() if k[3:] == (ALL, ALL, ALL, "lodged")}
    assert lodged == {date(2026, 1, 1): 2, date(2026, 2, 1): 1, date(2026, 3, 1): 1}


def test_the_rebuild_command_recounts_the_monthly_rows(entrepreneur, spoke_officer):
    # given: counted, then a monthly row damaged
    _lodge_over_three_months(entrepreneur, spoke_officer)
    with _at(date(2026, 3, 7)):
        rollups_catch_up_all(settle=timedelta(0))
    counted = _monthly()
    MonthlyRollup.objects.filter(metric="lodged").update(count=999)

    # when
    with _at(date(2026, 3, 7)):
        call_command("insights", "rebuild")

    # then
    assert _monthly() == counted
    assert counted


def test_a_period_is_split_into_whole_months_and_the_days_around_them():
    year = period_split(date(2025, 3, 15), date(2026, 3, 14))
    assert year.days == [
        (date(2025, 3, 15), date(2025, 3, 31)),
        (date(2026, 3, 1), date(2026, 3, 14)),
    ]
    assert (year.months_from, year.months_to) == (date(2025, 4, 1), date(2026, 3, 1))

    whole = period_split(date(2025, 1, 1), date(2025, 12, 31))
    assert whole.days == []
    assert (whole.months_from, whole.months_to) == (date(2025, 1, 1), date(2026, 1, 1))

    thirty_days = period_split(date(2026, 2, 14), date(2026, 3, 15))
    assert thirty_days.days == [(date(2026, 2, 14), date(2026, 3, 15))]
    assert thirty_days.months_from is None


def _row(model, when: date, n: int, metric: str = "lodged"):
    field = "day" if model is DailyRollup else "month"
    return model.objects.create(
        **{field: when},
        room_id=1,
        state="MH",
        category=ALL,
        channel=ALL,
        language=ALL,
        metric=metric,
        count=n,
        total=10 * n,
    )


def test_period_sums_read_whole_months_from_the_monthly_rows_and_edges_from_the_daily():
    # given: daily rows in the partial months, monthly rows for the whole ones, and rows of
    # each kind that lie outside what the period may read from them
    _row(DailyRollup, date(2025, 3, 15), 1)  # first partial month: counted
    _row(DailyRollup, date(2025, 3, 14), 100)  # before the period
    _row(MonthlyRollup, date(2025, 3, 1), 1000)  # partial month: its daily rows count instead
    _row(MonthlyRollup, date(2025, 4, 1), 20)
    _row(MonthlyRollup, date(2026, 2, 1), 30)
    _row(DailyRollup, date(2026, 3, 14), 4)  # last partial month: counted
    _row(MonthlyRollup, date(2026, 3, 1), 5000)  # partial month
    _row(DailyRollup, date(2026, 3, 15), 300)  # after the period
    scope = Q(category=ALL, channel=ALL, language=ALL, metric="lodged")

    # when
    sums = period_sums(scope, start=date(2025, 3, 15), end=date(2026, 3, 14), group=("state",))
    by_month = period_sums(
        scope, start=date(2025, 3, 15), end=date(2026, 3, 14), group=("state",), by_month=True
    )

    # then
    assert sums == {("MH",): (55, 550)}
    assert by_month == {
        (date(2025, 3, 1), "MH"): (1, 10),
        (date(2025, 4, 1), "MH"): (20, 200),
        (date(2026, 2, 1), "MH"): (30, 300),
        (date(2026, 3, 1), "MH"): (4, 40),
    }


def test_the_year_on_the_dashboard_counts_the_same_from_months_as_from_days(
    entrepreneur, spoke_officer
):
    # given: three months of counted events
    _lodge_over_three_months(entrepreneur, spoke_officer)
    with _at(date(2026, 3, 7)):
        rollups_catch_up_all(settle=timedelta(0))
    scope = Q(category=ALL, channel=ALL, language=ALL)
    start, end = date(2025, 3, 8), date(2026, 3, 7)

    # when
    sums = period_sums(scope, start=start, end=end, group=("metric",))

    # then: what summing every daily row of the year gives
    daily = (
        DailyRollup.objects.filter(scope, day__range=(start, end))
        .values_list("metric")
        .annotate(n=Sum("count"), t=Sum("total"))
    )
    assert sums == {(metric,): (n, t) for metric, n, t in daily}
    assert sums[("lodged",)] == (4, 0)
