"""AI in chromium: the officer's triage panel on the grievance page (axe, 360 px, one-click
accept and override through htmx, read out from a live region), and the hub's insight pages
(the AI register and the systemic issues)."""

import re

import pytest
from playwright.sync_api import expect

from champions.accounts.services import user_create
from champions.grievances.services import GrievanceInput, grievance_lodge
from champions.grievances.triage_link.predictions import grievance_embed
from champions.insights.services import systemic_clusters_refresh
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

from .conftest import (
    HUB_EMAIL,
    PASSWORD,
    PHONE,
    SPOKE_EMAIL,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser

PAYMENT = {
    "subject": "PSU has not paid our invoices for 200 days",
    "description": (
        "A central PSU has not paid our invoices worth Rs 38 lakh for steel structures "
        "delivered in March. Under the MSMED Act they must pay within 45 days."
    ),
}
POWER_CUTS = [
    (
        "Power cuts every day in the industrial area",
        "Our factory in the MIDC industrial area has eight hours of power cuts every day; "
        "machines stand idle and orders are delayed.",
    ),
    (
        "Daily power cuts in MIDC stop our machines",
        "In the MIDC industrial estate the electricity goes off for many hours daily and our "
        "production stops. Please restore regular power supply.",
    ),
    (
        "औद्योगिक क्षेत्र में रोज़ बिजली कटौती",
        "हमारे एमआईडीसी औद्योगिक क्षेत्र में हर दिन आठ घंटे बिजली कटौती होती है, मशीनें बंद "
        "रहती हैं और उत्पादन रुक जाता है।",
    ),
]


@pytest.fixture
def triaged(triage_models, entrepreneur_account, spoke_officer_account, pune_enterprise):
    """A delayed-payment grievance lodged while the models are there: it has predictions."""
    data = GrievanceInput(**PAYMENT, enterprise_id=pune_enterprise.pk)
    return grievance_lodge(actor=entrepreneur_account, data=data).grievance


@pytest.fixture
def clusters(triage_models, hub_officer_account):
    """Three MSMEs of Pune write about the same power cuts: one systemic cluster."""
    for number, (subject, description) in enumerate(POWER_CUTS, 1):
        owner = user_create(
            email=f"owner{number}@example.com", password=PASSWORD, role="entrepreneur"
        )
        unit = enterprise_create(
            data=enterprise_input(
                udyam_number=f"UDYAM-MH-26-{number:07d}", name=f"Unit {number} Engineering"
            ),
            actor=owner,
        )
        data = GrievanceInput(subject=subject, description=description, enterprise_id=unit.pk)
        grievance_embed(grievance_id=grievance_lodge(actor=owner, data=data).grievance.pk)
    return systemic_clusters_refresh()


def _grievance_path(grievance) -> str:
    return f"/grievances/{grievance.pk}/"


def _open_triage(page) -> None:
    """The officer's page puts the complaint first and folds the AI suggestions away."""
    page.locator("details.triage-details > summary").click()


# --- The triage panel ------------------------------------------------------------------------


def test_grievance_page_with_the_triage_panel_has_no_serious_accessibility_violation(
    live_server, triaged, page
):
    log_in(page, live_server.url, SPOKE_EMAIL)
    open_path(page, live_server.url, _grievance_path(triaged))
    _open_triage(page)
    page.locator("#triage-panel details summary").click()

    violations = blocking_violations(page)

    expect(page.locator("#triage-panel .field")).to_have_count(3)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


@pytest.mark.parametrize("language", ["en", "hi"])
def test_grievance_page_with_the_triage_panel_fits_a_360_px_screen(
    live_server, triaged, page, language
):
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, SPOKE_EMAIL)
    page.set_viewport_size(PHONE)

    open_path(page, live_server.url, _grievance_path(triaged))
    _open_triage(page)

    expect(page.locator("#triage-panel")).to_be_visible()
    assert scroll_width(page) <= PHONE["width"]


def _row(page, field: str):
    return page.locator("#triage-panel .field", has=page.locator(f"#triage-{field}-heading"))


def _submit_in_place(page, button) -> None:
    with page.expect_response(lambda response: "/triage/" in response.url):
        button.click()


def test_officer_accepts_and_overrides_suggestions_in_place(live_server, triaged, page):
    log_in(page, live_server.url, SPOKE_EMAIL)
    open_path(page, live_server.url, _grievance_path(triaged))
    _open_triage(page)
    page.evaluate("window.notReloaded = true")
    outcome = page.locator("#triage-outcome")
    assert outcome.get_attribute("role") == "status"
    outcome.evaluate("region => { region.dataset.before = 'yes'; }")
    category = _row(page, "category")
    suggested = category.locator("p strong").inner_text()

    # Accept the suggested category.
    accept = category.get_by_role("button", name=re.compile("^Accept"))
    assert accept.inner_text() == f"Accept “{suggested}”"
    _submit_in_place(page, accept)
    outcome.filter(has_text="Saved").wait_for()

    assert outcome.inner_text() == f"Saved: the category is {suggested}."
    assert outcome.get_attribute("data-before") == "yes"  # the same live region, read out
    assert page.evaluate("document.activeElement.id") == "triage-category-accept"
    expect(_row(page, "category")).to_contain_text(f"{suggested} (set by An officer)")

    # Override the suggested priority.
    priority = _row(page, "priority")
    priority.get_by_label("Choose another priority").select_option(label="Critical")
    _submit_in_place(page, priority.get_by_role("button", name="Override"))
    outcome.filter(has_text="priority").wait_for()

    assert outcome.inner_text() == "Saved: the priority is Critical."
    assert page.evaluate("document.activeElement.id") == "triage-priority-override"
    expect(_row(page, "priority")).to_contain_text("Now: Critical (set by An officer)")
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the panel only
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []

    # The page says so after a reload too: the decisions are on the internal timeline.
    page.reload()
    _open_triage(page)
    timeline = page.locator("section[aria-labelledby='timeline-heading'] li strong")
    assert "AI suggestion accepted" in timeline.all_inner_texts()
    assert "AI suggestion overridden" in timeline.all_inner_texts()
    expect(_row(page, "priority")).to_contain_text("last decided by")


# --- The hub's insight pages ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "path"),
    [("AI register", "/insights/ai/"), ("systemic issues", "/insights/systemic/")],
)
def test_insight_page_has_no_serious_accessibility_violation(
    live_server, clusters, page, _case, path
):
    log_in(page, live_server.url, HUB_EMAIL)
    open_path(page, live_server.url, path)
    for summary in page.locator("main details summary").all():
        summary.click()

    violations = blocking_violations(page)

    assert len(clusters) == 1
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


@pytest.mark.parametrize(
    ("_case", "language", "path"),
    [
        ("AI register", "en", "/insights/ai/"),
        ("AI register in Hindi", "hi", "/insights/ai/"),
        ("AI register per month", "en", "/insights/ai/?period=month"),
        ("systemic issues", "en", "/insights/systemic/"),
        ("systemic issues in Hindi", "hi", "/insights/systemic/"),
    ],
)
def test_insight_page_fits_a_360_px_screen(live_server, clusters, page, _case, language, path):
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, HUB_EMAIL)
    page.set_viewport_size(PHONE)

    open_path(page, live_server.url, path)
    for summary in page.locator("main details summary").all():
        summary.click()

    assert scroll_width(page) <= PHONE["width"]
