"""A walk through /insights/ in chromium: downloads that happen and open (XLSX and CSV, from
the dashboard, the AI register and the systemic issues), the assistant chats' sentiment panel
in Hindi, and leadership and a spoke officer in English and Hindi, on a 360 px phone and a
desktop screen. Every click that navigates or downloads is waited for (expect_navigation,
expect_download) and every read after one waits with expect()."""

import csv
import io
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook
from playwright.sync_api import expect

from champions.assistant.models import Conversation, Turn
from champions.controlrooms.selectors import room_get_by_code
from champions.grievances.demo import DemoEnterprise, demo_grievances_load
from champions.insights.models import SystemicCluster, SystemicClusterWeek
from champions.insights.services import rollups_rebuild

from .conftest import (
    DESKTOP,
    HUB_EMAIL,
    LEADERSHIP_EMAIL,
    PASSWORD,
    PHONE,
    SPOKE_EMAIL,
    _account,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser
SCREENS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture
def year(live_data, pune_enterprise, hub_officer_account, spoke_officer_account):
    """60 demo grievances about a Pune enterprise over a year, counted; chats whose messages
    triage read (3 negative, 1 positive); one systemic issue."""
    unit = pune_enterprise
    demo_grievances_load(
        count=60, enterprises=[DemoEnterprise(unit.pk, unit.district_id, unit.state_id, "MH")]
    )
    rollups_rebuild()
    chat = Conversation.objects.create(id=uuid.uuid4(), language="hi")
    for sentiment in ("negative", "negative", "negative", "positive"):
        Turn.objects.create(
            conversation=chat, role="user", text="भुगतान नहीं हुआ", language="hi",
            sentiment=sentiment,
        )  # fmt: skip
    now = timezone.now()
    issue = SystemicCluster.objects.create(
        label="power cuts MIDC", size=4, msme_count=3, first_seen=now - timedelta(days=9),
        last_seen=now, computed_at=now,
    )  # fmt: skip
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    for back, count in ((1, 1), (0, 3)):
        SystemicClusterWeek.objects.create(
            cluster=issue, week_start=monday - timedelta(weeks=back), count=count
        )


@pytest.fixture
def leadership_account(live_data):
    return _account(LEADERSHIP_EMAIL, "leadership")


def _workbook_rows(path) -> list[list]:
    """The first sheet's rows (the saved download has no .xlsx suffix: read its bytes)."""
    with open(path, "rb") as saved:
        sheet = load_workbook(io.BytesIO(saved.read())).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _download(page, link):
    """Click a download link; the file as Playwright saved it, and its suggested name."""
    with page.expect_download() as info:
        link.click()
    return info.value.path(), info.value.suggested_filename


def test_the_dashboards_tables_download_as_xlsx_and_csv_and_open(
    new_page, live_server, year, leadership_account
):
    page = new_page(DESKTOP)
    log_in(page, live_server.url, LEADERSHIP_EMAIL, PASSWORD)
    open_path(page, live_server.url, "/insights/?period=365")
    headline = page.locator("section:has(h2#headline-heading)")

    path, name = _download(page, headline.get_by_role("link", name="XLSX"))
    rows = _workbook_rows(path)
    page_lodged = headline.locator("tbody tr").first.locator("td").nth(2).inner_text()

    assert name == "champions-headline.xlsx"
    assert rows[0][:2] == ["Measure", "Today"]
    assert rows[1][0] == "Lodged"
    assert str(rows[1][5]) == page_lodged.split()[0].replace(",", "")  # last 30 days


def test_the_ai_register_and_systemic_issues_download_and_open(
    new_page, live_server, year, hub_officer_account
):
    page = new_page(DESKTOP)
    log_in(page, live_server.url, HUB_EMAIL, PASSWORD)

    open_path(page, live_server.url, "/insights/ai/")
    decisions = page.locator("section:has(h2#decisions-heading)")
    path, name = _download(page, decisions.get_by_role("link", name="CSV"))
    with open(path, encoding="utf-8") as downloaded:
        decided = list(csv.reader(io.StringIO(downloaded.read())))
    open_path(page, live_server.url, "/insights/systemic/")
    issues_path, issues_name = _download(page, page.get_by_role("link", name="XLSX").first)
    issues = _workbook_rows(issues_path)

    assert name == "champions-ai-decisions.csv"
    assert decided[0] == ["Suggestion", "Accepted", "Overridden", "Override rate %"]
    assert len(decided) == 4  # category, department, priority
    assert issues_name == "champions-systemic-issues.xlsx"
    assert issues[1][:3] == ["power cuts MIDC", 4, 3]
    assert issues[1][5] == 2  # this week 3, last week 1


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_the_chat_sentiment_panel_reads_in_hindi(
    new_page, live_server, year, leadership_account, screen
):
    with translation.override("hi"):
        title = translation.gettext("How people feel in assistant chats")
        negative = translation.gettext("Negative")
    page = new_page(SCREENS[screen])
    use_language(page, live_server.url, "hi")
    log_in(page, live_server.url, LEADERSHIP_EMAIL, PASSWORD)

    open_path(page, live_server.url, "/insights/")
    panel = page.locator("section.card", has=page.get_by_role("heading", name=title))

    expect(panel).to_have_count(1)
    expect(panel.locator("dt", has_text=negative)).to_have_count(1)
    expect(panel.locator("dd", has_text="3 (75 %)")).to_have_count(1)
    assert title != "How people feel in assistant chats"
    assert scroll_width(page) <= SCREENS[screen]["width"]


@pytest.mark.parametrize("language", ["en", "hi"])
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_leadership_and_a_spoke_officer_read_their_dashboards(
    new_page, live_server, year, leadership_account, language, screen
):
    for email in (LEADERSHIP_EMAIL, SPOKE_EMAIL):
        page = new_page(SCREENS[screen])
        use_language(page, live_server.url, language)
        log_in(page, live_server.url, email, PASSWORD)
        open_path(page, live_server.url, "/insights/")

        expect(page.locator("#insights-panels")).to_have_count(1)
        expect(page.locator("html")).to_have_attribute("lang", language)
        # Leadership may narrow to any state or room; a spoke officer sees its own room.
        expect(page.locator("#f-state")).to_have_count(1 if email == LEADERSHIP_EMAIL else 0)
        assert scroll_width(page) <= SCREENS[screen]["width"], email
        assert blocking_violations(page) == [], email
        assert page.csp_errors == []


def test_a_spoke_officer_narrows_its_own_dashboard(new_page, live_server, year):
    page = new_page(DESKTOP)
    log_in(page, live_server.url, SPOKE_EMAIL, PASSWORD)
    open_path(page, live_server.url, "/insights/")
    room = room_get_by_code(code="spoke-mh")

    page.locator("#f-period").select_option("365")
    with page.expect_navigation():
        page.locator("form.insights-filters button[type=submit]").click()

    expect(page.locator("#f-period")).to_have_value("365")
    rooms = page.locator("section:has(h2#sla-heading) tbody th")
    expect(rooms).to_have_text([room.name])
