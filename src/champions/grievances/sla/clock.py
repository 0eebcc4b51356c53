"""Service levels: due dates in working days on a holiday calendar, and the at-risk/breached test.

Pure functions, no ORM. The rules (Champions and CPGRAMS): routed to an officer within 3 working
days; taken up by hub leadership if not concluded in 7; resolved within 21 (CPGRAMS standard
since August 2024); an appeal decided within 30. The numbers live in SlaPolicy rows.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..choices import SlaState

AT_RISK_SHARE = 0.8  # at risk once 80 % of the allowed time is used
SATURDAY, SUNDAY = 5, 6


@dataclass(frozen=True)
class Calendar:
    """Non-working days: the weekend plus national and state holidays."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    weekend: frozenset[int] = frozenset({SATURDAY, SUNDAY})

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays


@dataclass(frozen=True)
class Policy:
    assign_days: int = 3
    escalate_days: int = 7
    resolve_days: int = 21
    appeal_days: int = 30


def add_working_days(start: datetime, days: int, calendar: Calendar) -> datetime:
    """The moment `days` working days after `start` (same time of day; a lodging on a
    holiday starts counting from the next working day)."""
    moment = start
    remaining = days
    while remaining > 0:
        moment += timedelta(days=1)
        if calendar.is_working_day(moment.date()):
            remaining -= 1
    return moment


def working_days_between(start: date, end: date, calendar: Calendar) -> int:
    """Working days after `start` up to and including `end`."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            count += 1
    return count


def sla_state(*, started: datetime, due: datetime | None, now: datetime) -> SlaState:
    if due is None:
        return SlaState.NONE
    if now > due:
        return SlaState.BREACHED
    allowed = (due - started).total_seconds()
    used = (now - started).total_seconds()
    if allowed <= 0 or used / allowed >= AT_RISK_SHARE:
        return SlaState.AT_RISK
    return SlaState.ON_TRACK


def shift_for_pause(
    due: datetime | None,
    *,
    paused_at: datetime,
    resumed_at: datetime,
) -> datetime | None:
    """The clock stops while the grievance awaits the MSME: push the due date by the pause."""
    if due is None:
        return None
    return due + max(resumed_at - paused_at, timedelta(0))
