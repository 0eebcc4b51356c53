"""Browser tests: Playwright's sync API driving Debian's chromium against `live_server`.

Nothing is downloaded: the browser is /usr/bin/chromium, launched headless. The live server
uses a transactional database, which the session fixture in tests/fixtures.py does not seed,
so `live_data` loads the reference data and the control-room network for each test.
"""

import os
import re
import shutil

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache

from champions.accounts.services import user_create
from champions.controlrooms.selectors import hub_get
from champions.controlrooms.services import network_load
from champions.core.reference import reference_data_load

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


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh context (no cookies) per test; CSP errors are collected on `page.csp_errors`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-IN")
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
    yield new_page
    context.close()


@pytest.fixture
def live_data(transactional_db):
    cache.clear()  # allauth's rate limits live in the locmem cache
    reference_data_load()
    network_load()
    yield
    cache.clear()


@pytest.fixture
def hub_officer_account(live_data):
    user = user_create(
        email=HUB_EMAIL, password=PASSWORD, role="hub_officer", control_room_id=hub_get().pk
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def log_in(page, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("form:has(#id_login) button[type=submit]")
