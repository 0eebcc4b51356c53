"""The AI register's and the systemic issues' tables download as CSV and as XLSX, with the same
rows as the page, in the reader's language, for the readers of those pages only."""

import csv
import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from champions.core.spreadsheets import neutralise
from champions.insights.models import SystemicCluster, SystemicClusterWeek
from champions.insights.page_exports import TABLES

pytestmark = pytest.mark.django_db

NAMES = {"ai": "web:insights:ai_export", "systemic": "web:insights:systemic_export"}
PAGES = {"ai": "web:insights:ai_register", "systemic": "web:insights:systemic"}
EVERY_TABLE = [(page, table) for page, tables in TABLES.items() for table in sorted(tables)]


def _get(client, page: str, table: str, fmt: str, **params):
    return client.get(reverse(NAMES[page], args=[table, fmt]), params)


def _csv(client, page: str, table: str, **params) -> list[list[str]]:
    response = _get(client, page, table, "csv", **params)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="champions-{page}-{table}.csv"'
    return list(csv.reader(io.StringIO(response.content.decode())))


def _xlsx(client, page: str, table: str, **params) -> list[list]:
    response = _get(client, page, table, "xlsx", **params)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def issue():
    """A systemic issue of 5 grievances from 4 MSMEs: 1 two weeks ago, 1 last week, 3 this."""
    moment = datetime(2026, 3, 18, 11, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
    cluster = SystemicCluster.objects.create(
        label="=power cuts, MIDC", size=5, msme_count=4, first_seen=moment - timedelta(weeks=2),
        last_seen=moment, computed_at=moment,
    )  # fmt: skip
    for back, count in ((2, 1), (1, 1), (0, 3)):
        SystemicClusterWeek.objects.create(
            cluster=cluster, week_start=date(2026, 3, 16) - timedelta(weeks=back), count=count
        )
    return cluster


@pytest.mark.parametrize(("page", "table"), EVERY_TABLE)
def test_every_table_downloads_as_csv_and_xlsx_alike(client, hub_officer, decided, issue, page,
                                                     table):  # fmt: skip
    client.force_login(hub_officer)

    rows = _csv(client, page, table)
    sheet = _xlsx(client, page, table)

    assert len(rows) > 1
    assert [[neutralise(str(c)) for c in row] for row in sheet] == rows  # CSV: '= is text
    assert all(len(row) == len(rows[0]) for row in rows)


@pytest.mark.parametrize("page", sorted(TABLES))
def test_each_page_links_both_downloads_of_each_of_its_tables(
    client, hub_officer, triage_models, issue, page
):
    client.force_login(hub_officer)

    html = client.get(reverse(PAGES[page])).content.decode()

    base = reverse(NAMES[page], args=["TABLE", "csv"]).split("TABLE")[0]
    for fmt in ("csv", "xlsx"):
        assert set(re.findall(re.escape(base) + rf"([a-z_]+)\.{fmt}", html)) == set(TABLES[page])


def test_the_decisions_and_rates_carry_the_pages_figures(client, hub_officer, decided):
    client.force_login(hub_officer)

    decisions = _csv(client, "ai", "decisions")
    rates = _xlsx(client, "ai", "rates")
    monthly = _csv(client, "ai", "rates", period="month")

    assert decisions[0] == ["Suggestion", "Accepted", "Overridden", "Override rate %"]
    assert decisions[1] == ["Category", "1", "1", "50"]
    this_week = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    assert ["Delayed payment", this_week.isoformat(), 3, 1, 33] in rates
    assert ["All categories", this_week.isoformat(), 3, 1, 33] in rates
    assert len(rates) == 1 + 12 * (13 + 1)  # a row per category (and all) and week
    first_of_month = timezone.localdate().replace(day=1).isoformat()
    assert ["Delayed payment", first_of_month, "3", "1", "33"] in monthly


def test_the_issues_and_their_weeks(client, hub_officer, issue):
    client.force_login(hub_officer)

    issues = _csv(client, "systemic", "issues")
    weeks = _xlsx(client, "systemic", "weeks")

    assert issues == [
        ["Issue", "Grievances", "MSMEs", "First", "Latest", "Change this week"],
        ["'=power cuts, MIDC", "5", "4", "2026-03-04", "2026-03-18", "2"],  # never a formula
    ]
    assert weeks[1:] == [
        ["=power cuts, MIDC", "2026-03-02", 1],
        ["=power cuts, MIDC", "2026-03-09", 1],
        ["=power cuts, MIDC", "2026-03-16", 3],
    ]


def test_the_headers_are_in_the_readers_language(client, hub_officer, issue):
    client.force_login(hub_officer)
    client.cookies["django_language"] = "hi"

    head = _csv(client, "systemic", "issues")[0] + _csv(client, "ai", "decisions")[0]

    assert "Issue" not in head
    assert "Grievances" not in head
    assert "Accepted" not in head
    assert all(re.search("[\u0900-\u097f]", cell) for cell in head if cell != "MSMEs")


@pytest.mark.parametrize(("page", "table"), EVERY_TABLE)
def test_only_the_pages_readers_download(client, spoke_officer, page, table):
    assert _get(client, page, table, "csv").status_code == 302  # signed out: sign in first
    client.force_login(spoke_officer)

    assert _get(client, page, table, "csv").status_code == 404


@pytest.mark.parametrize(("table", "fmt"), [("nothing", "csv"), ("models", "pdf")])
def test_no_such_table_or_format(client, hub_officer, table, fmt):
    client.force_login(hub_officer)

    assert _get(client, "ai", table, fmt).status_code == 404
