"""The dashboard's assistant-mood panel: counts of visitors' messages per sentiment, named in
the reader's language, and cached like the dashboard's other figures."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from champions.assistant.models import Conversation, Turn
from champions.assistant.mood_panel import assistant_mood_panel
from champions.insights.hooks import PANEL_TTL, dashboard_panels
from champions.insights.version import rollups_changed

pytestmark = pytest.mark.django_db
TITLE = "How people feel in assistant chats"


@pytest.fixture(autouse=True)
def _no_cached_panels():
    cache.clear()
    with translation.override("en"):  # a request with a Hindi cookie leaves Hindi active
        yield


def _messages(*sentiments: str) -> Conversation:
    conversation = Conversation.objects.create(id=uuid.uuid4())
    for sentiment in sentiments:
        Turn.objects.create(
            conversation=conversation, role="user", text="payment delayed", sentiment=sentiment
        )
    return conversation


def test_the_panel_counts_messages_per_sentiment_over_30_days():
    _messages("negative", "negative", "positive", "")
    old = _messages("negative")
    Turn.objects.filter(conversation=old).update(created_at=timezone.now() - timedelta(days=31))

    panel = assistant_mood_panel()

    assert panel.rows == [
        ("Messages read by the AI, last 30 days", "3"),
        ("Negative", "2 (67 %)"),
        ("Positive", "1 (33 %)"),
    ]


def test_a_hindi_reader_sees_hindi_sentiment_names():
    _messages("very_negative", "neutral")

    with translation.override("hi"):
        rows = assistant_mood_panel().rows

    assert [value for _label, value in rows] == ["2", "1 (50 %)", "1 (50 %)"]
    assert [label for label, _value in rows[1:]] == ["तटस्थ", "बहुत नकारात्मक"]  # ties: by code


def test_the_dashboard_shows_the_panel(client, hub_officer):
    _messages("negative")
    client.force_login(hub_officer)

    page = client.get(reverse("web:insights:dashboard")).content.decode()
    client.cookies["django_language"] = "hi"
    hindi = client.get(reverse("web:insights:dashboard")).content.decode()

    assert TITLE in page
    assert "<dt>Negative</dt>" in page
    assert "<dt>नकारात्मक</dt>" in hindi


def _panel(panels):
    return next(panel for panel in panels if panel.title == TITLE)


def _turn_reads(captured) -> int:
    return sum(Turn._meta.db_table in q["sql"] for q in captured.captured_queries)


def test_the_panel_is_cached_until_the_rollups_change():
    _messages("negative")
    first = _panel(dashboard_panels(user=AnonymousUser()))
    _messages("positive")
    with CaptureQueriesContext(connection) as cached:
        again = _panel(dashboard_panels(user=AnonymousUser()))
    rollups_changed()
    after = _panel(dashboard_panels(user=AnonymousUser()))

    assert (first.rows[0][1], again.rows[0][1], after.rows[0][1]) == ("1", "1", "2")
    assert _turn_reads(cached) == 0
    assert PANEL_TTL <= 30  # never staler than one refresh of the dashboard


def test_each_language_has_its_own_cached_panel():
    _messages("negative")
    english = _panel(dashboard_panels(user=AnonymousUser()))
    with translation.override("hi"):
        hindi = next(p for p in dashboard_panels(user=AnonymousUser()) if p.title == gettext(TITLE))

    assert english.rows[1][0] == "Negative"
    assert hindi.rows[1][0] == "नकारात्मक"
