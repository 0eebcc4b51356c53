"""The searchable department and control-room pickers of the grievance page, in chromium: with
JavaScript (htmx narrows the list as one types) and without (the "Find" button reloads the page
with the matches), in Hindi at 360 px and in English on a desktop, with axe."""

import pytest
from playwright.sync_api import expect

from champions.grievances.models import Grievance
from champions.grievances.services import GrievanceInput, grievance_lodge, grievance_transition

from .conftest import (
    DESKTOP,
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


@pytest.fixture
def in_progress(entrepreneur_account, spoke_officer_account, pune_enterprise):
    data = GrievanceInput(
        subject="Textile export incentive not paid",
        description="The RoSCTL credit for our garment exports has not come for six months.",
        enterprise_id=pune_enterprise.pk,
        category="other",
    )
    grievance = grievance_lodge(actor=entrepreneur_account, data=data).grievance
    for action in ("assign", "start"):
        grievance_transition(
            grievance_id=grievance.pk, action=action, actor=spoke_officer_account, note=""
        )
    return grievance


def _options(page, select: str) -> list[str]:
    return page.eval_on_selector_all(f"{select} option", "els => els.map(e => e.textContent)")


@pytest.mark.parametrize(
    ("_case", "language", "viewport", "query", "label"),
    [
        ("Hindi on a phone", "hi", PHONE, "कानपुर", "चैंपियंस नियंत्रण कक्ष, कानपुर"),
        ("English on a desktop", "en", DESKTOP, "kanpur", "Champions Control Room, Kanpur"),
    ],
)
def test_the_room_picker_narrows_as_one_types_and_the_transfer_goes_through(
    live_server, in_progress, new_page, _case, language, viewport, query, label
):
    page = new_page(viewport)
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, SPOKE_EMAIL)
    open_path(page, live_server.url, f"/grievances/{in_progress.pk}/")
    assert len(_options(page, "#id_room")) == 37  # the blank, and every room but its own

    page.fill("#id_room_find", query)
    expect(page.locator("#id_room option")).to_have_count(2)

    assert _options(page, "#id_room")[1] == label
    expect(page.locator("#id_room_count")).to_contain_text("1")  # swapped out of band
    assert blocking_violations(page) == []
    if viewport == PHONE:
        assert scroll_width(page) <= PHONE["width"]
    page.focus("#id_room")
    page.keyboard.press("ArrowDown")  # the keyboard chooses, as in any select
    page.fill("#id_reason", "Kanpur unit handles garment exports")
    with page.expect_navigation():
        page.click("form:has(#id_room) button[type=submit]:not([form])")
    assert Grievance.objects.get(pk=in_progress.pk).room.code == "spoke-up"


@pytest.mark.parametrize(
    ("_case", "language", "viewport", "query", "label"),
    [
        ("Hindi on a phone", "hi", PHONE, "वस्त्र", "वस्त्र मंत्रालय"),
        ("English on a desktop", "en", DESKTOP, "textiles", "Ministry of Textiles"),
    ],
)
def test_the_department_picker_works_without_javascript(
    live_server, browser, in_progress, _case, language, viewport, query, label
):
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    try:
        page = context.new_page()
        use_language(page, live_server.url, language)
        log_in(page, live_server.url, SPOKE_EMAIL, PASSWORD)
        open_path(page, live_server.url, f"/grievances/{in_progress.pk}/")
        assert len(_options(page, "#id_referral_organisation")) == 93

        page.fill("#id_referral_organisation_find", query)
        with page.expect_navigation():
            page.click("form:has(#id_referral_organisation) .picker-find button")

        assert _options(page, "#id_referral_organisation") == ["---------", label]
        assert page.input_value("#id_referral_organisation_find") == query
        page.select_option("#id_referral_organisation", index=1)
        page.fill("#id_referral_reason", "The ministry pays the RoSCTL credit")
        with page.expect_navigation():
            page.click("form:has(#id_referral_organisation) button[type=submit]:not([form])")
        assert Grievance.objects.get(pk=in_progress.pk).referred_to == "Ministry of Textiles"
    finally:
        context.close()
