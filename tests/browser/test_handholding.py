"""Hand-holding and MSME Samadhaan in chromium, as the issue's "done when" reads: an officer
opens an enterprise, sees its whole relationship on one page, opens a case with a step and
closes it with an outcome; then files a Samadhaan application from the unit's delayed-payment
grievance and sees its status come back from the sandbox. Axe finds nothing serious or
critical, and the overview fits 360 px in Hindi."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from champions.cases.models import Case
from champions.cases.services import case_open
from champions.grievances.models import Grievance
from champions.grievances.services import GrievanceInput, grievance_lodge
from champions.roomnet.services import review_schedule
from champions.samadhaan.models import Filing

from .conftest import (
    APPELLATE_EMAIL,
    PHONE,
    SPOKE_EMAIL,
    blocking_violations,
    log_in,
    open_path,
    scroll_width,
    use_language,
)

pytestmark = pytest.mark.browser


def _click_and_wait(page, locator) -> None:
    """Click what navigates, and wait for the new page before reading it."""
    with page.expect_navigation():
        locator.click()


def _check(page) -> None:
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


@pytest.fixture
def delayed_payment(pune_enterprise, entrepreneur_account):
    data = GrievanceInput(
        subject="Sahyadri Auto has not paid invoice 42",
        description="Invoice 42 of Rs 8 lakh, accepted on 5 March, is still unpaid.",
        enterprise_id=pune_enterprise.pk,
        category="delayed_payment",
    )
    return grievance_lodge(actor=entrepreneur_account, data=data).grievance


def test_officer_holds_a_units_hand_and_files_on_samadhaan(
    live_server, spoke_officer_account, pune_enterprise, delayed_payment, page
):
    log_in(page, live_server.url, SPOKE_EMAIL)
    open_path(page, live_server.url, f"/enterprises/{pune_enterprise.pk}/")
    _click_and_wait(page, page.get_by_role("link", name="Whole relationship and hand-holding"))
    for heading in (
        "Grievances",
        "Schemes it is eligible for",
        "Compliance due in the next 60 days",
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    _check(page)
    page.locator("#id_goal").fill("A CGTMSE loan sanctioned")
    _click_and_wait(page, page.get_by_role("button", name="Open a hand-holding case"))
    page.locator("#id_step-title").fill("Send the last two balance sheets")
    page.locator("#id_step-owner").select_option(label="owner@example.com")
    page.locator("#id_step-due_on").fill("2099-01-31")
    _click_and_wait(page, page.get_by_role("button", name="Add the step"))
    expect(page.get_by_text("Send the last two balance sheets")).to_be_visible()
    _check(page)
    page.locator("#id_close-outcome").select_option("achieved")
    page.locator("#id_close-outcome_note").fill("Loan of ₹20 lakh sanctioned.")
    _click_and_wait(page, page.get_by_role("button", name="Close the case"))
    expect(page.get_by_text("Goal achieved").first).to_be_visible()
    assert Case.objects.get().status == "closed"  # read once the closing request has answered

    open_path(page, live_server.url, f"/grievances/{delayed_payment.pk}/")
    _click_and_wait(page, page.get_by_role("link", name="File on MSME Samadhaan"))
    page.locator("#id_buyer_name").fill("Sahyadri Auto Ltd")
    page.locator("#id_number_1").fill("INV-42")
    page.locator("#id_amount_1").fill("800000")
    page.locator("#id_accepted_on_1").fill("2026-03-05")
    _check(page)
    _click_and_wait(page, page.get_by_role("button", name="File the application"))
    _click_and_wait(page, page.get_by_role("button", name="Check the status now"))
    expect(page.get_by_text("Taken up by the Facilitation Council").first).to_be_visible()
    filing = Filing.objects.get()
    expect(page.get_by_text(filing.reference).first).to_be_visible()
    _check(page)


def test_overview_fits_a_phone_in_hindi(
    live_server, spoke_officer_account, pune_enterprise, new_page
):
    phone = new_page(PHONE)
    use_language(phone, live_server.url, "hi")
    log_in(phone, live_server.url, SPOKE_EMAIL)
    open_path(phone, live_server.url, f"/enterprises/{pune_enterprise.pk}/overview/")
    expect(phone.get_by_role("heading", name="सहायता (हैंड-होल्डिंग) के मामले")).to_be_visible()
    assert scroll_width(phone) <= PHONE["width"]


def test_the_new_pages_fit_a_phone_and_pass_axe_in_both_languages(
    live_server,
    spoke_officer_account,
    hub_officer_account,
    pune_enterprise,
    delayed_payment,
    new_page,
):
    case = case_open(
        actor=spoke_officer_account, enterprise_id=pune_enterprise.pk, goal="ZED bronze"
    )
    review = review_schedule(
        actor=hub_officer_account,
        room_id=spoke_officer_account.control_room_id,
        scheduled_for=timezone.now() + timedelta(days=2),
        video_link="https://vc.example.gov.in/r/1",
    )
    paths = [
        "/cases/",
        f"/cases/{case.pk}/",
        "/cases/my-steps/",
        "/rooms/",
        f"/rooms/reviews/{review.pk}/",
        f"/rooms/consult/{delayed_payment.pk}/",
        "/help/sop/",
        "/help/sop/hand-holding/",
        "/help/sop/onboarding/",
        f"/gem/enterprises/{pune_enterprise.pk}/",
        f"/samadhaan/file/{delayed_payment.pk}/",
        "/samadhaan/",
    ]
    for language in ("en", "hi"):
        phone = new_page(PHONE)
        use_language(phone, live_server.url, language)
        log_in(phone, live_server.url, SPOKE_EMAIL)
        for path in paths:
            open_path(phone, live_server.url, path)
            assert scroll_width(phone) <= PHONE["width"], (
                f"{path} ({language}) is wider than 360 px"
            )
            _check(phone)


def test_the_grievance_page_links_to_the_sop_step_on_a_phone_in_both_languages(
    live_server, spoke_officer_account, appellate_officer_account, delayed_payment, new_page
):
    """The officer follows "How to handle this" from the grievance to its SOP step; the
    appellate officer, on an appealed grievance, to the appeal page. 360 px, axe, en + hi."""
    for language, link in (("en", "How to handle this"), ("hi", "इसे कैसे संभालें")):
        phone = new_page(PHONE)
        use_language(phone, live_server.url, language)
        log_in(phone, live_server.url, SPOKE_EMAIL)
        open_path(phone, live_server.url, f"/grievances/{delayed_payment.pk}/")
        _check(phone)
        # wait_for_load_state() right after the click returned at once: the grievance page
        # itself was loaded. Wait for the SOP page's address instead.
        phone.get_by_role("link", name=link).click()
        phone.wait_for_url(re.compile("/help/sop/grievance-handling/#step-1$"))
        expect(phone.locator("#step-1")).to_be_visible()
        assert scroll_width(phone) <= PHONE["width"]
        _check(phone)

    Grievance.objects.filter(pk=delayed_payment.pk).update(status="appealed")
    for language, title in (("en", "Deciding an appeal"), ("hi", "अपील पर निर्णय")):
        phone = new_page(PHONE)
        use_language(phone, live_server.url, language)
        log_in(phone, live_server.url, APPELLATE_EMAIL)
        open_path(phone, live_server.url, f"/grievances/{delayed_payment.pk}/")
        phone.locator(".sop-hint a").click()
        phone.wait_for_url(re.compile("/help/sop/appeal-handling/#step-1$"))
        expect(phone.get_by_role("heading", name=title)).to_be_visible()
        assert scroll_width(phone) <= PHONE["width"]
        _check(phone)
