"""In chromium: accessibility (axe), 360 px layout, language switching, login throttling."""

import re

import pytest
from playwright.sync_api import expect

from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

from .conftest import HUB_EMAIL, PASSWORD, blocking_violations, log_in, open_path

pytestmark = pytest.mark.browser

DEVANAGARI = re.compile("[\u0900-\u097f]")


def _enterprises(actor, count: int = 3) -> None:
    for number in range(count):
        enterprise_create(
            data=enterprise_input(
                udyam_number=f"UDYAM-MH-26-00{number:05d}",
                name=f"Deccan Precision Tools and Allied Engineering Works Unit {number}",
                investment_inr=5_000_000 * (number + 1) ** 3,
                turnover_inr=20_000_000 * (number + 1) ** 3,
            ),
            actor=actor,
        )


@pytest.mark.parametrize(
    ("_case", "path"),
    [
        ("home", "/"),
        ("login", "/accounts/login/"),
        ("signup", "/accounts/signup/"),
        ("classification calculator", "/classification/"),
    ],
)
def test_public_page_has_no_serious_accessibility_violation(
    live_server, live_data, page, _case, path
):
    open_path(page, live_server.url, path)

    violations = blocking_violations(page)

    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


@pytest.mark.parametrize(
    ("_case", "path"),
    [
        ("home", "/"),
        ("enterprise list", "/enterprises/"),
        ("profile", "/profile/"),
    ],
)
def test_officer_page_has_no_serious_accessibility_violation(
    live_server, hub_officer_account, page, _case, path
):
    _enterprises(hub_officer_account)
    log_in(page, live_server.url, HUB_EMAIL)
    open_path(page, live_server.url, path)

    violations = blocking_violations(page)

    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


def test_login_form_errors_have_no_serious_accessibility_violation(live_server, live_data, page):
    log_in(page, live_server.url, "nobody@example.com", "wrong-password")

    violations = blocking_violations(page)

    assert page.locator(".form-errors").count() == 1
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize(
    ("_case", "language", "path", "signed_in"),
    [
        ("home", "en", "/", False),
        ("home in Hindi", "hi", "/", False),
        ("home signed in", "en", "/", True),
        ("enterprise list", "en", "/enterprises/", True),
        ("enterprise list in Hindi", "hi", "/enterprises/", True),
        # visually hidden labels in a scrolling table once widened the page (position: absolute
        # escaped the wrapper's overflow)
        ("service levels", "en", "/grievances/sla/", True),
        ("holiday calendar in Hindi", "hi", "/grievances/holidays/", True),
    ],
)
def test_page_fits_a_360_px_screen(
    live_server, hub_officer_account, page, _case, language, path, signed_in
):
    _enterprises(hub_officer_account)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    if signed_in:
        log_in(page, live_server.url, HUB_EMAIL)
    page.set_viewport_size({"width": 360, "height": 740})

    open_path(page, live_server.url, path)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")

    assert scroll_width <= 360


def test_language_switcher_shows_the_site_in_hindi(live_server, live_data, page):
    page.goto(f"{live_server.url}/")
    assert page.get_attribute("html", "lang") == "en"

    page.select_option("#language-select", "hi")
    with page.expect_navigation():
        page.click(".language-form button[type=submit]")

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "hi")
    assert DEVANAGARI.search(page.inner_text("h1"))
    assert DEVANAGARI.search(page.inner_text("nav[aria-label]"))
    assert page.input_value("#language-select") == "hi"


def test_login_is_refused_after_five_wrong_passwords(live_server, hub_officer_account, page):
    for _ in range(5):
        log_in(page, live_server.url, HUB_EMAIL, "not-the-password")
        assert page.locator(".form-errors").count() == 1

    log_in(page, live_server.url, HUB_EMAIL, PASSWORD)

    assert page.url.endswith("/accounts/login/")
    assert "Too many failed login attempts" in page.inner_text(".form-errors")
    assert page.locator("form.nav-form").count() == 0  # no "Log out": not signed in


@pytest.mark.parametrize("language", ["en", "hi"])
def test_main_navigation_folds_behind_a_menu_button_on_a_phone(
    live_server, hub_officer_account, page, language
):
    """The hub officer has the longest menu (26 entries): on a phone it folds behind a disclosure
    button, so the page starts on the first screen; opened, every entry fits and is tappable."""
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    log_in(page, live_server.url, HUB_EMAIL)
    page.set_viewport_size({"width": 360, "height": 740})
    open_path(page, live_server.url, "/")

    nav = page.get_by_role("navigation", name=re.compile("."))
    entries = nav.locator("li > a, li > form > button")
    toggle = nav.locator("button.nav-toggle")
    folded = (toggle.get_attribute("aria-expanded"), entries.first.is_visible())
    h1_top = page.locator("main h1").bounding_box()["y"]
    toggle.click()
    # Measure the entries once the menu is open, not while the click is still being handled.
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(entries).to_have_count(26)
    expect(entries.last).to_be_visible()
    boxes = [entry.bounding_box() for entry in entries.all()]

    assert folded == ("false", False)
    assert h1_top < 740 / 2  # the page starts high on the first screen
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= 360 for box in boxes)
    assert all(box["width"] >= 24 and box["height"] >= 24 for box in boxes)  # WCAG 2.5.8
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_main_navigation_stays_open_on_a_desktop(live_server, hub_officer_account, page):
    log_in(page, live_server.url, HUB_EMAIL)
    open_path(page, live_server.url, "/")

    nav = page.get_by_role("navigation", name=re.compile("."))

    assert nav.locator("button.nav-toggle").is_visible() is False
    assert nav.locator("li > a").first.is_visible() is True
