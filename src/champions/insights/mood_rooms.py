"""The mood per control room: the share of negative texts (grievances and the MSMEs'
messages, from their stored triage) per room over the period, from the rollups in one query
(whole months from MonthlyRollup, see periods.py)."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Q

from champions.controlrooms.selectors import control_room_list
from champions.core.names import local_name

from .dashboard import Filters, _scope
from .periods import period_sums

NEGATIVE = ("sentiment:negative", "sentiment:very_negative")
SENTIMENT_METRICS = [
    f"sentiment:{s}" for s in ("very_negative", "negative", "neutral", "positive", "very_positive")
]  # panels.SENTIMENT_METRICS (panels imports this module)


def mood_by_room(f: Filters, *, today: date) -> list[tuple[str, int, int, int]]:
    """(room, negative texts, texts, negative %) per room with triaged texts in the period,
    the most negative first."""
    sums = period_sums(
        _scope(f) & Q(metric__in=SENTIMENT_METRICS),
        start=today - timedelta(days=f.period - 1),
        end=today,
        group=("room_id", "metric"),
    )
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {"neg": 0, "all": 0})
    for (room_id, metric), (n, _total) in sums.items():
        counts[room_id]["all"] += n
        if metric in NEGATIVE:
            counts[room_id]["neg"] += n
    names = {room.pk: local_name(room.name, room.name_hi) for room in control_room_list()}
    result = [
        (names.get(room_id, str(room_id)), c["neg"], c["all"], round(100 * c["neg"] / c["all"]))
        for room_id, c in counts.items()
        if c["all"]
    ]
    return sorted(result, key=lambda row: (-row[3], row[0]))
