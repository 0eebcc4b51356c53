"""The first read after a count (figures not cached) over a long period: the mood totals
(emotions, negative share per category and per room) read whole months from MonthlyRollup, as
the other period sums do; only the mood per day reads a year of daily rows. At 5 million
grievances a year the per-day reads of those totals were most of a 1-4 s cache miss."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from champions.controlrooms.selectors import control_room_list
from champions.insights.dashboard import Filters
from champions.insights.models import ALL, DailyRollup, MonthlyRollup
from champions.insights.mood_rooms import mood_by_room
from champions.insights.panels import mood
from champions.insights.version import rollups_changed

pytestmark = pytest.mark.django_db
YEAR = Filters(period=365)


@pytest.fixture
def months_ago():
    """A month four months back, counted in MonthlyRollup only: what a read of whole months
    finds, and a read of the daily rows does not."""
    month = (timezone.localdate().replace(day=1) - timedelta(days=100)).replace(day=1)
    room = control_room_list()[0].pk
    for category, metric, n in (
        (ALL, "sentiment:negative", 6), (ALL, "sentiment:neutral", 2), (ALL, "emotion:anger", 5),
        ("credit", "sentiment:negative", 6), ("credit", "sentiment:neutral", 2),
    ):  # fmt: skip
        MonthlyRollup.objects.create(
            month=month, room_id=room, state="MH", category=category, channel=ALL, language=ALL,
            metric=metric, count=n,
        )  # fmt: skip
    return room


def test_a_years_mood_totals_read_whole_months(months_ago):
    with CaptureQueriesContext(connection) as queries:
        found = mood(YEAR, today=timezone.localdate())
        rooms = mood_by_room(YEAR, today=timezone.localdate())

    assert ("Anger", 5) in found["emotions"]
    assert found["categories"] == [("Credit and loans", 6, 8, 75)]
    assert rooms[0][1:] == (6, 8, 75)
    daily_only = [
        q["sql"] for q in queries.captured_queries
        if "insights_dailyrollup" in q["sql"] and "insights_monthlyrollup" not in q["sql"]
    ]  # fmt: skip
    assert len(daily_only) == 1  # the mood per day
    assert found["days"] == []  # no daily row: nothing per day


def test_the_days_at_either_end_still_come_from_the_daily_rows(months_ago):
    DailyRollup.objects.create(
        day=timezone.localdate(), room_id=months_ago, state="MH", category=ALL, channel=ALL,
        language=ALL, metric="emotion:anger", count=1,
    )  # fmt: skip

    found = mood(YEAR, today=timezone.localdate())

    assert ("Anger", 6) in found["emotions"]


@pytest.mark.parametrize("period", [30, 365])
def test_a_cache_miss_runs_a_fixed_number_of_queries(client, leadership, months_ago, period):
    client.force_login(leadership)
    client.get(reverse("web:insights:dashboard"), {"period": period})  # per-process caches
    rollups_changed()  # as after a count: the figures are computed again

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("web:insights:dashboard"), {"period": period})

    assert response.status_code == 200
    assert len(queries.captured_queries) == 29  # the same for a month and a year
