"""The assistant in chromium: asking from the panel on any page (keyboard only, the answer in
a live region), a follow-up that keeps the context, a hand-off that puts a call-back in the
control room's queue, and the Hindi full page at 360 px with no serious axe violation."""

import pytest

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
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "chat-panel-question"
    _ask(page, "chat-panel", "Buyer ne 60 din se payment nahi kiya, main kya karun?")
    answer = page.locator("#chat-panel-log .chat-bot").last
    assert "अधिकतम 45 दिन बाद" in answer.inner_text()  # Hinglish is answered in Hindi
    assert answer.locator("a[href='/assistant/sources/delayed_payment/']").count() == 1
    assert page.locator("#chat-panel-log").get_attribute("aria-live") == "polite"
    assert page.evaluate("document.activeElement.id") == "chat-panel-question"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.hasAttribute('data-assistant-toggle')")
    assert page.csp_errors == []


def test_a_follow_up_keeps_the_context(live_server, assistant_ready, page):
    open_path(page, live_server.url, "/assistant/")
    _ask(page, "chat-page", "What is the subsidy under PMEGP?")
    _ask(page, "chat-page", "and for a woman entrepreneur?")
    answer = page.locator("#chat-page-log .chat-bot").last.locator("p").first.inner_text()
    assert answer.startswith("Subsidy of 15% (urban) or 25% (rural)")
    assert "women" in answer


def test_a_hand_off_queues_a_call_back(live_server, assistant_ready, page):
    open_path(page, live_server.url, "/assistant/")
    page.locator("#chat-page-log").wait_for(state="attached")
    _ask(page, "chat-page", "I want to talk to a person")
    _ask(page, "chat-page", "9876543210, Maharashtra")
    answer = page.locator("#chat-page-log .chat-bot").last.inner_text()
    assert "will call you on 9876543210" in answer
    callback = CallbackRequest.objects.get()
    assert callback.room == room_get_by_code(code="spoke-mh")
    assert "Visitor: I want to talk to a person" in callback.transcript


def test_the_hindi_page_at_360_px(live_server, assistant_ready, new_page):
    page = new_page(PHONE)
    use_language(page, live_server.url, "hi")
    open_path(page, live_server.url, "/assistant/")
    assert page.locator("h1").inner_text() == "सहायक से पूछें"
    _ask(page, "chat-page", "मैं बढ़ई हूँ, औज़ार के लिए मदद?")
    answer = page.locator("#chat-page-log .chat-bot").last.inner_text()
    assert "₹15,000 टूलकिट प्रोत्साहन" in answer
    assert scroll_width(page) <= PHONE["width"]
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
    assert page.csp_errors == []


def test_the_panel_at_360_px_has_no_serious_violation(live_server, assistant_ready, new_page):
    page = new_page(PHONE)
    open_path(page, live_server.url, "/")
    page.click("[data-assistant-toggle]")
    assert scroll_width(page) <= PHONE["width"]
    violations = blocking_violations(page)
    assert violations == [], "\n".join(violations)
