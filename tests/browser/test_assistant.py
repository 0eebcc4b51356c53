"""The assistant in chromium: asking from the panel on any page (keyboard only, the answer in
a live region), a follow-up that keeps the context, a hand-off that puts a call-back in the
control room's queue, and the Hindi full page at 360 px with no serious axe violation."""

import re

import pytest
from playwright.sync_api import expect

from champions.assistant.models import CallbackRequest
from champions.assistant.retrieval import index_get
from champions.controlrooms.selectors import room_get_by_code

from .conftest import PHONE, blocking_violations, open_path, scroll_width, use_language

pytestmark = pytest.mark.browser


@pytest.fixture
def assistant_ready(scheme_catalogue):
    return index_get(check_version=True)


def _ask(page, chat: str, question: str) -> None:
    answers = page.locator(f"#{chat}-log .chat-bot").count()
    page.fill(f"#{chat}-question", question)
    page.press(f"#{chat}-question", "Control+Enter")
    page.locator(f"#{chat}-log .chat-bot").nth(answers).wait_for()


def test_asking_from_the_panel_with_the_keyboard(live_server, assistant_ready, page):
    open_path(page, live_server.url, "/")
    toggle = page.locator("[data-assistant-toggle]")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#chat-panel-question")).to_be_focused()
    _ask(page, "chat-panel", "Buyer ne 60 din se payment nahi kiya, main kya karun?")
    answer = page.locator("#chat-panel-log .chat-bot").last
    expect(answer).to_contain_text("अधिकतम 45 दिन बाद")  # Hinglish is answered in Hindi
    expect(answer.locator("a[href='/assistant/sources/delayed_payment/']")).to_have_count(1)
    expect(page.locator("#chat-panel-log")).to_have_attribute("aria-live", "polite")
    # htmx:afterSwap moves the focus back to the box once the answer is in.
    expect(page.locator("#chat-panel-question")).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    assert page.csp_errors == []


def test_a_follow_up_keeps_the_context(live_server, assistant_ready, page):
    open_path(page, live_server.url, "/assistant/")
    _ask(page, "chat-page", "What is the subsidy under PMEGP?")
    _ask(page, "chat-page", "and for a woman entrepreneur?")
    answer = page.locator("#chat-page-log .chat-bot").last.locator("p").first
    expect(answer).to_have_text(re.compile(r"^\s*Subsidy of 15% \(urban\) or 25% \(rural\)"))
    expect(answer).to_contain_text("women")


def test_a_hand_off_queues_a_call_back(live_server, assistant_ready, page):
    open_path(page, live_server.url, "/assistant/")
    page.locator("#chat-page-log").wait_for(state="attached")
    _ask(page, "chat-page", "I want to talk to a person")
    _ask(page, "chat-page", "9876543210, Maharashtra")
    expect(page.locator("#chat-page-log .chat-bot").last).to_contain_text(
        "will call you on 9876543210"
    )
    callback = CallbackRequest.objects.get()
    assert callback.room == room_get_by_code(code="spoke-mh")
    assert "Visitor: I want to talk to a person" in callback.transcript


def test_the_hindi_page_at_360_px(live_server, assistant_ready, new_page):
    page = new_page(PHONE)
    use_language(page, live_server.url, "hi")
    open_path(page, live_server.url, "/assistant/")
    expect(page.locator("h1")).to_have_text("सहायक से पूछें")
    _ask(page, "chat-page", "मैं बढ़ई हूँ, औज़ार के लिए मदद?")
    expect(page.locator("#chat-page-log .chat-bot").last).to_contain_text("₹15,000 टूलकिट प्रोत्साहन")
    assert scroll_width(page) <= PHONE["width"]
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


def test_the_panel_at_360_px_has_no_serious_violation(live_server, assistant_ready, new_page):
    page = new_page(PHONE)
    open_path(page, live_server.url, "/")
    page.click("[data-assistant-toggle]")
    expect(page.locator("#assistant-panel")).to_be_visible()  # measure the open panel
    assert scroll_width(page) <= PHONE["width"]
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
