"""Every table of the dashboard downloads as CSV and as XLSX, with the same rows, and the
schemes, mood and other panels' tables carry the figures shown on the page."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from champions.controlrooms.selectors import control_room_list
from champions.insights.exports import TABLES
from champions.insights.models import ALL, DailyRollup
from champions.schemes.services import catalogue_load
from champions.schemes.tests.test_api import PROFILE

pytestmark = pytest.mark.django_db
URL = reverse("web:insights:dashboard")


def _csv(client, table: str, **params) -> list[list[str]]:
    response = client.get(reverse("web:insights:export", args=[table, "csv"]), params)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def _xlsx(client, table: str, **params) -> list[list]:
    response = client.get(reverse("web:insights:export", args=[table, "xlsx"]), params)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [
        ["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)
    ]


def _value(cell):
    """A cell as a number when it reads as one (XLSX keeps 0.0 as 0, CSV writes "0.0")."""
    try:
        return float(cell)
    except (TypeError, ValueError):
        return str(cell)


@pytest.fixture
def checks(client):
    """Three eligibility checks (two in Assam, one with no state answered), counted."""
    catalogue_load()
    for profile in ({**PROFILE, "state": "AS"}, {**PROFILE, "state": "AS"}, PROFILE):
        client.post(
            "/api/v1/schemes/eligibility", {"profile": profile}, content_type="application/json"
        )


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_dashboard_table_downloads_as_csv_and_xlsx_alike(client, hub_officer, checks, table):
    client.force_login(hub_officer)

    rows = _csv(client, table)
    sheet = _xlsx(client, table)

    assert rows[0] == [str(cell) for cell in sheet[0]]
    assert [[_value(cell) for cell in row] for row in sheet] == [
        [_value(cell) for cell in row] for row in rows
    ]
    assert all(len(row) == len(rows[0]) for row in rows)


def test_every_table_on_the_page_has_both_downloads(client, hub_officer, checks):
    for category in (ALL, "taxation"):
        DailyRollup.objects.create(
            day=timezone.localdate(), room_id=control_room_list()[0].pk, state="MH",
            category=category, channel=ALL, language=ALL, metric="sentiment:negative", count=2,
        )  # fmt: skip
    client.force_login(hub_officer)
    page = client.get(URL, {"period": 365}).content.decode()
    linked = set(re.findall(r"/insights/export/([a-z_]+)\.csv", page))
    linked_xlsx = set(re.findall(r"/insights/export/([a-z_]+)\.xlsx", page))

    assert linked == linked_xlsx
    assert {"schemes", "scheme_states", "mood_categories", "mood_rooms", "panels"} <= linked
    assert linked <= set(TABLES)
    # One download per table, and one for the other panels' facts (a list, not a table).
    assert page.count('class="insights-export"') == page.count("<table") + 1


def test_the_schemes_tables_export_what_the_panel_shows(client, hub_officer, checks):
    client.force_login(hub_officer)
    panel = client.get(URL).context["schemes"]

    schemes = _csv(client, "schemes")
    states = _xlsx(client, "scheme_states")

    assert schemes[0] == ["Scheme", "Checks found eligible"]
    assert schemes[1:] == [[name, str(n)] for name, n in panel["schemes"]]
    assert states == [["State", "Checks"], ["Assam", 2], ["State not answered", 1]]
    assert _csv(client, "scheme_states", state="AS")[1:] == [["Assam", "2"]]


def test_the_mood_tables_export_negative_shares(client, hub_officer):
    rooms = control_room_list()[:1]
    today = timezone.localdate()
    for metric, n in (("sentiment:negative", 3), ("sentiment:positive", 1)):
        for category in (ALL, "taxation"):  # the rollups keep a row for all and each category
            DailyRollup.objects.create(
                day=today - timedelta(days=1), room_id=rooms[0].pk, state="MH", category=category,
                channel=ALL, language=ALL, metric=metric, count=n,
            )  # fmt: skip
    client.force_login(hub_officer)

    by_room = _csv(client, "mood_rooms")
    by_category = _csv(client, "mood_categories")

    assert by_room == [
        ["Control room", "Negative texts", "Texts", "Negative %"],
        [rooms[0].name, "3", "4", "75"],
    ]
    assert by_category[1] == ["Taxation (GST, income tax)", "3", "4", "75"]


def test_the_sentiment_export_names_sentiments_in_the_readers_language(client, hub_officer):
    client.force_login(hub_officer)

    english = _csv(client, "mood")[0]
    client.cookies["django_language"] = "hi"
    hindi = _csv(client, "mood")[0]

    assert english[1:3] == ["Very negative", "Negative"]
    assert hindi[1] != "Very negative"
    assert "very_negative" not in hindi


def test_the_other_panels_export_their_rows(client, hub_officer):
    client.force_login(hub_officer)

    rows = _csv(client, "panels")

    assert rows[0] == ["Panel", "Measure", "Value"]
    assert ["CPGRAMS sync", "Waiting to be sent", "0"] in rows
