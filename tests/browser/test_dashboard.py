"""The MIS dashboard in chromium: English and Hindi on a 360 px phone with no serious axe
violation, the drill-down from the tile map into a state, and a table's CSV export."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from champions.grievances.demo import DemoEnterprise, demo_grievances_load
from champions.grievances.models import Grievance
from champions.insights.services import rollups_rebuild

from .conftest import (
    LEADERSHIP_EMAIL,
    PASSWORD,
    PHONE,
    _account,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_year(live_data, pune_enterprise, hub_officer_account):
    """A year of demo grievances about a Pune enterprise, counted into the rollups."""
    unit = pune_enterprise
    places = [DemoEnterprise(unit.pk, unit.district_id, unit.state_id, "MH")]
    demo_grievances_load(count=150, enterprises=places)
    rollups_rebuild()


@pytest.fixture
def leadership_account(live_data):
    return _account(LEADERSHIP_EMAIL, "leadership")


def test_the_dashboard_reads_in_english_and_hindi_on_a_phone(
    new_page, live_server, demo_year, leadership_account
):
    page = new_page(PHONE)
    log_in(page, live_server.url, LEADERSHIP_EMAIL, PASSWORD)

    open_path(page, live_server.url, "/insights/")
    english = page.locator("h1").inner_text()
    english_width = scroll_width(page)
    english_violations = blocking_violations(page)
    use_language(page, live_server.url, "hi")
    open_path(page, live_server.url, "/insights/")
    hindi = page.locator("h1").inner_text()
    hindi_width = scroll_width(page)
    hindi_violations = blocking_violations(page)

    assert english == "Grievance dashboard"
    assert hindi == "शिकायत डैशबोर्ड"
    assert english_width <= PHONE["width"]
    assert hindi_width <= PHONE["width"]
    assert english_violations == []
    assert hindi_violations == []
    expect(page.locator("#insights-panels[hx-trigger='every 30s']")).to_have_count(1)
    assert page.csp_errors == []


def test_a_tile_of_the_map_opens_that_state(new_page, live_server, demo_year, leadership_account):
    page = new_page()
    log_in(page, live_server.url, LEADERSHIP_EMAIL, PASSWORD)
    open_path(page, live_server.url, "/insights/")

    with page.expect_navigation():
        page.locator("svg.insights-map a[aria-label^='Maharashtra']").click()

    expect(page).to_have_url(re.compile(r"[?&]state=MH(&|$)"))
    expect(page.locator("#f-state")).to_have_value("MH")
    expect(page.locator("svg.insights-map rect.tile-selected")).to_have_count(1)
    expect(page.get_by_role("link", name="back to all India")).to_be_visible()
    assert blocking_violations(page) == []


def test_a_table_downloads_as_csv(new_page, live_server, demo_year, leadership_account):
    page = new_page()
    log_in(page, live_server.url, LEADERSHIP_EMAIL, PASSWORD)
    open_path(page, live_server.url, "/insights/?period=365")

    section = page.locator("section:has(h3#categories-heading)")
    with page.expect_download() as download_info:
        section.get_by_role("link", name="CSV").click()
    path = download_info.value.path()
    with open(path, encoding="utf-8") as downloaded:
        rows = list(csv.reader(io.StringIO(downloaded.read())))

    assert download_info.value.suggested_filename == "champions-categories.csv"
    assert rows[0] == ["Category", "Grievances"]
    assert len(rows) == 14  # the header and the 13 categories
    assert sum(int(row[1]) for row in rows[1:]) == _lodged_in_the_last(365)


def _lodged_in_the_last(days: int) -> int:
    first = timezone.localdate() - timedelta(days=days - 1)
    lodged = Grievance.objects.values_list("lodged_at", flat=True)
    return sum(1 for moment in lodged if timezone.localdate(moment) >= first)
