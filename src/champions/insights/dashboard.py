"""Reads for the MIS dashboard: every figure comes from the rollups (a fixed number of small
GROUP BY queries whatever the number of grievances), scoped to the user: the hub, leadership
and analysts see the country and may narrow it; a spoke officer sees its own room only."""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from urllib.parse import urlencode

from django.db.models import Q, Sum
from django.utils.translation import pgettext_lazy

from champions.accounts.selectors import (
    user_is_analyst,
    user_is_spoke_officer,
    user_sees_whole_country,
)
from champions.controlrooms.selectors import control_room_list
from champions.core.names import local_name
from champions.core.selectors import state_list
from champions.grievances.choices import Category, Channel

from .models import ALL, BacklogRollup, DailyRollup
from .periods import period_sums
from .states import STATE_TILES

PERIODS = (7, 30, 90, 365)
LANGUAGES = ("en", "hi", "hinglish")
HEADLINE_METRICS = ("lodged", "resolved", "escalated", "appealed")
# The headline measures, in the words the pages, tables and exports all use (a context of
# their own: as counts of grievances they read differently in Hindi from a grievance's status).
COUNTED = "grievances counted"
HEADLINE_LABELS = {
    "lodged": pgettext_lazy(COUNTED, "Lodged"),
    "resolved": pgettext_lazy(COUNTED, "Resolved"),
    "escalated": pgettext_lazy(COUNTED, "Escalated"),
    "appealed": pgettext_lazy(COUNTED, "Appealed"),
}
OPEN = pgettext_lazy(COUNTED, "Open")
OVERDUE = pgettext_lazy(COUNTED, "Overdue")
AGE_BUCKETS = [(7, "0-7"), (21, "8-21"), (30, "22-30"), (60, "31-60"), (90, "61-90")]
SLA_METRICS = ("routed", "routed_in_sla", "resolved", "resolved_in_sla")
TOP = 10


@dataclass(frozen=True)
class Filters:
    """What the dashboard is narrowed to ("" or "*": everything)."""

    state: str = ""
    room_id: int | None = None
    category: str = ALL
    channel: str = ALL
    language: str = ALL
    period: int = 30
    scoped: bool = False  # a spoke officer: the room is fixed

    def query(self) -> dict[str, str]:
        values = {
            "state": self.state,
            "room": str(self.room_id or "") if not self.scoped else "",
            "category": "" if self.category == ALL else self.category,
            "channel": "" if self.channel == ALL else self.channel,
            "language": "" if self.language == ALL else self.language,
            "period": str(self.period),
        }
        return {k: v for k, v in values.items() if v}

    @property
    def encoded(self) -> str:
        return urlencode(self.query())

    def with_state(self, code: str) -> str:
        """The query string of the drill-down into one state."""
        return urlencode({**self.query(), "state": code})


def user_sees_dashboard(user) -> bool:
    """The hub, leadership, administrators and analysts (the country); spoke officers (their
    room)."""
    return bool(
        user.is_authenticated
        and (
            user_sees_whole_country(user)
            or user_is_analyst(user)
            or (user_is_spoke_officer(user) and user.control_room_id)
        )
    )


def _choice(value: str, allowed) -> str:
    return value if value in allowed else ALL


def filters_for_user(*, user, params) -> Filters:
    """Read the filters from the query string; unknown values mean "everything"."""
    try:
        period = int(params.get("period", 30))
    except (TypeError, ValueError):
        period = 30
    filters = Filters(
        state=params.get("state", "") if params.get("state", "") in STATE_TILES else "",
        category=_choice(params.get("category", ""), Category.values),
        channel=_choice(params.get("channel", ""), Channel.values),
        language=_choice(params.get("language", ""), LANGUAGES),
        period=period if period in PERIODS else 30,
    )
    room = params.get("room", "")
    if room.isdigit() and int(room) in {r.pk for r in control_room_list()}:
        filters = replace(filters, room_id=int(room))
    if user_is_spoke_officer(user):
        filters = replace(filters, room_id=user.control_room_id, state="", scoped=True)
    return filters


def _scope(f: Filters, *, by_category=False, by_channel=False, with_state=True) -> Q:
    q = Q(language=f.language)
    q &= Q(category=f.category) if not by_category else ~Q(category=ALL)
    q &= Q(channel=f.channel) if not by_channel else ~Q(channel=ALL)
    if f.room_id:
        q &= Q(room_id=f.room_id)
    if f.state and with_state:
        q &= Q(state=f.state)
    return q


# --- Headline counts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    current: int
    previous: int

    @property
    def delta(self) -> int:
        return self.current - self.previous


@dataclass
class Headline:
    metric: str
    windows: dict[str, Change] = field(default_factory=dict)


WINDOWS = (("today", 1), ("week", 7), ("month", 30))


def headline(f: Filters, *, today: date) -> list[Headline]:
    """Lodged, resolved, escalated and appealed today, in the last 7 and 30 days, each with
    the same span before it. One query."""
    since = today - timedelta(days=59)
    rows = (
        DailyRollup.objects.filter(_scope(f), day__gte=since, metric__in=HEADLINE_METRICS)
        .values_list("day", "metric")
        .annotate(n=Sum("count"))
    )
    per_day: dict[str, dict[date, int]] = defaultdict(dict)
    for day, metric, n in rows:
        per_day[metric][day] = n
    result = []
    for metric in HEADLINE_METRICS:
        item = Headline(metric)
        for name, span in WINDOWS:
            days = per_day[metric]
            current = sum(days.get(today - timedelta(days=i), 0) for i in range(span))
            previous = sum(days.get(today - timedelta(days=i), 0) for i in range(span, 2 * span))
            item.windows[name] = Change(current, previous)
        result.append(item)
    return result


# --- The open backlog --------------------------------------------------------------------------


@dataclass(frozen=True)
class Backlog:
    open: int
    overdue: int
    ages: list[tuple[str, int]]


def backlog(f: Filters, *, today: date) -> Backlog:
    """Open grievances, how many are past their resolution date, and their ages. One query."""
    rows = (
        BacklogRollup.objects.filter(_scope(f))
        .values_list("lodged_day")
        .annotate(n=Sum("count"), late=Sum("count", filter=Q(due_day__lt=today)))
    )
    ages: dict[str, int] = {label: 0 for _limit, label in AGE_BUCKETS} | {"90+": 0}
    total = overdue = 0
    for lodged_day, n, late in rows:
        total += n
        overdue += late or 0
        age = (today - lodged_day).days
        label = next((lbl for limit, lbl in AGE_BUCKETS if age <= limit), "90+")
        ages[label] += n
    return Backlog(total, overdue, list(ages.items()))


# --- SLA by room -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoomRow:
    room_id: int
    name: str
    routed: int
    routed_in_sla: int
    resolved: int
    resolved_in_sla: int
    open: int
    overdue: int

    @staticmethod
    def _percent(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def routing_percent(self) -> int | None:
        return self._percent(self.routed_in_sla, self.routed)

    @property
    def resolution_percent(self) -> int | None:
        return self._percent(self.resolved_in_sla, self.resolved)


def sla_by_room(f: Filters, *, today: date) -> list[RoomRow]:
    """Per room: routed within 3 working days and resolved within 21, over the period, and
    the open and overdue backlog now. Three queries (rooms, events, backlog)."""
    since = today - timedelta(days=f.period - 1)
    events = period_sums(
        _scope(f) & Q(metric__in=SLA_METRICS), start=since, end=today, group=("room_id", "metric")
    )
    figures: dict[int, dict[str, int]] = defaultdict(dict)
    for (room_id, metric), (n, _total) in events.items():
        figures[room_id][metric] = n
    open_rows = (
        BacklogRollup.objects.filter(_scope(f))
        .values_list("room_id")
        .annotate(n=Sum("count"), late=Sum("count", filter=Q(due_day__lt=today)))
    )
    for room_id, n, late in open_rows:
        figures[room_id]["open"], figures[room_id]["overdue"] = n, late or 0
    rows = []
    for room in control_room_list():
        got = figures.get(room.pk)
        if not got or not any(got.values()):
            continue
        values = [got.get(name, 0) for name in (*SLA_METRICS, "open", "overdue")]
        rows.append(RoomRow(room.pk, local_name(room.name, room.name_hi), *values))
    return sorted(rows, key=lambda row: (-row.open, row.name))


def filter_choices(*, user) -> dict:
    """The options of the filter form (no room or state choice for a spoke officer)."""
    scoped = user_is_spoke_officer(user)
    return {
        "states": []
        if scoped
        else [(s.udyam_code, local_name(s.name, s.name_hi)) for s in state_list()],
        "rooms": []
        if scoped
        else [(r.pk, local_name(r.name, r.name_hi)) for r in control_room_list()],
        "categories": Category.choices,
        "channels": Channel.choices,
        "languages": LANGUAGES,
        "periods": PERIODS,
    }
