"""Grievances in chromium: axe on every grievance page, the 360 px layout, service levels shown
in words, and the whole lifecycle through the real forms and buttons."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from champions.grievances.services import GrievanceInput, grievance_lodge, grievance_transition
from champions.grievances.sla.sweep import sla_sweep

from .conftest import (
    APPELLATE_EMAIL,
    OWNER_EMAIL,
    PHONE,
    SPOKE_EMAIL,
    blocking_violations,
    log_in,
    open_path,
)

pytestmark = pytest.mark.browser

REGISTRATION_NUMBER = re.compile(r"CHMP/\d{4}/MH/\d{7}")
SUBJECT = "Payment of invoice 42 pending for 120 days"


def _lodge(owner, enterprise, subject: str):
    data = GrievanceInput(
        subject=subject,
        description="A state PSU buyer has not paid invoice 42 of Rs 8 lakh since March.",
        enterprise_id=enterprise.pk,
        category="delayed_payment",
    )
    return grievance_lodge(actor=owner, data=data).grievance


def _move(grievance, officer, *actions: str) -> None:
    for action in actions:
        note = "Done by the control room." if action in {"ask_msme", "resolve"} else ""
        grievance_transition(grievance_id=grievance.pk, action=action, actor=officer, note=note)


@pytest.fixture
def grievances(entrepreneur_account, spoke_officer_account, pune_enterprise):
    """Grievances of the Pune unit in several states, their service level set by the SLA sweep
    from the clock: 21 working days (29 to 33 calendar days) are allowed to resolve one, so a
    grievance assigned 28 days ago is at risk, and one never assigned in 60 days is breached."""
    owner, officer = entrepreneur_account, spoke_officer_account
    now = timezone.now()
    with time_machine.travel(now - timedelta(days=60)):
        breached = _lodge(owner, pune_enterprise, "Payment pending for 120 days from a PSU")
    with time_machine.travel(now - timedelta(days=28)):
        at_risk = _lodge(owner, pune_enterprise, "Bank has not sanctioned the loan")
        _move(at_risk, officer, "assign")
    on_track = _lodge(owner, pune_enterprise, "Factory licence renewal stuck")
    _move(on_track, officer, "assign", "start")
    awaiting = _lodge(owner, pune_enterprise, "GST refund for exports not received")
    _move(awaiting, officer, "assign", "start", "ask_msme")
    resolved = _lodge(owner, pune_enterprise, "Power cuts every afternoon")
    _move(resolved, officer, "assign", "start", "resolve")
    sla_sweep()
    return {"breached": breached, "at_risk": at_risk, "on_track": on_track, "resolved": resolved}


# --- Accessibility --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "path"),
    [
        ("lodge", "/grievances/new/"),
        ("my grievances", "/grievances/"),
        ("grievance page with the rating form", "resolved"),
    ],
)
def test_entrepreneur_grievance_page_has_no_serious_accessibility_violation(
    live_server, grievances, page, _case, path
):
    log_in(page, live_server.url, OWNER_EMAIL)
    if path in grievances:
        path = f"/grievances/{grievances[path].pk}/"
    open_path(page, live_server.url, path)

    violations = blocking_violations(page)

    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


@pytest.mark.parametrize(
    ("_case", "path"),
    [
        ("work queue", "/grievances/queue/"),
        ("grievance page", "on_track"),
        ("breached grievance page", "breached"),
        ("intake", "/grievances/intake/"),
    ],
)
def test_officer_grievance_page_has_no_serious_accessibility_violation(
    live_server, grievances, page, _case, path
):
    log_in(page, live_server.url, SPOKE_EMAIL)
    if path in grievances:
        path = f"/grievances/{grievances[path].pk}/"
    open_path(page, live_server.url, path)

    violations = blocking_violations(page)

    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


def test_public_tracking_has_no_serious_accessibility_violation(live_server, grievances, page):
    open_path(page, live_server.url, "/track/")
    assert blocking_violations(page) == []

    page.get_by_label("Registration number").fill(grievances["on_track"].registration_number)
    page.get_by_label("Registered mobile number or e-mail").fill(OWNER_EMAIL)
    with page.expect_navigation():
        page.get_by_role("button", name="Track").click()

    heading = page.locator("#track-result-heading")
    expect(heading).to_have_text(grievances["on_track"].registration_number)
    expect(page.locator(".badge[class*='status-']")).to_have_text("In progress")
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


# --- Layout -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "language", "path"),
    [
        ("work queue", "en", "/grievances/queue/"),
        ("work queue in Hindi", "hi", "/grievances/queue/"),
        ("grievance page", "en", "on_track"),
        ("grievance page in Hindi", "hi", "on_track"),
    ],
)
def test_grievance_page_fits_a_360_px_screen(live_server, grievances, page, _case, language, path):
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    log_in(page, live_server.url, SPOKE_EMAIL)
    page.set_viewport_size(PHONE)
    if path in grievances:
        path = f"/grievances/{grievances[path].pk}/"

    open_path(page, live_server.url, path)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")

    assert scroll_width <= PHONE["width"]


def test_queue_names_each_service_level_in_words(live_server, grievances, page):
    log_in(page, live_server.url, SPOKE_EMAIL)
    open_path(page, live_server.url, "/grievances/queue/")

    rows = {
        state: page.locator(f"#queue-results tbody tr.sla-{state}")
        for state in ("on_track", "at_risk", "breached")
    }

    assert rows["breached"].count() == 1
    assert rows["at_risk"].count() == 1
    # on track: the started one and the one awaiting the MSME; the resolved one has no clock
    assert rows["on_track"].count() == 2
    for state, words in (
        ("on_track", "On track"),
        ("at_risk", "At risk"),
        ("breached", "Breached"),
    ):
        badges = rows[state].locator(f".badge.sla-{state}")
        assert badges.all_inner_texts() == [words] * rows[state].count()


# --- The whole lifecycle --------------------------------------------------------------------------


def _click_and_wait(page, button) -> None:
    with page.expect_navigation():
        button.click()


def _act(page, button_name: str, note: str = "") -> None:
    """Press one of the grievance's action buttons, writing its note first when it needs one."""
    form = page.locator("form", has=page.get_by_role("button", name=button_name, exact=True))
    if note:
        form.get_by_label(re.compile(r"^Note")).fill(note)
    _click_and_wait(page, form.get_by_role("button", name=button_name, exact=True))
    assert page.locator(".message-error").count() == 0, page.inner_text("#messages")


def _status(page) -> str:
    return page.inner_text("main h1 + p .badge[class*='status-']")


def _nav_link(page, name: str):
    return page.get_by_role("navigation", name="Main navigation").get_by_role("link", name=name)


def _lodge_through_the_form(owner, base_url: str) -> str:
    log_in(owner, base_url, OWNER_EMAIL)
    _click_and_wait(owner, _nav_link(owner, "Lodge a grievance"))
    owner.get_by_label("On behalf of").select_option(label="Deccan Precision Tools")
    owner.get_by_label("Grievance", exact=True).check()
    owner.get_by_label("Subject").fill(SUBJECT)
    owner.get_by_label("Description").fill("A state PSU buyer has not paid invoice 42 since March.")
    owner.get_by_label("Category").select_option(label="Delayed payment")
    _click_and_wait(owner, owner.get_by_role("button", name="Send"))

    assert owner.inner_text("h1") == "Your grievance is registered"
    number = owner.inner_text(".card dd strong")
    assert REGISTRATION_NUMBER.fullmatch(number)
    return number


def _open_from_queue(officer, base_url: str, email: str, number: str) -> None:
    log_in(officer, base_url, email)
    _click_and_wait(officer, _nav_link(officer, "Work queue"))
    _click_and_wait(officer, officer.get_by_role("link", name=number, exact=True))
    assert officer.inner_text("h1") == f"{number}: {SUBJECT}"


def test_grievance_lifecycle_from_lodging_to_a_decided_appeal(
    live_server,
    entrepreneur_account,
    spoke_officer_account,
    appellate_officer_account,
    pune_enterprise,
    new_page,
):
    base_url = live_server.url
    owner, spoke, appellate = new_page(), new_page(), new_page()

    # The entrepreneur lodges through the form and gets a registration number.
    number = _lodge_through_the_form(owner, base_url)
    _click_and_wait(owner, owner.get_by_role("link", name="Open the grievance"))
    assert _status(owner) == "Submitted"

    # The Maharashtra spoke takes it up, writes to the MSME and resolves it.
    _open_from_queue(spoke, base_url, SPOKE_EMAIL, number)
    _act(spoke, "Assign to me")
    assert _status(spoke) == "Assigned"
    _act(spoke, "Start work")
    assert _status(spoke) == "In progress"
    spoke.get_by_role("textbox", name=re.compile(r"^Message")).fill(
        "We have written to the buyer's CMD."
    )
    _click_and_wait(spoke, spoke.locator("#message-form").get_by_role("button", name="Send"))
    _act(spoke, "Mark resolved", note="The buyer paid invoice 42 on Friday.")
    assert _status(spoke) == "Resolved"

    # The entrepreneur sees the reply, rates the resolution poorly: the appeal goes to the hub.
    owner.reload()
    thread = owner.locator("section[aria-labelledby='thread-heading']")
    expect(thread).to_contain_text("We have written to the buyer's CMD.")
    owner.get_by_label("1 — not at all").check()
    owner.get_by_label("Comment").fill("Only half of the amount was paid.")
    _click_and_wait(owner, owner.get_by_role("button", name="Send the rating"))
    expect(owner.locator(".message-success")).to_have_text("Thank you for your feedback.")
    assert _status(owner) == "Closed"  # a poor rating offers an appeal; the owner files it
    _act(owner, "Appeal", note="Only half of the amount was paid.")
    assert _status(owner) == "Appealed"

    # An appellate officer, who did not act on the grievance, decides the appeal.
    log_in(appellate, base_url, APPELLATE_EMAIL)
    open_path(appellate, base_url, urlparse(owner.url).path)
    _act(appellate, "Decide the appeal", note="The buyer is told to pay the rest with interest.")

    assert _status(appellate) == "Appeal decided"
    owner.reload()
    assert _status(owner) == "Appeal decided"
    timeline = owner.locator("section[aria-labelledby='timeline-heading'] li")
    assert timeline.locator("strong").all_inner_texts() == [
        "Lodged",
        "Assigned",
        "Work started",
        "Message",
        "Resolved",
        "Closed",
        "Appealed",
        "Appeal decided",
    ]
    assert "The buyer paid invoice 42 on Friday." in timeline.nth(4).inner_text()
    assert "Only half of the amount was paid." in timeline.nth(6).inner_text()  # the appeal
    assert "The buyer is told to pay the rest with interest." in timeline.nth(7).inner_text()
    assert owner.csp_errors == spoke.csp_errors == appellate.csp_errors == []
