"""The pure delayed-payment engine: MSMED Act 2006 s.15 due dates and s.16 interest."""

from datetime import date
from decimal import Decimal

import pytest

from champions.compliance.delayed_payment import (
    InvalidInput,
    add_months,
    bank_rate_latest,
    bank_rate_on,
    due_date,
    interest_compute,
    whole_months_and_days,
)

LAKH = Decimal(100_000)


def test_worked_example_whole_months_matches_the_hand_computation():
    """₹1,00,000 accepted on 1 January 2025, 30 credit days agreed in writing, paid on
    30 June 2025, RBI bank rate 6.75 %.

    By hand, from ss.15-16 of the MSMED Act 2006:
    1. Due date: 30 days agreed (within the 45-day cap) -> 1 Jan + 30 days = 31 Jan 2025;
       interest runs from 1 Feb 2025.
    2. Days late: 31 Jan -> 30 Jun = 28 + 31 + 30 + 31 + 30 = 150 days.
    3. Rate: 3 x 6.75 % = 20.25 % a year; monthly rest rate 20.25 / 12 = 1.6875 % a month.
    4. Whole months from 31 Jan: 28 Feb (1), 31 Mar (2), 30 Apr (3), 31 May (4), 30 Jun (5);
       n = 5, d = 0 days left over.
    5. Balance month by month (1.016875 each time):
         100000.00 -> 101687.50 -> 103403.4765625 -> 105148.4102294921875
                   -> 106922.7896521148681640625 -> 108727.1117274943065643310546875
    6. Interest = 108727.1117... - 100000 = 8727.1117... -> ₹8,727.11 (rounded to the paisa);
       total payable ₹1,08,727.11.
    """
    result = interest_compute(
        principal_inr=LAKH,
        invoice_accepted_on=date(2025, 1, 1),
        agreed_credit_days=30,
        paid_on=date(2025, 6, 30),
        bank_rate_pct=Decimal("6.75"),
    )

    assert result.due_on == date(2025, 1, 31)
    assert result.interest_from == date(2025, 2, 1)
    assert result.days_late == 150
    assert result.annual_rate_pct == Decimal("20.25")
    assert result.monthly_rate_pct == Decimal("1.6875")
    assert (result.months_compounded, result.remaining_days) == (5, 0)
    assert result.balance_after_months_inr == Decimal("108727.11")
    assert result.interest_inr == Decimal("8727.11")
    assert result.total_inr == Decimal("108727.11")


def test_worked_example_with_left_over_days_matches_the_hand_computation():
    """The same invoice paid on 15 July 2025 instead.

    1. Due 31 Jan 2025 as before; 31 Jan -> 15 Jul = 150 + 15 = 165 days late.
    2. Whole months: 5 (to 30 Jun); d = 30 Jun -> 15 Jul = 15 days.
    3. Balance after 5 rests (above): 108727.1117274943...
    4. The 15 days are simple interest on that balance at 20.25 % / 365 a day:
         108727.1117274943 x 0.2025 x 15 / 365 = 904.8180873 ...
         108727.1117274943 + 904.8180873 = 109631.9298148 ...
    5. Interest = 109631.9298 - 100000 = 9631.9298... -> ₹9,631.93.
    """
    result = interest_compute(
        principal_inr=LAKH,
        invoice_accepted_on=date(2025, 1, 1),
        agreed_credit_days=30,
        paid_on=date(2025, 7, 15),
        bank_rate_pct=Decimal("6.75"),
    )

    assert result.days_late == 165
    assert (result.months_compounded, result.remaining_days) == (5, 15)
    assert result.interest_inr == Decimal("9631.93")
    assert result.total_inr == Decimal("109631.93")


def test_the_formula_and_workings_are_shown():
    result = interest_compute(
        principal_inr=LAKH,
        invoice_accepted_on=date(2025, 1, 1),
        agreed_credit_days=30,
        paid_on=date(2025, 6, 30),
        bank_rate_pct=Decimal("6.75"),
    )

    assert "(1 + r/12)^n" in result.formula
    assert "r x d/365" in result.formula
    assert result.workings[-2] == (
        "Interest = ₹1,08,727.11 x (1 + 20.25 % x 0/365) - ₹1,00,000.00 = ₹8,727.11."
    )


@pytest.mark.parametrize(
    ("_case", "agreed", "due", "applied", "capped"),
    [
        ("no written agreement: 15 days", None, date(2025, 1, 16), 15, False),
        ("agreed 30 days", 30, date(2025, 1, 31), 30, False),
        ("agreed exactly 45", 45, date(2025, 2, 15), 45, False),
        ("agreed 60 is capped at 45", 60, date(2025, 2, 15), 45, True),
        ("agreed 0: pay on acceptance", 0, date(2025, 1, 1), 0, False),
    ],
)
def test_due_date(_case, agreed, due, applied, capped):
    assert due_date(date(2025, 1, 1), agreed) == (due, applied, capped)


def test_paid_on_the_due_date_owes_nothing():
    result = interest_compute(
        principal_inr=LAKH,
        invoice_accepted_on=date(2025, 1, 1),
        paid_on=date(2025, 1, 16),
        bank_rate_pct=Decimal("6.5"),
    )

    assert (result.days_late, result.interest_inr, result.total_inr) == (
        0,
        Decimal("0.00"),
        Decimal("100000.00"),
    )


def test_paid_early_owes_nothing():
    result = interest_compute(
        principal_inr=LAKH,
        invoice_accepted_on=date(2025, 1, 1),
        agreed_credit_days=45,
        paid_on=date(2025, 1, 10),
        bank_rate_pct=Decimal("6.5"),
    )

    assert (result.days_late, result.interest_inr) == (0, Decimal("0.00"))


def test_one_day_late_is_one_day_of_simple_interest():
    # 100000 x 0.195 / 365 = 53.424657... -> 53.42
    result = interest_compute(
        principal_inr=LAKH,
        invoice_accepted_on=date(2025, 1, 1),
        paid_on=date(2025, 1, 17),
        bank_rate_pct=Decimal("6.5"),
    )

    assert (result.days_late, result.months_compounded, result.remaining_days) == (1, 0, 1)
    assert result.interest_inr == Decimal("53.42")


def test_45_day_cap_charges_interest_from_the_46th_day():
    capped = interest_compute(
        principal_inr=LAKH,
        invoice_accepted_on=date(2025, 1, 1),
        agreed_credit_days=90,
        paid_on=date(2025, 4, 1),
        bank_rate_pct=Decimal("6.5"),
    )

    assert capped.is_capped_at_45_days
    assert capped.due_on == date(2025, 2, 15)
    assert capped.days_late == 45


@pytest.mark.parametrize(
    ("_case", "start", "end", "months", "days"),
    [
        ("same day", date(2025, 1, 31), date(2025, 1, 31), 0, 0),
        ("31st to end of February is a month", date(2025, 1, 31), date(2025, 2, 28), 1, 0),
        ("and a day more", date(2025, 1, 31), date(2025, 3, 1), 1, 1),
        ("leap year", date(2024, 1, 31), date(2024, 2, 29), 1, 0),
        ("a year", date(2024, 3, 15), date(2025, 3, 15), 12, 0),
        ("30 days short of a month", date(2025, 3, 1), date(2025, 3, 31), 0, 30),
    ],
)
def test_whole_months_and_days(_case, start, end, months, days):
    assert whole_months_and_days(start, end) == (months, days)


def test_add_months_keeps_the_last_day_of_short_months():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)
    assert add_months(date(2025, 1, 15), -2) == date(2024, 11, 15)


def test_default_bank_rate_is_the_one_in_force_when_interest_began():
    result = interest_compute(
        principal_inr=LAKH,
        invoice_accepted_on=date(2025, 1, 1),
        agreed_credit_days=30,
        paid_on=date(2025, 6, 30),
    )

    assert result.bank_rate_is_default
    assert result.bank_rate_pct == Decimal("6.75")
    assert result.bank_rate_effective_from == date(2023, 2, 8)
    assert result.interest_inr == Decimal("8727.11")


def test_bank_rate_history():
    assert bank_rate_on(date(2025, 12, 4)).rate_pct == Decimal("5.75")
    assert bank_rate_on(date(2025, 12, 5)).rate_pct == Decimal("5.50")
    assert bank_rate_on(date(2019, 1, 1)) is None
    assert bank_rate_latest().effective_from == date(2025, 12, 5)
    assert "Reserve Bank of India" in bank_rate_latest().source


def test_before_the_history_the_bank_rate_must_be_entered():
    with pytest.raises(InvalidInput) as caught:
        interest_compute(
            principal_inr=LAKH, invoice_accepted_on=date(2018, 1, 1), paid_on=date(2018, 6, 1)
        )

    assert list(caught.value.errors) == ["bank_rate_pct"]


@pytest.mark.parametrize(
    ("_case", "overrides", "field"),
    [
        ("zero principal", {"principal_inr": Decimal(0)}, "principal_inr"),
        ("negative principal", {"principal_inr": Decimal(-5)}, "principal_inr"),
        ("paise beyond two decimals", {"principal_inr": Decimal("10.005")}, "principal_inr"),
        ("not a number", {"principal_inr": Decimal("NaN")}, "principal_inr"),
        ("paid before acceptance", {"paid_on": date(2024, 12, 31)}, "paid_on"),
        ("negative credit days", {"agreed_credit_days": -1}, "agreed_credit_days"),
        ("credit days over 365", {"agreed_credit_days": 366}, "agreed_credit_days"),
        ("bank rate zero", {"bank_rate_pct": Decimal(0)}, "bank_rate_pct"),
        ("bank rate over 20", {"bank_rate_pct": Decimal("20.01")}, "bank_rate_pct"),
        ("before the Act", {"invoice_accepted_on": date(2006, 10, 1)}, "invoice_accepted_on"),
    ],
)
def test_bad_input_names_the_field(_case, overrides, field):
    values = {
        "principal_inr": LAKH,
        "invoice_accepted_on": date(2025, 1, 1),
        "paid_on": date(2025, 6, 30),
        "agreed_credit_days": 30,
        "bank_rate_pct": Decimal("6.75"),
    }
    values.update(overrides)

    with pytest.raises(InvalidInput) as caught:
        interest_compute(**values)

    assert list(caught.value.errors) == [field]


def test_bank_rate_of_exactly_20_and_credit_days_of_365_are_accepted():
    result = interest_compute(
        principal_inr=LAKH,
        invoice_accepted_on=date(2025, 1, 1),
        agreed_credit_days=365,
        paid_on=date(2025, 2, 15),
        bank_rate_pct=Decimal(20),
    )

    assert (result.credit_days_applied, str(result.annual_rate_pct)) == (45, "60")
    assert str(result.monthly_rate_pct) == "5"
