"""Browser tests: Playwright's sync API driving Debian's chromium against `live_server`.

Nothing is downloaded: the browser is /usr/bin/chromium, launched headless. The live server
uses a transactional database, which the session fixture in tests/fixtures.py does not seed,
so `live_data` loads the reference data, the control-room network and the SLA defaults and
holidays for each test.
"""

import os
import re
import shutil

import pytest
from allauth.account.models import EmailAddress
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache

from champions.accounts.services import user_create
from champions.controlrooms.selectors import hub_get, room_get_by_code
from champions.controlrooms.services import network_load
from champions.core.reference import reference_data_load
from champions.grievances.reference import grievance_reference_load
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input
from champions.schemes.services import catalogue_load

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# the ORM calls the tests make around it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "pw-Secret-2026"
HUB_EMAIL = "hub@example.com"
APPELLATE_EMAIL = "appellate@example.com"
OWNER_EMAIL = "owner@example.com"
SPOKE_EMAIL = "spoke.mh@example.com"
BLOCKING_IMPACTS = {"serious", "critical"}
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
LEADERSHIP_EMAIL = "lead@example.com"


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is not installed: run scripts/ensure-system-packages")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _page_in_new_context(browser, viewport: dict | None = None):
    """A page in a fresh context (no cookies); CSP errors are collected on `page.csp_errors`."""
    context = browser.new_context(
        viewport=viewport or {"width": 1280, "height": 900}, locale="en-IN"
    )
    new_page = context.new_page()
    new_page.csp_errors = []
    new_page.on(
        "console",
        lambda message: (
            new_page.csp_errors.append(message.text)
            if re.search("Content Security Policy", message.text)
            else None
        ),
    )
    return new_page


@pytest.fixture
def page(browser):
    new_page = _page_in_new_context(browser)
    yield new_page
    new_page.context.close()


@pytest.fixture
def new_page(browser):
    """Opens further pages, each in its own context: one signed-in person per context."""
    pages = []

    def open_page(viewport: dict | None = None):
        pages.append(_page_in_new_context(browser, viewport))
        return pages[-1]

    yield open_page
    for opened in pages:
        opened.context.close()


@pytest.fixture
def live_data(transactional_db):
    cache.clear()  # allauth's rate limits live in the locmem cache
    reference_data_load()
    network_load()
    grievance_reference_load()
    yield
    cache.clear()


@pytest.fixture
def scheme_catalogue(live_data):
    """The 25 schemes of the catalogue (the live server's database starts empty)."""
    return catalogue_load()


@pytest.fixture
def pune_enterprise(entrepreneur_account):
    """Deccan Precision Tools, Pune: a micro manufacturer of the entrepreneur."""
    return enterprise_create(data=enterprise_input(), actor=entrepreneur_account)


def _account(email: str, role: str, room=None):
    user = user_create(
        email=email, password=PASSWORD, role=role, control_room_id=room.pk if room else None
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def hub_officer_account(live_data):
    return _account(HUB_EMAIL, "hub_officer", hub_get())


@pytest.fixture
def appellate_officer_account(live_data):
    return _account(APPELLATE_EMAIL, "appellate_officer")


@pytest.fixture
def entrepreneur_account(live_data):
    return _account(OWNER_EMAIL, "entrepreneur")


@pytest.fixture
def spoke_officer_account(live_data):
    """An officer of the Maharashtra spoke, which covers Pune."""
    return _account(SPOKE_EMAIL, "spoke_officer", room_get_by_code(code="spoke-mh"))


def log_in(page, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("form:has(#id_login) button[type=submit]")


def open_path(page, base_url: str, path: str) -> None:
    """Open a page and insist that it answered 200."""
    response = page.goto(f"{base_url}{path}")
    assert response.status == 200, f"{path} answered {response.status}"


def blocking_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["html"][:160] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def use_language(page, base_url: str, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base_url}])


def scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")
