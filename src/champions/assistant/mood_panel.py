"""The MIS dashboard's panel of how people feel in assistant chats.

Insights sits below the assistant in the import layers (pyproject.toml), so the dashboard
cannot read the chats; as the integrations app does for CPGRAMS, the assistant registers a
panel with `insights.hooks` from `apps.ready()`. The panel is a read of counts only (the
sentiment triage stored on each visitor's message, `services.turn_mood_record`): no text
leaves the app. Insights caches it as it caches the other panels (`hooks.dashboard_panels`:
per language, under the rollup version, for at most the dashboard's 30 s refresh), so a
dashboard read does not group 30 days of messages each time. It is national: a chat has no
room. Sentiments are stored as codes (`very_negative`) and shown in the reader's language.
"""

from collections import Counter
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from champions.insights.formats import indian_number
from champions.insights.hooks import Panel
from champions.triage.choices import Sentiment

from .selectors import message_moods_since

DAYS = 30


def assistant_mood_panel(*, user=None) -> Panel:
    """Visitors' messages read by triage in the last 30 days, and their share per sentiment."""
    counts: Counter = Counter()
    for row in message_moods_since(since=timezone.now() - timedelta(days=DAYS)):
        counts[row.sentiment] += row.count
    total = sum(counts.values())
    rows = [(_("Messages read by the AI, last 30 days"), indian_number(total))]
    rows += [
        (_label(sentiment), f"{indian_number(n)} ({round(100 * n / total)} %)")
        for sentiment, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return Panel(title=_("How people feel in assistant chats"), rows=rows)


def _label(sentiment: str) -> str:
    """The sentiment's name in the active language (an unknown code is shown as stored)."""
    return str(Sentiment(sentiment).label) if sentiment in Sentiment.values else sentiment
