"""Reads for the dashboard's other panels: distributions over the period, categories and
channels, the state map and the mood of the grievances. Rollups only, one query each."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, Sum

from champions.core.selectors import state_list
from champions.grievances.choices import Category, Channel
from champions.triage.choices import Emotion

from .dashboard import TOP, Filters, _scope, backlog, headline, sla_by_room
from .models import BacklogRollup, DailyRollup
from .mood_rooms import mood_by_room
from .periods import period_sums
from .rollups import OVER_LAST_BUCKET, RESOLUTION_BUCKETS
from .schemes_panel import schemes_panel
from .states import GRID_COLUMNS, GRID_ROWS, STATE_TILES, registered_units_by_state

SENTIMENTS = ("very_negative", "negative", "neutral", "positive", "very_positive")
EMOTIONS = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")
SENTIMENT_METRICS = [f"sentiment:{s}" for s in SENTIMENTS]
EMOTION_METRICS = [f"emotion:{e}" for e in EMOTIONS]
MOOD_METRICS = SENTIMENT_METRICS + EMOTION_METRICS
COLOURS = 5  # classes of the choropleth (viridis, colour-blind safe; see insights.css)


def _since(f: Filters, today: date) -> date:
    return today - timedelta(days=f.period - 1)


@dataclass(frozen=True)
class Distributions:
    resolution: list[tuple[str, int]]
    mean_days: float | None
    ratings: list[tuple[int, int]]
    mean_rating: float | None
    appealed: int
    appeal_decided: int
    referred: int
    departments: list[tuple[str, int]]
    referrals: list[tuple[str, int]]


def distributions(f: Filters, *, today: date) -> Distributions:
    """Over the period: resolution times, ratings, appeals, departments and referrals."""
    sums = period_sums(
        _scope(f) & ~Q(metric__in=MOOD_METRICS),
        start=_since(f, today),
        end=today,
        group=("metric",),
    )
    counts = {metric: figures for (metric,), figures in sums.items()}

    def n(metric: str) -> int:
        return counts.get(metric, (0, 0))[0]

    labels = [label for _limit, label in RESOLUTION_BUCKETS] + [OVER_LAST_BUCKET]
    resolved, days = counts.get("resolved", (0, 0))
    rated, stars = counts.get("rated", (0, 0))

    def top(prefix: str) -> list[tuple[str, int]]:
        found = [
            (m.removeprefix(prefix), c) for m, (c, _t) in counts.items() if m.startswith(prefix)
        ]
        return sorted(found, key=lambda item: (-item[1], item[0]))[:TOP]

    return Distributions(
        resolution=[(label, n(f"resolved_in:{label}")) for label in labels],
        mean_days=round(days / resolved, 1) if resolved else None,
        ratings=[(stars_, n(f"rating:{stars_}")) for stars_ in (5, 4, 3, 2, 1)],
        mean_rating=round(stars / rated, 2) if rated else None,
        appealed=n("appealed"),
        appeal_decided=n("appeal_decided"),
        referred=sum(c for _label, c in top("referred_to:")),
        departments=top("department:"),
        referrals=top("referred_to:"),
    )


def lodged_by(f: Filters, *, today: date, dimension: str) -> list[tuple[str, str, int]]:
    """Grievances lodged over the period per category or per channel: (value, label, count)."""
    kwargs = {"by_category": True} if dimension == "category" else {"by_channel": True}
    sums = period_sums(
        _scope(f, **kwargs) & Q(metric="lodged"),
        start=_since(f, today),
        end=today,
        group=(dimension,),
    )
    rows = {value: n for (value,), (n, _total) in sums.items()}
    choices = Category.choices if dimension == "category" else Channel.choices
    result = [(value, str(label), rows.get(value, 0)) for value, label in choices]
    return sorted(result, key=lambda item: (-item[2], item[1]))


# --- The map -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StateTile:
    code: str
    name: str
    x: int
    y: int
    open: int
    overdue: int
    units: int
    per_lakh: float | None  # open grievances per lakh registered units
    overdue_percent: int | None
    colour: int | None  # 0..COLOURS-1, None: nothing to show


def _classes(values: list[float]) -> list[float]:
    """Class limits: equal steps up to the largest value (readable in a legend)."""
    top = max(values, default=0)
    return [top * (i + 1) / COLOURS for i in range(COLOURS)] if top else []


def state_map(f: Filters, *, today: date, measure: str) -> dict:
    """One tile per state or UT: open grievances per lakh registered units or the overdue
    share, a colour class for the chosen measure, and the figures for the table beside it."""
    rows = (
        BacklogRollup.objects.filter(_scope(f, with_state=False))
        .values_list("state")
        .annotate(n=Sum("count"), late=Sum("count", filter=Q(due_day__lt=today)))
    )
    figures = {state: (n, late or 0) for state, n, late in rows}
    units = registered_units_by_state()
    states = {s.udyam_code: s for s in state_list()}
    raw = []
    for code, (x, y) in STATE_TILES.items():
        open_, late = figures.get(code, (0, 0))
        per_lakh = round(100000 * open_ / units[code], 2) if units.get(code) else None
        share = round(100 * late / open_) if open_ else None
        raw.append((code, x, y, open_, late, per_lakh, share))
    values = [(r[5] if measure == "per_lakh" else r[6]) or 0 for r in raw]
    limits = _classes(values)
    tiles = []
    for (code, x, y, open_, late, per_lakh, share), value in zip(raw, values, strict=True):
        shown = per_lakh if measure == "per_lakh" else share
        colour = None
        if shown is not None and limits:
            colour = next(i for i, limit in enumerate(limits) if value <= limit)
        state = states.get(code)
        name = state.name if state else code
        tiles.append(
            StateTile(code, name, x, y, open_, late, units.get(code, 0), per_lakh, share, colour)
        )
    return {
        "tiles": tiles,
        "limits": limits,
        "columns": GRID_COLUMNS,
        "rows": GRID_ROWS,
        "selected": f.state,
    }


# --- Mood ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MoodDay:
    day: date
    sentiments: dict[str, int]
    negative_percent: int | None


def _negative_by_category(sums: dict) -> list[tuple[str, int, int, int]]:
    """(category, negative texts, all texts, percent negative), the most negative first, from
    {(category, sentiment metric): (count, total)}."""
    by_category: dict[str, dict[str, int]] = defaultdict(lambda: {"neg": 0, "all": 0})
    for (category, metric), (n, _total) in sums.items():
        by_category[category]["all"] += n
        if metric in ("sentiment:negative", "sentiment:very_negative"):
            by_category[category]["neg"] += n
    labels = dict(Category.choices)
    return sorted(
        (
            (str(labels.get(c, c)), v["neg"], v["all"], round(100 * v["neg"] / v["all"]))
            for c, v in by_category.items()
            if v["all"]
        ),
        key=lambda item: (-item[3], item[0]),
    )


def mood(f: Filters, *, today: date) -> dict:
    """Sentiment per day, emotion totals over the period, and the share of negative texts per
    category (from the stored triage of grievances and the MSME's messages). The totals read
    whole months from MonthlyRollup (period_sums): over a year, per category, the daily rows
    were most of a cache miss's time."""
    since = _since(f, today)
    per_day = (
        DailyRollup.objects.filter(_scope(f), day__gte=since, metric__in=SENTIMENT_METRICS)
        .values_list("day", "metric")
        .annotate(n=Sum("count"))
    )
    days: dict[date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SENTIMENTS, 0))
    for day, metric, n in per_day:
        days[day][metric.removeprefix("sentiment:")] = n
    emotions = dict.fromkeys(EMOTIONS, 0)
    totals = period_sums(
        _scope(f) & Q(metric__in=EMOTION_METRICS), start=since, end=today, group=("metric",)
    )
    for (metric,), (n, _total) in totals.items():
        emotions[metric.removeprefix("emotion:")] = n
    by_category = period_sums(
        _scope(f, by_category=True) & Q(metric__in=SENTIMENT_METRICS),
        start=since,
        end=today,
        group=("category", "metric"),
    )
    return {
        "days": [_mood_day(day, counts) for day, counts in sorted(days.items())],
        "emotions": sorted(
            ((str(Emotion(key).label), n) for key, n in emotions.items()), key=lambda item: -item[1]
        ),
        "categories": _negative_by_category(by_category),
    }


def _mood_day(day: date, counts: dict[str, int]) -> MoodDay:
    total = sum(counts.values())
    negative = counts["negative"] + counts["very_negative"]
    return MoodDay(day, counts, round(100 * negative / total) if total else None)


def dashboard_get(f: Filters, *, today: date, measure: str = "per_lakh") -> dict:
    """Every panel of the dashboard for these filters."""
    return {
        "headline": headline(f, today=today),
        "backlog": backlog(f, today=today),
        "rooms": sla_by_room(f, today=today),
        "distributions": distributions(f, today=today),
        "categories": lodged_by(f, today=today, dimension="category"),
        "channels": lodged_by(f, today=today, dimension="channel"),
        "map": state_map(f, today=today, measure=measure),
        "mood": mood(f, today=today),
        "schemes": schemes_panel(f, today=today),
        "mood_rooms": mood_by_room(f, today=today),
    }
