"""Compliance in chromium: axe and the 360 px layout on the hub, the delayed-payment calculator
and an enterprise's calendar; the calculator used through its form (htmx), its result read out
from a live region and equal to the API's."""

import re
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from .conftest import (
    OWNER_EMAIL,
    PHONE,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser

FACTS = {
    "principal_inr": "250000",
    "invoice_accepted_on": "2025-01-10",
    "agreed_credit_days": "60",  # more than the Act allows: capped at 45
    "paid_on": "2025-09-30",
}
CALCULATOR = "/compliance/delayed-payment/"
WITH_RESULT = (
    f"{CALCULATOR}?{urlencode(FACTS)}&buyer_type=central_psu&buyer_name=Bharat+Heavy+Engineering"
)


def _path(path: str, enterprise) -> str:
    return path.format(id=enterprise.pk)


@pytest.mark.parametrize(
    ("_case", "path", "signed_in"),
    [
        ("hub", "/compliance/", False),
        ("hub signed in", "/compliance/", True),
        ("calculator", CALCULATOR, False),
        ("calculator with a result", WITH_RESULT, False),
        ("calculator with errors", f"{CALCULATOR}?principal_inr=-5&paid_on=x", False),
        ("calendar", "/compliance/calendar/{id}/", True),
    ],
)
def test_compliance_page_has_no_serious_accessibility_violation(
    live_server, pune_enterprise, page, _case, path, signed_in
):
    if signed_in:
        log_in(page, live_server.url, OWNER_EMAIL)
    open_path(page, live_server.url, _path(path, pune_enterprise))

    violations = blocking_violations(page)

    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


@pytest.mark.parametrize(
    ("_case", "language", "path"),
    [
        ("hub", "en", "/compliance/"),
        ("hub in Hindi", "hi", "/compliance/"),
        ("calculator with a result", "en", WITH_RESULT),
        ("calculator with a result in Hindi", "hi", WITH_RESULT),
        ("calendar", "en", "/compliance/calendar/{id}/"),
        ("calendar in Hindi", "hi", "/compliance/calendar/{id}/"),
    ],
)
def test_compliance_page_fits_a_360_px_screen(
    live_server, pune_enterprise, page, _case, language, path
):
    use_language(page, live_server.url, language)
    log_in(page, live_server.url, OWNER_EMAIL)
    page.set_viewport_size(PHONE)

    open_path(page, live_server.url, _path(path, pune_enterprise))

    assert page.get_attribute("html", "lang") == language
    assert scroll_width(page) <= PHONE["width"]


def _rupees(text: str) -> Decimal:
    return Decimal(text.strip().removeprefix("₹").replace(",", ""))


def _figure(page, term: str) -> str:
    return page.locator(f"#calculator-result dt:text-is('{term}') + dd").inner_text()


def _fill(page, facts: dict) -> None:
    page.get_by_label("Amount due (₹)").fill(facts["principal_inr"])
    page.get_by_label("Day the buyer accepted the goods or services").fill(
        facts["invoice_accepted_on"]
    )
    page.get_by_label("Credit days agreed in writing").fill(facts["agreed_credit_days"])
    page.get_by_label("Day of payment").fill(facts["paid_on"])


def test_calculator_result_is_announced_and_matches_the_api(live_server, live_data, page):
    open_path(page, live_server.url, CALCULATOR)
    live_region = page.locator("#calculator-result")
    assert live_region.get_attribute("aria-live") == "polite"
    assert live_region.inner_text().strip() == ""
    # A live region is read out when its content changes: it must be in the page before the
    # result arrives and stay the same element (not be swapped for a new one with the result).
    live_region.evaluate("region => { region.dataset.before = 'yes'; }")
    page.evaluate("window.notReloaded = true")

    _fill(page, FACTS)
    button = page.get_by_role("button", name="Work out the interest")
    button.focus()
    with page.expect_response(lambda response: "principal_inr=" in response.url):
        page.keyboard.press("Enter")
    page.locator("#result-heading").wait_for()

    assert page.evaluate("window.notReloaded") is True  # htmx, not a new page
    # The keyboard user stays on the button rather than being sent back to the top.
    expect(page.locator("#calculate")).to_be_focused()
    assert live_region.get_attribute("data-before") == "yes"
    assert live_region.get_attribute("aria-live") == "polite"
    # htmx pushes the address after the swap: wait for it rather than read it at once.
    expect(page).to_have_url(re.compile("principal_inr=250000"))  # the address can be shared
    api = page.request.get(
        f"{live_server.url}/api/v1/compliance/delayed-payment-interest?{urlencode(FACTS)}"
    )
    assert api.status == 200
    expected = api.json()
    assert expected["is_capped_at_45_days"] is True
    assert _rupees(_figure(page, "Interest")) == Decimal(expected["interest_inr"])
    assert _rupees(_figure(page, "Total payable")) == Decimal(expected["total_inr"])
    assert _figure(page, "Days late") == str(expected["days_late"])
    assert "at most 45" in _figure(page, "Payment was due by")
    assert page.locator("#calculator-result ol li").all_inner_texts() == expected["workings"]
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


def test_calculator_errors_are_announced_in_place(live_server, live_data, page):
    open_path(page, live_server.url, CALCULATOR)

    _fill(page, {**FACTS, "principal_inr": "-5"})
    with page.expect_response(lambda response: "principal_inr=" in response.url):
        page.get_by_role("button", name="Work out the interest").click()
    page.locator("#calculator [role=alert]").wait_for()

    amount = page.get_by_label("Amount due (₹)")
    expect(amount).to_have_attribute("aria-describedby", re.compile("id_principal_inr_error"))
    expect(page.locator("#result-heading")).to_have_count(0)
    expect(page.locator("#calculate")).to_be_focused()
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
