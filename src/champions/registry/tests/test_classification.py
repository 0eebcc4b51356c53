"""The classification engine at each limit, on both sides of 2025-04-01 (pure, no database)."""

from datetime import date

import pytest

from champions.registry.classification import (
    InvalidFigures,
    NoRuleInForce,
    classify,
    load_rules,
)

OLD = date(2025, 3, 31)  # last day of S.O. 2119(E) limits
NEW = date(2025, 4, 1)  # first day of S.O. 1364(E) limits
CRORE = 10_000_000


@pytest.mark.parametrize(
    ("_case", "investment", "turnover", "on", "expected"),
    [
        ("2020 micro at both limits", 1 * CRORE, 5 * CRORE, OLD, "micro"),
        ("2020 micro + 1 rupee investment", 1 * CRORE + 1, 5 * CRORE, OLD, "small"),
        ("2020 micro + 1 rupee turnover", 1 * CRORE, 5 * CRORE + 1, OLD, "small"),
        ("2020 small at both limits", 10 * CRORE, 50 * CRORE, OLD, "small"),
        ("2020 small + 1 investment", 10 * CRORE + 1, 50 * CRORE, OLD, "medium"),
        ("2020 small + 1 turnover", 10 * CRORE, 50 * CRORE + 1, OLD, "medium"),
        ("2020 medium at both limits", 50 * CRORE, 250 * CRORE, OLD, "medium"),
        ("2020 medium + 1 investment", 50 * CRORE + 1, 250 * CRORE, OLD, "none"),
        ("2020 medium + 1 turnover", 50 * CRORE, 250 * CRORE + 1, OLD, "none"),
        ("2025 micro at both limits", int(2.5 * CRORE), 10 * CRORE, NEW, "micro"),
        ("2025 micro + 1 investment", int(2.5 * CRORE) + 1, 10 * CRORE, NEW, "small"),
        ("2025 micro + 1 turnover", int(2.5 * CRORE), 10 * CRORE + 1, NEW, "small"),
        ("2025 small at both limits", 25 * CRORE, 100 * CRORE, NEW, "small"),
        ("2025 small + 1 investment", 25 * CRORE + 1, 100 * CRORE, NEW, "medium"),
        ("2025 small + 1 turnover", 25 * CRORE, 100 * CRORE + 1, NEW, "medium"),
        ("2025 medium at both limits", 125 * CRORE, 500 * CRORE, NEW, "medium"),
        ("2025 medium + 1 investment", 125 * CRORE + 1, 500 * CRORE, NEW, "none"),
        ("2025 medium + 1 turnover", 125 * CRORE, 500 * CRORE + 1, NEW, "none"),
        ("same unit micro after the change", 2 * CRORE, 8 * CRORE, NEW, "micro"),
        ("same unit small before the change", 2 * CRORE, 8 * CRORE, OLD, "small"),
        ("zero figures", 0, 0, NEW, "micro"),
    ],
)
def test_classify_limits(_case, investment, turnover, on, expected):
    result = classify(investment_inr=investment, turnover_inr=turnover, on=on)

    assert result.category == expected
    assert result.rule == ("msmed_2020" if on == OLD else "msmed_2025")


def test_export_turnover_is_left_out():
    # 12 crore turnover of which 3 crore exports counts as 9 crore: micro under the 2025 rule.
    result = classify(
        investment_inr=CRORE, turnover_inr=12 * CRORE, export_turnover_inr=3 * CRORE, on=NEW
    )

    assert result.category == "micro"
    assert "₹3,00,00,000" in result.reasons[1]


def test_reasons_name_the_rule_and_the_ceiling_crossed():
    result = classify(investment_inr=3 * CRORE, turnover_inr=CRORE, on=NEW)

    assert result.category == "small"
    assert result.reasons == [
        "Rule msmed_2025 (MoMSME notification S.O. 1364(E)) is in force on 2025-04-01.",
        "Investment ₹3,00,00,000 exceeds the micro limit of ₹2,50,00,000.",
        "Investment ₹3,00,00,000 does not exceed ₹25,00,00,000 and turnover ₹1,00,00,000 "
        "does not exceed ₹1,00,00,00,000: small.",
    ]


def test_no_rule_before_2020_07_01():
    with pytest.raises(NoRuleInForce):
        classify(investment_inr=1, turnover_inr=1, on=date(2020, 6, 30))


def test_first_day_of_2020_rule():
    assert classify(investment_inr=1, turnover_inr=1, on=date(2020, 7, 1)).rule == "msmed_2020"


@pytest.mark.parametrize(
    ("_case", "figures", "field"),
    [
        ("negative investment", {"investment_inr": -1, "turnover_inr": 0}, "investment_inr"),
        ("negative turnover", {"investment_inr": 0, "turnover_inr": -5}, "turnover_inr"),
        (
            "exports above turnover",
            {"investment_inr": 0, "turnover_inr": 5, "export_turnover_inr": 6},
            "export_turnover_inr",
        ),
    ],
)
def test_invalid_figures(_case, figures, field):
    with pytest.raises(InvalidFigures) as info:
        classify(on=NEW, **figures)

    assert list(info.value.errors) == [field]


def test_rules_are_dated_data_without_gaps():
    rules = load_rules()

    assert [r.id for r in rules] == ["msmed_2020", "msmed_2025"]
    assert (rules[1].effective_from - rules[0].effective_to).days == 1
    assert rules[1].effective_to is None
