"""In chromium: the DPDP notice with its grievance officer, an owner downloading and correcting
their data and asking for erasure, and a hub officer deciding it; in English and Hindi, at
360 px, with no serious axe violation and no CSP error."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import expect

from champions.accounts.models import User
from champions.privacy.models import ErasureRequest

from .conftest import (
    HUB_EMAIL,
    OWNER_EMAIL,
    PHONE,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser

# (language, viewport): each flow once in English on a desktop and once in Hindi on a phone.
LANGUAGES_AND_SCREENS = [("en", None), ("hi", PHONE)]


def _t(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def _assert_page_is_sound(page, viewport) -> None:
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []
    if viewport:
        assert scroll_width(page) <= viewport["width"]


@pytest.mark.parametrize(("language", "viewport"), LANGUAGES_AND_SCREENS)
def test_the_notice_names_the_grievance_officer(
    live_server, live_data, new_page, language, viewport
):
    page = new_page(viewport)
    use_language(page, live_server.url, language)

    open_path(page, live_server.url, "/privacy/")

    expect(page.locator("html")).to_have_attribute("lang", language)
    heading = _t(language, "Questions and complaints about your data")
    expect(page.locator("#contact-heading")).to_have_text(heading)
    officer = page.locator("#grievance-officer")
    expect(officer.locator(f'a[href="mailto:{settings.PRIVACY_OFFICER_EMAIL}"]')).to_have_count(1)
    expect(officer).to_contain_text(settings.PRIVACY_OFFICER_PHONE)
    _assert_page_is_sound(page, viewport)


@pytest.mark.parametrize(("language", "viewport"), LANGUAGES_AND_SCREENS)
def test_an_owner_corrects_and_downloads_their_data(
    live_server, entrepreneur_account, pune_enterprise, new_page, language, viewport
):
    page = new_page(viewport)
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, OWNER_EMAIL)
    open_path(page, live_server.url, "/privacy/")

    with page.expect_navigation():
        page.click('#rights-heading ~ p a[href="/privacy/my-data/"]')
    expect(page.locator("h1")).to_have_text(_t(language, "Your data"))
    _assert_page_is_sound(page, viewport)
    with page.expect_navigation():
        page.click('#correct-heading ~ ul a[href^="/profile/"]')
    page.fill("#id_full_name", "Asha Corrected")
    with page.expect_navigation():
        page.click('form[action="/profile/details/"] button[type=submit]')
    expect(page.locator("#id_full_name")).to_have_value("Asha Corrected")
    open_path(page, live_server.url, "/privacy/my-data/")
    with page.expect_download() as download:
        page.click('a[href="/privacy/my-data/download/"]')

    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert (data["account"]["email"], data["account"]["full_name"]) == (
        OWNER_EMAIL,
        "Asha Corrected",
    )
    assert [unit["name"] for unit in data["enterprises"]] == [pune_enterprise.name]


@pytest.mark.parametrize(("language", "viewport"), LANGUAGES_AND_SCREENS)
def test_an_owner_asks_for_erasure_and_a_hub_officer_erases(
    live_server, entrepreneur_account, hub_officer_account, new_page, language, viewport
):
    owner = new_page(viewport)
    use_language(owner, live_server.url, language)
    log_in(owner, live_server.url, OWNER_EMAIL)
    open_path(owner, live_server.url, "/privacy/my-data/")
    owner.fill("#id_reason", "Closing my business")
    with owner.expect_navigation():
        owner.click('form[action="/privacy/my-data/erase/"] button[type=submit]')
    expect(owner.locator("#messages")).to_contain_text(
        _t(language, "Your request was sent. An officer will decide it.")
    )
    expect(owner.locator('form[action="/privacy/my-data/erase/"]')).to_have_count(0)
    hub = new_page(viewport)
    use_language(hub, live_server.url, language)
    log_in(hub, live_server.url, HUB_EMAIL)
    open_path(hub, live_server.url, "/privacy/erasure-requests/")
    card = hub.locator("section.card", has_text=OWNER_EMAIL)
    expect(card).to_contain_text("Closing my business")
    _assert_page_is_sound(hub, viewport)

    card.locator('input[name="decision"][value="erase"]').check()
    card.locator("#id_note").fill("Erased under s. 12")
    with hub.expect_navigation():
        card.locator("button[type=submit]").click()

    expect(hub.locator("#messages")).to_contain_text(_t(language, "The request was decided."))
    expect(hub.locator("section.card h2").first).to_contain_text(_t(language, "Erased"))
    assert ErasureRequest.objects.get().status == "done"
    assert not User.objects.get(pk=entrepreneur_account.pk).is_active
    owner.goto(f"{live_server.url}/privacy/my-data/")
    expect(owner).to_have_url(f"{live_server.url}/accounts/login/?next=/privacy/my-data/")
