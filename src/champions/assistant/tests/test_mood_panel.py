"""The dashboard's assistant-mood panel: counts of visitors' messages per sentiment."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.assistant.models import Conversation, Turn
from champions.assistant.mood_panel import assistant_mood_panel

pytestmark = pytest.mark.django_db


def _messages(*sentiments: str) -> Conversation:
    conversation = Conversation.objects.create(id=uuid.uuid4())
    for sentiment in sentiments:
        Turn.objects.create(
            conversation=conversation, role="user", text="payment delayed", sentiment=sentiment
        )
    return conversation


def test_the_panel_counts_messages_per_sentiment_over_30_days():
    _messages("Negative", "Negative", "Positive", "")
    old = _messages("Negative")
    Turn.objects.filter(conversation=old).update(created_at=timezone.now() - timedelta(days=31))

    panel = assistant_mood_panel()

    assert panel.rows == [
        ("Messages read by the AI, last 30 days", "3"),
        ("Negative", "2 (67 %)"),
        ("Positive", "1 (33 %)"),
    ]


def test_the_dashboard_shows_the_panel(client, hub_officer):
    _messages("Negative")
    client.force_login(hub_officer)

    page = client.get(reverse("web:insights:dashboard")).content.decode()

    assert "How people feel in assistant chats" in page
