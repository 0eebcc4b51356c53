"""The compliance calendar: which obligations an enterprise has and when each falls due. Pure.

The rules are data (`data/obligations.json`, each with its legal source); the enterprise's
situation is a `Situation`. `occurrences_between(situation, start, end)` lists every due date in
[start, end], earliest first. The financial year runs April to March; "FY Y" starts in April Y.
"""

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .delayed_payment import add_months

DATA = Path(__file__).resolve().parent / "data" / "obligations.json"
QRMP_TURNOVER_LIMIT_INR = 50_000_000  # ₹5 crore, Notification 84/2020-Central Tax
GST_FILING_CHOICES = ("monthly", "quarterly")
MAX_SPAN_DAYS = 3 * 366


@dataclass(frozen=True)
class Situation:
    """The facts about an enterprise that decide its obligations."""

    is_gst_registered: bool = False
    gst_filing: str = "monthly"  # "monthly", or "quarterly" under the QRMP scheme
    turnover_inr: int = 0
    state_code: str = ""  # the two-letter Udyam code of the state of GST registration
    employees: int = 0
    is_company: bool = False
    is_tds_deductor: bool = False
    pays_advance_tax: bool = False
    is_presumptive_taxpayer: bool = False
    has_udyam_registration: bool = False
    owes_mse_suppliers_over_45_days: bool = False


def situation_errors(situation: Situation) -> dict[str, str]:
    errors: dict[str, str] = {}
    if situation.gst_filing not in GST_FILING_CHOICES:
        errors["gst_filing"] = _("Choose monthly or quarterly filing.")
    elif (
        situation.is_gst_registered
        and situation.gst_filing == "quarterly"
        and situation.turnover_inr > QRMP_TURNOVER_LIMIT_INR
    ):
        errors["gst_filing"] = _(
            "Quarterly filing (QRMP) is open only up to ₹5 crore of turnover: choose monthly."
        )
    if situation.turnover_inr < 0:
        errors["turnover_inr"] = _("Turnover cannot be negative.")
    if situation.employees < 0:
        errors["employees"] = _("The number of employees cannot be negative.")
    return errors


@dataclass(frozen=True)
class Obligation:
    code: str
    form: str
    title: dict[str, str]
    authority: str
    applies_if: tuple[dict[str, Any], ...]
    schedule: dict[str, Any]
    source: str
    url: str
    note: dict[str, str]


@dataclass(frozen=True)
class Occurrence:
    """One due date of one obligation, for one period."""

    obligation: Obligation
    due_on: date
    period_start: date
    period_end: date
    part: dict[str, str]
    is_suggested_date: bool

    @property
    def code(self) -> str:
        return self.obligation.code

    @property
    def key(self) -> str:
        """Names this occurrence for good: reminders and calendar UIDs are keyed on it."""
        return f"{self.obligation.code}:{self.due_on.isoformat()}"

    @property
    def title(self) -> str:
        return localized(self.obligation.title)

    @property
    def note(self) -> str:
        return localized(self.obligation.note)

    @property
    def part_text(self) -> str:
        return localized(self.part)

    @property
    def period(self) -> str:
        return period_label(self)


def localized(text: dict[str, str]) -> str:
    """The text in the active language, English when there is no translation."""
    if not text:
        return ""
    return text.get((get_language() or "en")[:2]) or text.get("en", "")


@cache
def obligations() -> tuple[Obligation, ...]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        Obligation(
            code=row["code"],
            form=row["form"],
            title=row["title"],
            authority=row["authority"],
            applies_if=tuple(row["applies_if"]),
            schedule=row["schedule"],
            source=row["source"],
            url=row["url"],
            note=row.get("note", {}),
        )
        for row in data["obligations"]
    )


def _holds(condition: dict[str, Any], situation: Situation) -> bool:
    value = getattr(situation, condition["fact"])
    if "is" in condition:
        return value == condition["is"]
    if "at_least" in condition:
        return value >= condition["at_least"]
    if "more_than" in condition:
        return value > condition["more_than"]
    raise ValueError(f"unknown condition: {condition!r}")


def obligations_for(situation: Situation) -> list[Obligation]:
    """The obligations whose every condition holds."""
    return [o for o in obligations() if all(_holds(c, situation) for c in o.applies_if)]


def occurrences_between(situation: Situation, start: date, end: date) -> list[Occurrence]:
    """Every due date in [start, end] (inclusive), earliest first, then by obligation."""
    found = [
        occurrence
        for obligation in obligations_for(situation)
        for occurrence in _occurrences(obligation, situation, start, end)
        if start <= occurrence.due_on <= end
    ]
    return sorted(found, key=lambda o: (o.due_on, o.code))


def _occurrences(obligation: Obligation, situation: Situation, start: date, end: date):
    kind = obligation.schedule["kind"]
    if kind == "monthly":
        return _monthly(obligation, start, end)
    if kind == "quarterly":
        return _quarterly(obligation, situation, start, end)
    if kind == "yearly":
        return _yearly(obligation, start, end)
    raise ValueError(f"unknown schedule kind: {kind!r}")


def _month_end(first_of_month: date) -> date:
    return date.fromordinal(add_months(first_of_month, 1).toordinal() - 1)


def _months(start: date, end: date):
    """First days of the months whose returns can fall due in [start, end]."""
    month = add_months(date(start.year, start.month, 1), -2)
    while month <= end:
        yield month
        month = add_months(month, 1)


def _monthly(obligation: Obligation, start: date, end: date):
    schedule = obligation.schedule
    allowed = schedule.get("period_months")
    exceptions = {e["period_month"]: e["day"] for e in schedule.get("exceptions", [])}
    for month in _months(start, end):
        if allowed and month.month not in allowed:
            continue
        following = add_months(month, 1)
        day = exceptions.get(month.month, schedule["day"])
        yield Occurrence(
            obligation=obligation,
            due_on=following.replace(day=day),
            period_start=month,
            period_end=_month_end(month),
            part={},
            is_suggested_date=bool(schedule.get("suggested")),
        )


def _quarter_day(schedule: dict[str, Any], situation: Situation) -> int:
    if "day" in schedule:
        return schedule["day"]
    by_state = schedule["day_by_state"]
    if not situation.state_code:
        return by_state["unknown_state"]  # the earlier date is the safe one
    for group in by_state["groups"]:
        if situation.state_code in group["states"]:
            return group["day"]
    return by_state["default"]


def _quarterly(obligation: Obligation, situation: Situation, start: date, end: date):
    day = _quarter_day(obligation.schedule, situation)
    for month in _months(add_months(start, -2), end):
        if month.month not in (4, 7, 10, 1):  # quarters of the financial year
            continue
        quarter_end = _month_end(add_months(month, 2))
        yield Occurrence(
            obligation=obligation,
            due_on=add_months(month, 3).replace(day=day),
            period_start=month,
            period_end=quarter_end,
            part={},
            is_suggested_date=bool(obligation.schedule.get("suggested")),
        )


def _fy_month(fy_start_year: int, month: int) -> date:
    """The first day of `month` within the financial year that starts in April of the year."""
    return date(fy_start_year if month >= 4 else fy_start_year + 1, month, 1)


def _yearly(obligation: Obligation, start: date, end: date):
    schedule = obligation.schedule
    for fy in range(start.year - 3, end.year + 1):
        for entry in schedule["dates"]:
            first, last = entry["period"]
            period_start = _fy_month(fy, first)
            yield Occurrence(
                obligation=obligation,
                due_on=date(fy + entry["year_offset"], entry["month"], entry["day"]),
                period_start=period_start,
                period_end=_month_end(_fy_month(fy, last)),
                part=entry.get("part", {}),
                is_suggested_date=bool(schedule.get("suggested")),
            )


def period_label(occurrence: Occurrence) -> str:
    """'April 2026', 'April-June 2026' or 'April 2025-March 2026' (with an en dash), in the
    active language."""
    start, end = occurrence.period_start, occurrence.period_end
    if (start.year, start.month) == (end.year, end.month):
        return date_format(start, "F Y")
    if start.year == end.year:
        return f"{date_format(start, 'F')}\N{EN DASH}{date_format(end, 'F Y')}"
    return f"{date_format(start, 'F Y')}\N{EN DASH}{date_format(end, 'F Y')}"
