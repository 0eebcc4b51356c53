"""Partners in chromium: a foreign SME signs up and a hub officer approves it; an Indian unit
that writes in Hindi finds a German buyer that wrote in English, sends an introduction that is
accepted, and both exchange messages; the owner edits the profile with the code picker; every
network page fits 360 px in English and Hindi with a usable menu. Axe finds nothing serious
or critical and no page breaks the content security policy."""

import re

import pytest
from playwright.sync_api import expect

from champions.network import services
from champions.network.demo_searches import searches_demo_load
from champions.network.models import Introduction, Profile
from champions.network.validation import ProfileInput

from .conftest import (
    HUB_EMAIL,
    OWNER_EMAIL,
    PHONE,
    _account,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser

PARTNER_EMAIL = "partner@example.com"


def _check(page) -> None:
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


def _click_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


@pytest.fixture
def german_buyer(hub_officer_account):
    """Strickwerk GmbH, approved, with a published request for cotton yarn (in English)."""
    user = _account(PARTNER_EMAIL, "entrepreneur")
    profile = services.foreign_profile_signup(
        user=user,
        data=ProfileInput(
            name="Strickwerk GmbH",
            country="DE",
            description="We knit T-shirts in Chemnitz and buy combed cotton yarn.",
            needs="Combed cotton yarn, Ne 30",
            hs_codes=["610910"],
            needs_hs_codes=["520524"],
            registration_number="HRB 12345",
            website="https://strickwerk.example",
        ),
    )
    services.profile_review(user=hub_officer_account, profile_id=profile.pk, approve=True)
    post = services.post_create(
        user=user,
        profile_id=profile.pk,
        kind="business_request",
        title="Combed cotton yarn wanted",
        text="We need Ne 30 combed cotton yarn for knitting, 20 tonnes a month.",
        hs_codes=["520524"],
    )
    return services.post_review(user=hub_officer_account, post_id=post.pk, approve=True)


@pytest.fixture
def hindi_spinner(pune_enterprise):
    """The entrepreneur's unit, whose profile is written in Hindi."""
    owner = pune_enterprise.representatives.get()
    profile = services.profile_create_from_enterprise(
        user=owner,
        enterprise_id=pune_enterprise.pk,
        data=ProfileInput(
            name="",
            country="IN",
            description="हम कंघी किया हुआ सूती धागा बनाते हैं।",
            hs_codes=["520524"],
        ),
    )
    Profile.objects.filter(pk=profile.pk).update(phone="+91 98220 12345")
    profile.refresh_from_db()
    return profile


def test_foreign_sme_signs_up_and_the_hub_approves_it(
    live_server, hub_officer_account, page, new_page
):
    _account(PARTNER_EMAIL, "entrepreneur")
    log_in(page, live_server.url, PARTNER_EMAIL)
    open_path(page, live_server.url, "/network/profiles/new/")
    page.get_by_label("Company name").fill("Tessitura Verdi Srl")
    page.get_by_label("Country (ISO code)").fill("IT")
    page.get_by_label("Company registration number").fill("MI-2087731")
    page.get_by_label("Website").fill("https://tessitura-verdi.example")
    page.get_by_label("What you make and offer").fill("We weave cotton shirting fabric.")
    page.get_by_label("HS codes").fill("520812")
    _check(page)
    _click_and_wait(page, page.get_by_role("button", name="Save"))
    mine = page.locator("#mine-heading + ul")
    expect(mine).to_contain_text("Tessitura Verdi Srl (Awaiting review)")

    hub = new_page(PHONE)
    log_in(hub, live_server.url, HUB_EMAIL)
    open_path(hub, live_server.url, "/network/review/")
    assert scroll_width(hub) <= PHONE["width"]
    _check(hub)
    card = hub.locator(".card", has_text="Tessitura Verdi Srl")
    _click_and_wait(hub, card.get_by_role("button", name="Approve"))
    expect(hub.get_by_text("No profile awaits review.")).to_be_visible()

    page.reload()
    expect(mine).to_contain_text("Tessitura Verdi Srl (Approved)")
    assert Profile.objects.get(name="Tessitura Verdi Srl").review_status == "approved"


def test_indian_unit_finds_a_buyer_across_languages_and_is_introduced(
    live_server, german_buyer, hindi_spinner, page, new_page
):
    unit = new_page(PHONE)
    use_language(unit, live_server.url, "hi")
    log_in(unit, live_server.url, OWNER_EMAIL)
    open_path(unit, live_server.url, "/network/match/")
    unit.locator("#id_text").fill("हम सूती धागा बनाते हैं, खरीदार चाहिए")
    unit.locator("#id_kind").select_option("business_offer")
    _click_and_wait(unit, unit.locator("main form button[type=submit]"))
    best = unit.locator("ol.card-list > li").first
    expect(best).to_contain_text("Strickwerk GmbH")
    expect(best).to_contain_text("needs HS 5205 cotton yarn")
    assert scroll_width(unit) <= PHONE["width"]
    _check(unit)

    open_path(unit, live_server.url, f"/network/posts/{german_buyer.pk}/")
    unit.locator("#id_message").fill("हम Ne 30 कंघी किया सूती धागा 20 टन प्रति माह दे सकते हैं।")
    _click_and_wait(unit, unit.locator("form[action$='/interest/'] button[type=submit]"))
    intro = Introduction.objects.get()
    expect(unit).to_have_url(re.compile(f"/network/introductions/{intro.pk}/$"))
    expect(unit.locator("main")).not_to_contain_text("+91 98220 12345")
    _check(unit)

    log_in(page, live_server.url, PARTNER_EMAIL)
    open_path(page, live_server.url, f"/network/posts/{german_buyer.pk}/")
    _click_and_wait(page, page.get_by_role("link", name="Deccan Precision Tools"))
    _click_and_wait(page, page.get_by_role("button", name="Accept"))
    expect(page.locator("main")).to_contain_text("+91 98220 12345")
    page.locator("#id_body").fill("Please send a sample of 5 kg to Chemnitz.")
    _click_and_wait(page, page.locator("form:has(#id_body) button[type=submit]"))
    _check(page)

    unit.reload()
    thread = unit.locator("main")
    expect(thread).to_contain_text("Please send a sample of 5 kg to Chemnitz.")
    expect(thread).to_contain_text(PARTNER_EMAIL)  # the buyer's contact, now shared
    assert scroll_width(unit) <= PHONE["width"]
    _check(unit)


def test_owner_edits_the_profile_with_the_code_picker(live_server, hindi_spinner, page):
    log_in(page, live_server.url, OWNER_EMAIL)
    page.set_viewport_size(PHONE)
    open_path(page, live_server.url, f"/network/profiles/{hindi_spinner.pk}/edit/")
    expect(page.locator(".code-picker").first).to_contain_text("HS 520524")
    page.get_by_label("Find a product code by words or digits").first.fill("knitted t-shirts")
    add = page.get_by_role("button", name="Add 6109", exact=True)
    add.click()
    expect(page.get_by_label("Your products (HS codes)")).to_have_value("520524 6109")
    page.get_by_label("Countries you export to (ISO codes)").fill("DE ZZ")
    _click_and_wait(page, page.get_by_role("button", name="Save"))
    expect(page.locator("main")).to_contain_text(
        "Unknown country codes (ISO 3166, two letters): ZZ"
    )
    page.get_by_label("Countries you export to (ISO codes)").fill("DE")
    page.get_by_label("Deutsch (German)").check()
    _click_and_wait(page, page.get_by_role("button", name="Save"))
    hindi_spinner.refresh_from_db()
    assert hindi_spinner.hs_codes == ["520524", "6109"]
    assert hindi_spinner.export_countries == ["DE"]
    assert hindi_spinner.languages == ["de"]
    assert scroll_width(page) <= PHONE["width"]
    _check(page)


@pytest.fixture
def introduced(german_buyer, hindi_spinner):
    owner = hindi_spinner.owner
    return services.introduction_request(
        user=owner, post_id=german_buyer.pk, from_profile_id=hindi_spinner.pk, message="नमस्ते"
    )


NETWORK_PAGES = [
    "/network/",
    "/network/match/?text=सूती+धागा&kind=business_offer",
    "/network/posts/{post}/",
    "/network/introductions/{intro}/",
    "/network/profiles/{profile}/trust/",
    "/network/profiles/{profile}/edit/",
    "/network/profiles/{profile}/trust/facts/",
    "/network/profiles/new/",
    "/network/posts/new/",
    "/network/market/",
]


@pytest.mark.parametrize("language", ["en", "hi"])
def test_network_pages_fit_360_px_with_a_usable_menu(live_server, introduced, page, language):
    searches_demo_load()  # the market page's searches table too
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, OWNER_EMAIL)
    page.set_viewport_size(PHONE)
    ids = {"post": introduced.post_id, "intro": introduced.pk}
    ids["profile"] = introduced.from_profile_id
    for path in NETWORK_PAGES:
        open_path(page, live_server.url, path.format(**ids))
        assert page.get_attribute("html", "lang") == language
        assert scroll_width(page) <= PHONE["width"], path
        _check(page)
    menu = page.locator("button.nav-toggle")
    expect(menu).to_be_visible()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    partners = page.get_by_role("navigation").locator("a[href='/network/']")
    expect(partners).to_be_visible()
    _click_and_wait(page, partners)
    expect(page).to_have_url(f"{live_server.url}/network/")


def test_blocking_asks_first(live_server, introduced, page):
    """The confirmation was an inline onclick, which the CSP refused: the unit was blocked
    without being asked."""
    log_in(page, live_server.url, PARTNER_EMAIL)
    open_path(page, live_server.url, f"/network/introductions/{introduced.pk}/")
    # Wait for the dialog itself rather than a fixed 300 ms: the handler dismisses it, and
    # leaving `expect_event` waits until it has been shown.
    page.once("dialog", lambda dialog: dialog.dismiss())
    with page.expect_event("dialog") as asked:
        page.get_by_role("button", name="Block").click()
    expected = "Block this unit? It will not be able to write to you about this post."
    assert asked.value.message == expected
    introduced.refresh_from_db()
    assert introduced.status == "pending"
    page.once("dialog", lambda dialog: dialog.accept())
    _click_and_wait(page, page.get_by_role("button", name="Block"))
    introduced.refresh_from_db()
    assert introduced.status == "blocked"
    _check(page)
