"""The MSME classification engine: pure Python, rules as dated data in data/.

Under S.O. 2119(E) and its amendment S.O. 1364(E) an enterprise is micro, small or medium when
neither its investment in plant & machinery or equipment nor its turnover exceeds the limit
("does not exceed", so the limit itself is inside). Export turnover is left out of turnover.
Crossing either ceiling moves the enterprise up to the next category.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from champions.core.numbers import format_inr

RULES_FILE = Path(__file__).resolve().parent / "data" / "classification_rules.json"
CATEGORIES = ("micro", "small", "medium")


@dataclass(frozen=True)
class Limits:
    investment: int
    turnover: int


@dataclass(frozen=True)
class Rule:
    id: str
    effective_from: date
    effective_to: date | None
    instrument: str
    limits: dict[str, Limits]

    def in_force_on(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@dataclass(frozen=True)
class Classification:
    category: str
    rule: str
    reasons: list[str] = field(default_factory=list)


class NoRuleInForce(ValueError):
    """No classification rule covers the date asked about."""


class InvalidFigures(ValueError):
    """Figures that cannot be classified; `errors` maps each field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@cache
def load_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    rules = []
    for raw in doc["rules"]:
        rules.append(
            Rule(
                id=raw["id"],
                effective_from=date.fromisoformat(raw["effective_from"]),
                effective_to=date.fromisoformat(raw["effective_to"])
                if raw["effective_to"]
                else None,
                instrument=raw["instrument"],
                limits={
                    name: Limits(investment=int(v["investment"]), turnover=int(v["turnover"]))
                    for name, v in raw["limits_inr"].items()
                },
            )
        )
    return tuple(sorted(rules, key=lambda r: r.effective_from))


def rule_in_force(on: date, rules: tuple[Rule, ...] | None = None) -> Rule:
    for rule in rules if rules is not None else load_rules():
        if rule.in_force_on(on):
            return rule
    raise NoRuleInForce(
        _("No classification rule in the catalogue is in force on %(date)s.")
        % {"date": on.isoformat()}
    )


def classify(
    *,
    investment_inr: int,
    turnover_inr: int,
    export_turnover_inr: int = 0,
    on: date,
    rules: tuple[Rule, ...] | None = None,
) -> Classification:
    """Classify an enterprise under the rule in force on `on`, with a reason for each test."""
    errors = {}
    for name, value in (
        ("investment_inr", investment_inr),
        ("turnover_inr", turnover_inr),
        ("export_turnover_inr", export_turnover_inr),
    ):
        if value < 0:
            errors[name] = _("Must be zero or more.")
    if not errors and export_turnover_inr > turnover_inr:
        errors["export_turnover_inr"] = _("Export turnover cannot exceed total turnover.")
    if errors:
        raise InvalidFigures(errors)

    rule = rule_in_force(on, rules)
    counted_turnover = turnover_inr - export_turnover_inr
    reasons = [
        _("Rule %(rule)s (%(instrument)s) is in force on %(date)s.")
        % {
            "rule": rule.id,
            "instrument": rule.instrument.split(" dated")[0],
            "date": on.isoformat(),
        },
    ]
    if export_turnover_inr:
        reasons.append(
            _("Export turnover of %(exports)s is left out: turnover counted is %(turnover)s.")
            % {"exports": format_inr(export_turnover_inr), "turnover": format_inr(counted_turnover)}
        )
    for category in CATEGORIES:
        limits = rule.limits[category]
        investment_fits = investment_inr <= limits.investment
        turnover_fits = counted_turnover <= limits.turnover
        if investment_fits and turnover_fits:
            reasons.append(
                _(
                    "Investment %(investment)s does not exceed %(inv_limit)s and turnover "
                    "%(turnover)s does not exceed %(turn_limit)s: %(category)s."
                )
                % {
                    "investment": format_inr(investment_inr),
                    "inv_limit": format_inr(limits.investment),
                    "turnover": format_inr(counted_turnover),
                    "turn_limit": format_inr(limits.turnover),
                    "category": category,
                }
            )
            return Classification(category=category, rule=rule.id, reasons=reasons)
        if not investment_fits:
            reasons.append(
                _("Investment %(investment)s exceeds the %(category)s limit of %(limit)s.")
                % {
                    "investment": format_inr(investment_inr),
                    "category": category,
                    "limit": format_inr(limits.investment),
                }
            )
        if not turnover_fits:
            reasons.append(
                _("Turnover %(turnover)s exceeds the %(category)s limit of %(limit)s.")
                % {
                    "turnover": format_inr(counted_turnover),
                    "category": category,
                    "limit": format_inr(limits.turnover),
                }
            )
    reasons.append(_("Above the medium limits: not an MSME under this rule."))
    return Classification(category="none", rule=rule.id, reasons=reasons)
