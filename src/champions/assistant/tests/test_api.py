"""POST /api/v1/assistant/ask: the contract, 422 on bad questions, 429 over the rate limit."""

import pytest
from django.core.cache import cache

from champions.assistant.models import Conversation, Turn

URL = "/api/v1/assistant/ask"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def test_anonymous_ask_answers_with_citations_best_first(client, catalogue):
    response = client.post(
        URL,
        {"question": "Buyer ne 60 din se payment nahi kiya, main kya karun?"},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "answer",
        "language",
        "citations",
        "confidence",
        "follow_up",
        "conversation_id",
        "handoff",
    }
    assert body["language"] == "hinglish"
    assert body["citations"][0]["source_id"] == "delayed_payment"
    assert body["citations"][0]["url"] == "/assistant/sources/delayed_payment/"
    assert "45 दिन" in body["answer"]  # Hinglish questions are answered in Hindi
    assert body["handoff"] is False
    assert 0.175 <= body["confidence"] <= 1


def test_hindi_question_gets_hindi_titles(client, catalogue):
    body = client.post(
        URL, {"question": "मैं बढ़ई हूँ, औज़ार के लिए मदद?"}, content_type="application/json"
    ).json()
    assert body["language"] == "hi"
    assert body["citations"][0]["source_id"] == "pm_vishwakarma"
    assert body["citations"][0]["title"] == "पीएम विश्वकर्मा"
    assert "₹15,000" in body["answer"]


def test_the_conversation_id_carries_the_context(client, catalogue):
    first = client.post(
        URL, {"question": "What is the subsidy under PMEGP?"}, content_type="application/json"
    ).json()
    second = client.post(
        URL,
        {"question": "and for a woman entrepreneur?", "conversation_id": first["conversation_id"]},
        content_type="application/json",
    ).json()
    assert second["conversation_id"] == first["conversation_id"]
    assert second["citations"][0]["source_id"] == "pmegp"
    assert Turn.objects.filter(conversation_id=first["conversation_id"]).count() == 4


@pytest.mark.parametrize(
    ("question", "message"),
    [("   ", "Type a question."), ("x" * 1001, "Keep the question under 1000 characters.")],
)
def test_empty_or_oversized_question_is_422_with_a_message(client, catalogue, question, message):
    response = client.post(URL, {"question": question}, content_type="application/json")
    assert response.status_code == 422
    assert response.json() == {
        "detail": message,
        "code": "validation_failed",
        "errors": {"question": [message]},
    }
    assert Conversation.objects.count() == 0


def test_missing_question_is_422(client):
    response = client.post(URL, {}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == {"question": ["This field is required."]}


def test_over_the_rate_limit_is_429_and_nothing_is_stored(client, catalogue, settings):
    settings.ASSISTANT_RATE_LIMIT_PER_MINUTE = 2
    for _ in range(2):
        ok = client.post(
            URL, {"question": "gst return kab bharna hai"}, content_type="application/json"
        )
        assert ok.status_code == 200
    response = client.post(
        URL, {"question": "gst return kab bharna hai"}, content_type="application/json"
    )
    assert response.status_code == 429
    assert response.json() == {
        "detail": "Too many questions: please wait a minute and ask again.",
        "code": "rate_limited",
    }
    assert Turn.objects.count() == 4


def test_talk_to_a_person_with_a_number_is_a_handoff(client, catalogue):
    body = client.post(
        URL,
        {"question": "Talk to a person, my number is 9876543210, Delhi"},
        content_type="application/json",
    ).json()
    assert body["handoff"] is True
    assert body["citations"] == []
