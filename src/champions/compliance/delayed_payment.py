"""Interest on a delayed payment to a micro or small enterprise (MSMED Act 2006 ss.15-16). Pure.

**When payment is due (s.15, with s.2(b)).** The buyer pays on the day agreed in writing, and
that day may not be more than 45 days after the day of acceptance (or deemed acceptance) of the
goods or services. With no written agreement the buyer pays before the "appointed day", the day
after 15 days from acceptance. So the last day to pay without interest is

    due_on = accepted_on + min(agreed_credit_days, 45)    with a written agreement
    due_on = accepted_on + 15                             without one

**Interest (s.16).** From the appointed day, or the day after the agreed date, until payment the
buyer owes compound interest with monthly rests at three times the bank rate notified by the
Reserve Bank. "Monthly rests" leaves the part month open; this module settles it so:

- r = 3 x bank rate, a year; the monthly rate is r / 12.
- n = the whole calendar months from `due_on` to `paid_on`: the largest n with
  due_on + n months <= paid_on (a month from the 31st ends on the last day of a shorter month).
- d = the days left after those n months (0 <= d < 31).
- balance after n months: B = P x (1 + r/12)^n; the d days are simple interest on B at r/365 a
  day: total = B x (1 + r x d / 365); interest = total - P.
- Figures are exact decimals; only the interest is rounded, to the paisa (half up), at the end.

Paying on or before `due_on` owes nothing. Callers check input with `interest_compute`, which
raises `InvalidInput` naming each bad field.
"""

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from champions.core.numbers import format_inr

MAX_AGREED_DAYS = 45  # s.15 proviso
APPOINTED_DAYS = 15  # s.2(b)
MAX_CREDIT_DAYS_INPUT = 365
MAX_BANK_RATE_PCT = Decimal(20)
MAX_PRINCIPAL_INR = Decimal(10) ** 12  # ₹1 lakh crore: beyond any single invoice
ACT_IN_FORCE_ON = date(2006, 10, 2)  # MSMED Act 2006 commenced on 2 October 2006
PAISA = Decimal("0.01")

SOURCE = "Micro, Small and Medium Enterprises Development Act 2006, ss.2(b), 15 and 16"
DATA = Path(__file__).resolve().parent / "data" / "bank_rate.json"


class InvalidInput(Exception):
    """Bad calculator input; `errors` maps each field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class BankRate:
    rate_pct: Decimal
    effective_from: date | None  # None for a rate the user entered
    reference: str
    source: str


@cache
def bank_rate_history() -> tuple[BankRate, ...]:
    """The RBI bank rate with the day each value took effect, oldest first."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    rows = [
        BankRate(
            rate_pct=Decimal(row["rate_pct"]),
            effective_from=date.fromisoformat(row["effective_from"]),
            reference=row["reference"],
            source=data["source"],
        )
        for row in data["history"]
    ]
    return tuple(sorted(rows, key=lambda rate: rate.effective_from))


def bank_rate_on(day: date) -> BankRate | None:
    """The bank rate in force on `day`, or None before the history begins."""
    in_force = None
    for rate in bank_rate_history():
        if rate.effective_from > day:
            break
        in_force = rate
    return in_force


def bank_rate_latest() -> BankRate:
    return bank_rate_history()[-1]


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months; the 31st becomes the last day of a short month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def due_date(accepted_on: date, agreed_credit_days: int | None) -> tuple[date, int, bool]:
    """(last day to pay without interest, credit days applied, whether the 45-day cap cut in)."""
    if agreed_credit_days is None:
        return accepted_on + timedelta(days=APPOINTED_DAYS), APPOINTED_DAYS, False
    applied = min(agreed_credit_days, MAX_AGREED_DAYS)
    return accepted_on + timedelta(days=applied), applied, agreed_credit_days > MAX_AGREED_DAYS


def whole_months_and_days(start: date, end: date) -> tuple[int, int]:
    """Whole calendar months from `start` to `end`, and the days left over."""
    if end <= start:
        return 0, 0
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return months, (end - add_months(start, months)).days


@dataclass(frozen=True)
class InterestResult:
    principal_inr: Decimal
    invoice_accepted_on: date
    agreed_credit_days: int | None
    credit_days_applied: int
    is_capped_at_45_days: bool
    due_on: date
    interest_from: date
    paid_on: date
    days_late: int
    months_compounded: int
    remaining_days: int
    bank_rate_pct: Decimal
    bank_rate_is_default: bool
    bank_rate_effective_from: date | None
    bank_rate_source: str
    annual_rate_pct: Decimal
    monthly_rate_pct: Decimal
    balance_after_months_inr: Decimal
    interest_inr: Decimal
    total_inr: Decimal
    formula: str
    workings: list[str] = field(default_factory=list)
    source: str = SOURCE


def input_errors(
    *,
    principal_inr: Decimal | None,
    invoice_accepted_on: date | None,
    agreed_credit_days: int | None,
    paid_on: date | None,
    bank_rate_pct: Decimal | None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if principal_inr is None:
        errors["principal_inr"] = _("Enter the amount due.")
    elif not principal_inr.is_finite() or principal_inr <= 0:
        errors["principal_inr"] = _("The amount due must be more than zero.")
    elif principal_inr > MAX_PRINCIPAL_INR:
        errors["principal_inr"] = _("The amount due is too large.")
    elif principal_inr != principal_inr.quantize(PAISA, context=Context(prec=40)):
        errors["principal_inr"] = _("Give the amount in rupees with at most two decimals.")
    if invoice_accepted_on is None:
        errors["invoice_accepted_on"] = _("Enter the day the buyer accepted the goods or services.")
    elif invoice_accepted_on < ACT_IN_FORCE_ON:
        errors["invoice_accepted_on"] = _(
            "The MSMED Act applies to supplies accepted from 2 October 2006."
        )
    if agreed_credit_days is not None and not 0 <= agreed_credit_days <= MAX_CREDIT_DAYS_INPUT:
        errors["agreed_credit_days"] = _(
            "Agreed credit days must be between 0 and 365; leave it empty if nothing was "
            "agreed in writing."
        )
    if paid_on is None:
        errors["paid_on"] = _("Enter the day of payment (or the day you expect it).")
    elif invoice_accepted_on is not None and paid_on < invoice_accepted_on:
        errors["paid_on"] = _("The day of payment cannot be before the day of acceptance.")
    if bank_rate_pct is not None and (
        not bank_rate_pct.is_finite() or not 0 < bank_rate_pct <= MAX_BANK_RATE_PCT
    ):
        errors["bank_rate_pct"] = _("The bank rate must be more than 0 and at most 20 per cent.")
    return errors


def interest_compute(
    *,
    principal_inr: Decimal | None,
    invoice_accepted_on: date | None,
    paid_on: date | None,
    agreed_credit_days: int | None = None,
    bank_rate_pct: Decimal | None = None,
) -> InterestResult:
    """The s.15 due date and the s.16 interest; without `bank_rate_pct`, the RBI bank rate in
    force on the first day of interest (or the latest known, for a future date)."""
    errors = input_errors(
        principal_inr=principal_inr,
        invoice_accepted_on=invoice_accepted_on,
        agreed_credit_days=agreed_credit_days,
        paid_on=paid_on,
        bank_rate_pct=bank_rate_pct,
    )
    if errors:
        raise InvalidInput(errors)
    if principal_inr is None or invoice_accepted_on is None or paid_on is None:
        raise InvalidInput(errors)  # unreachable: input_errors names missing fields
    due_on, applied, capped = due_date(invoice_accepted_on, agreed_credit_days)
    interest_from = due_on + timedelta(days=1)
    rate = _rate(bank_rate_pct, interest_from)
    months, days = whole_months_and_days(due_on, paid_on)
    with localcontext(Context(prec=40)):
        annual = 3 * rate.rate_pct / 100
        monthly = annual / 12
        balance = principal_inr * (1 + monthly) ** months
        total = balance * (1 + annual * days / 365)
        interest = (total - principal_inr).quantize(PAISA, rounding=ROUND_HALF_UP)
    result = InterestResult(
        principal_inr=principal_inr.quantize(PAISA),
        invoice_accepted_on=invoice_accepted_on,
        agreed_credit_days=agreed_credit_days,
        credit_days_applied=applied,
        is_capped_at_45_days=capped,
        due_on=due_on,
        interest_from=interest_from,
        paid_on=paid_on,
        days_late=max(0, (paid_on - due_on).days),
        months_compounded=months,
        remaining_days=days,
        bank_rate_pct=rate.rate_pct,
        bank_rate_is_default=bank_rate_pct is None,
        bank_rate_effective_from=rate.effective_from,
        bank_rate_source=rate.source,
        annual_rate_pct=_plain(annual * 100),
        monthly_rate_pct=_plain(monthly * 100),
        balance_after_months_inr=balance.quantize(PAISA, rounding=ROUND_HALF_UP),
        interest_inr=interest,
        total_inr=principal_inr.quantize(PAISA) + interest,
        formula="",
    )
    return _explained(result)


def _plain(value: Decimal) -> Decimal:
    """Without trailing zeros, and never in exponent form (60, not 6E+1)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value


def _rate(bank_rate_pct: Decimal | None, interest_from: date) -> BankRate:
    if bank_rate_pct is not None:
        return BankRate(
            rate_pct=bank_rate_pct,
            effective_from=None,
            reference="",
            source=_("Entered by you."),
        )
    rate = bank_rate_on(interest_from)
    if rate is None:
        first = bank_rate_history()[0].effective_from
        raise InvalidInput(
            {
                "bank_rate_pct": _(
                    "Our bank-rate history starts on %(day)s; enter the RBI bank rate in "
                    "force when interest began."
                )
                % {"day": first.isoformat()}
            }
        )
    return rate


def _working_values(result: InterestResult) -> dict:
    """The figures the worked explanation quotes, formatted as it prints them."""
    return {
        "principal": format_inr(result.principal_inr, symbol=False, paise=True),
        "bank": result.bank_rate_pct,
        "annual": result.annual_rate_pct,
        "monthly": result.monthly_rate_pct,
        "months": result.months_compounded,
        "days": result.remaining_days,
        "balance": format_inr(result.balance_after_months_inr, symbol=False, paise=True),
        "interest": format_inr(result.interest_inr, symbol=False, paise=True),
        "total": format_inr(result.total_inr, symbol=False, paise=True),
        "due": result.due_on.isoformat(),
        "paid": result.paid_on.isoformat(),
        "late": result.days_late,
    }


def _explained(result: InterestResult) -> InterestResult:
    """The formula in words and the working with these figures, step by step."""
    formula = _(
        "Interest = P x (1 + r/12)^n x (1 + r x d/365) - P, where P is the amount due, r is "
        "three times the RBI bank rate a year (MSMED Act s.16), n is the whole calendar months "
        "from the due date to the day of payment (monthly rests) and d is the days left over, "
        "charged as simple interest on the compounded balance. The due date is the agreed day, "
        "at most 45 days after acceptance, or 15 days after acceptance when nothing was agreed "
        "in writing (s.15); interest runs from the next day. Only the result is rounded, to "
        "the paisa."
    )
    values = _working_values(result)
    workings = [
        _("Due date: %(due)s; paid on %(paid)s: %(late)s days late.") % values,
        _("r = 3 x %(bank)s %% = %(annual)s %% a year; r/12 = %(monthly)s %% a month.") % values,
        _("n = %(months)s whole months, d = %(days)s days.") % values,
        _(
            "After %(months)s monthly rests: ₹%(principal)s x (1 + %(monthly)s %%)^%(months)s "
            "= ₹%(balance)s."
        )
        % values,
        _(
            "Interest = ₹%(balance)s x (1 + %(annual)s %% x %(days)s/365) - ₹%(principal)s "
            "= ₹%(interest)s."
        )
        % values,
        _("Total payable: ₹%(total)s.") % values,
    ]
    return InterestResult(**{**result.__dict__, "formula": formula, "workings": workings})
