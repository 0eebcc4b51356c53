"""The dashboard's figures are computed once per counting run: a second read of the same page
is served from the cache without reading the rollups, and a count makes it compute again."""

from datetime import timedelta

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from champions.controlrooms.selectors import control_room_list
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.insights.dashboard import Filters
from champions.insights.figures import dashboard_figures
from champions.insights.models import ALL, DailyRollup
from champions.insights.mood_rooms import mood_by_room
from champions.insights.services import rollups_catch_up_all, rollups_rebuild
from champions.schemes.services import catalogue_load
from champions.schemes.tests.test_api import PROFILE

pytestmark = pytest.mark.django_db
URL = reverse("web:insights:dashboard")


def _rollup_reads(captured) -> int:
    table = DailyRollup._meta.db_table
    return sum(table in query["sql"] for query in captured.captured_queries)


def test_a_second_read_uses_the_cache_and_a_count_refreshes_it(client, hub_officer, entrepreneur):
    unit = pune_enterprise(entrepreneur)
    lodge(entrepreneur, unit)
    rollups_catch_up_all(settle=timedelta(0))
    client.force_login(hub_officer)
    reset_queries()  # a full query log (9,000 entries) would capture nothing
    with CaptureQueriesContext(connection) as first:
        before = client.get(URL).context["backlog"].open
    first_reads, first_all = _rollup_reads(first), len(first.captured_queries)
    reset_queries()
    with CaptureQueriesContext(connection) as second:
        again = client.get(URL).context["backlog"].open
    second_reads, second_all = _rollup_reads(second), len(second.captured_queries)
    lodge(entrepreneur, unit)
    rollups_catch_up_all(settle=timedelta(0))
    after = client.get(URL).context["backlog"].open

    assert (before, again, after) == (1, 1, 2)
    assert (first_reads >= 5, second_reads) == (True, 0)
    assert second_all < first_all


def test_filters_and_languages_have_their_own_figures(entrepreneur):
    unit = pune_enterprise(entrepreneur)
    lodge(entrepreneur, unit, category="taxation")
    rollups_catch_up_all(settle=timedelta(0))
    today = timezone.localdate()

    everything = dashboard_figures(Filters(), today=today)
    delhi = dashboard_figures(Filters(state="DL"), today=today)

    assert (everything["backlog"].open, delhi["backlog"].open) == (1, 0)
    with translation.override("hi"):
        hindi = dashboard_figures(Filters(), today=today)
    labels = {value: label for value, label, _n in everything["categories"]}
    hindi_labels = {value: label for value, label, _n in hindi["categories"]}
    assert labels["taxation"] != hindi_labels["taxation"]


def test_a_rebuild_refreshes_the_figures(entrepreneur):
    unit = pune_enterprise(entrepreneur)
    lodge(entrepreneur, unit)
    today = timezone.localdate()
    empty = dashboard_figures(Filters(), today=today)["backlog"].open

    rollups_rebuild()

    assert (empty, dashboard_figures(Filters(), today=today)["backlog"].open) == (0, 1)


def test_the_schemes_panel_counts_checks_in_the_period(client, hub_officer):
    catalogue_load()
    for state in ("AS", "AS", "MH"):
        client.post(
            "/api/v1/schemes/eligibility",
            {"profile": {**PROFILE, "state": state}},
            content_type="application/json",
        )
    client.force_login(hub_officer)

    page = client.get(URL)
    assam = client.get(URL, {"state": "AS"}).context["schemes"]

    panel = page.context["schemes"]
    assert (panel["checks"], assam["checks"]) == (3, 2)
    assert panel["states"] == [("Assam", 2), ("Maharashtra", 1)]
    assert panel["schemes"][0][1] == 3
    assert "Most-matched schemes" in page.content.decode()


def test_mood_by_room_ranks_rooms_by_their_share_of_negative_texts():
    rooms = control_room_list()[:2]
    today = timezone.localdate()
    for room, negative, positive in ((rooms[0], 1, 3), (rooms[1], 3, 1)):
        for metric, n in (("sentiment:negative", negative), ("sentiment:positive", positive)):
            DailyRollup.objects.create(
                day=today, room_id=room.pk, state="MH", category=ALL, channel=ALL,
                language=ALL, metric=metric, count=n,
            )  # fmt: skip
    DailyRollup.objects.create(
        day=today - timedelta(days=40), room_id=rooms[0].pk, state="MH", category=ALL,
        channel=ALL, language=ALL, metric="sentiment:very_negative", count=50,
    )  # fmt: skip

    rows = mood_by_room(Filters(period=30), today=today)

    assert rows == [(rooms[1].name, 3, 4, 75), (rooms[0].name, 1, 4, 25)]
