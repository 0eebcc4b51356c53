"""Benefit calculations named by a scheme's `benefit_calculation.method` (pure, no database).

Each calculator takes the entry's parameters, the derived facts and the date, and returns the
indicative benefit with the facts that would make it exact. Amounts are indicative: the agency
or the lender decides.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from champions.core.numbers import format_inr

from .catalogue import localized
from .conditions import condition_holds, in_force


@dataclass(frozen=True)
class Benefit:
    summary: str
    amount_inr: int | None = None
    percent: float | None = None
    is_minimum: bool = False
    details: list[str] = field(default_factory=list)


Calculation = tuple[Benefit | None, tuple[str, ...]]

# Who counts as a PMEGP special category (the 2022 guidelines): any one is enough.
PMEGP_SPECIAL_FACTS = (
    "is_minority",
    "is_ex_serviceman",
    "specially_abled",
    "women_owned",
    "north_east",
    "aspirational_district",
    "hill_or_border_area",
)


def _pct(amount: int, pct: float) -> int:
    return int(amount * pct // 100)


def pmegp_special(facts: dict) -> bool | None:
    """True for a special category, False for general, None while it cannot be told."""
    if facts.get("social_category") in ("sc", "st", "obc"):
        return True
    if facts.get("gender") in ("female", "transgender"):
        return True
    if any(facts.get(name) is True for name in PMEGP_SPECIAL_FACTS):
        return True
    if "social_category" in facts and "gender" in facts:
        return False
    return None


def pmegp_margin_money(params: dict, facts: dict, on: date) -> Calculation:
    special = pmegp_special(facts)
    group = "special" if special else "general"
    location = facts.get("location_type")
    rate = params["rates"][group][location or "urban"]
    missing = [
        name
        for name in ("project_cost_inr", "location_type", "social_category", "gender")
        if name not in facts
    ]
    is_minimum = special is None or location is None
    cost, sector = facts.get("project_cost_inr"), facts.get("sector")
    details = [
        _("Own contribution: %(pct)s%% of the project cost.")
        % {"pct": params["own_contribution_pct"][group]}
    ]
    if cost is None or sector not in params["max_project_cost_inr"]:
        summary = _("Subsidy of %(rate)s%% of the project cost.") % {"rate": rate}
        return Benefit(summary, None, rate, is_minimum, details), tuple(missing)
    counted = min(cost, params["max_project_cost_inr"][sector])
    amount = _pct(counted, rate)
    summary = _("Subsidy of %(rate)s%% of %(cost)s: %(amount)s.") % {
        "rate": rate,
        "cost": format_inr(counted),
        "amount": format_inr(amount),
    }
    return Benefit(summary, amount, rate, is_minimum, details), tuple(missing)


def pmegp_second_loan(params: dict, facts: dict, on: date) -> Calculation:
    higher = facts.get("north_east") is True or facts.get("hill_or_border_area") is True
    rate = params["rate_pct_ner_hill"] if higher else params["rate_pct"]
    missing = tuple(n for n in ("project_cost_inr", "state") if n not in facts)
    cost, sector = facts.get("project_cost_inr"), facts.get("sector")
    is_minimum = not higher and "north_east" not in facts
    if cost is None or sector not in params["max_project_cost_inr"]:
        summary = _("Subsidy of %(rate)s%% of the project cost.") % {"rate": rate}
        return Benefit(summary, None, rate, is_minimum), missing
    counted = min(cost, params["max_project_cost_inr"][sector])
    amount = _pct(counted, rate)
    summary = _("Subsidy of %(rate)s%% of %(cost)s: %(amount)s.") % {
        "rate": rate,
        "cost": format_inr(counted),
        "amount": format_inr(amount),
    }
    return Benefit(summary, amount, rate, is_minimum), missing


def _cover_row(params: dict, facts: dict, on: date) -> tuple[dict | None, bool]:
    """The cover that applies (retail trade first, else the best), and whether a better one
    could apply once unknown facts are known."""
    rows = [row for row in params["cover_table"] if in_force(row, on)]
    best, could_be_better = None, False
    for row in rows:
        holds = [condition_holds(c, facts) for c in row["if"]]
        if all(h is True for h in holds):
            if row["id"] == "retail_trade":
                return row, False
            if best is None or row["pct"] > best["pct"]:
                best = row
        elif False not in holds and (best is None or row["pct"] > best["pct"]):
            could_be_better = True
    return best, could_be_better and best is not None


def guarantee_cover(params: dict, facts: dict, on: date) -> Calculation:
    row, could_be_better = _cover_row(params, facts, on)
    if row is None:
        return None, ()
    ceiling = next(c["max_loan_inr"] for c in params["ceilings"] if in_force(c, on))
    pct, who = row["pct"], localized(row, "label")
    loan = facts.get("loan_amount_inr")
    details = [_("Loans up to %(ceiling)s are covered.") % {"ceiling": format_inr(ceiling)}]
    if loan is None:
        summary = _("Guarantee cover of %(pct)s%% of the loan (%(who)s).") % {
            "pct": pct,
            "who": who,
        }
        return Benefit(summary, None, pct, could_be_better, details), ("loan_amount_inr",)
    amount = _pct(min(loan, ceiling), pct)
    summary = _("Guarantee cover of %(pct)s%% (%(who)s): %(amount)s of a %(loan)s loan.") % {
        "pct": pct,
        "who": who,
        "amount": format_inr(amount),
        "loan": format_inr(loan),
    }
    return Benefit(summary, amount, pct, could_be_better, details), ()


def capital_subsidy(params: dict, facts: dict, on: date) -> Calculation:
    if facts.get("sector") in params.get("not_for_sectors", []):
        return Benefit(_("The capital subsidy is not given for trading.")), ()
    base = facts.get(params["base"])
    pct, cap = params["pct"], params["cap_inr"]
    if base is None:
        summary = _("Capital subsidy of %(pct)s%%, up to %(cap)s.") % {
            "pct": pct,
            "cap": format_inr(cap),
        }
        return Benefit(summary, None, pct), (params["base"],)
    amount = min(_pct(min(base, params["max_base_inr"]), pct), cap)
    summary = _("Capital subsidy of %(pct)s%%: %(amount)s.") % {
        "pct": pct,
        "amount": format_inr(amount),
    }
    return Benefit(summary, amount, pct), ()


def percent_by_category(params: dict, facts: dict, on: date) -> Calculation:
    category = facts.get("msme_category")
    if category not in params["base_pct"]:
        return None, ("msme_category",) if category is None else ()
    pct = params["base_pct"][category]
    is_minimum = False
    for extra in params.get("extras", []):
        if any(facts.get(name) is True for name in extra["any"]):
            pct += extra["pct"]
        elif any(name not in facts for name in extra["any"]):
            is_minimum = True
    pct = min(pct, 100)
    summary = _("%(pct)s%% %(of)s.") % {"pct": pct, "of": localized(params, "of")}
    return Benefit(summary, None, pct, is_minimum), ()


def interest_subvention(params: dict, facts: dict, on: date) -> Calculation:
    points, cap = params["pct_points"], params["max_loan_inr"]
    loan = facts.get("loan_amount_inr")
    if loan is None:
        summary = _("Interest lower by %(points)s percentage points on loans up to %(cap)s.") % {
            "points": points,
            "cap": format_inr(cap),
        }
        return Benefit(summary, None, points), ("loan_amount_inr",)
    amount = _pct(min(loan, cap), points)
    summary = _("Interest lower by %(points)s points: about %(amount)s a year.") % {
        "points": points,
        "amount": format_inr(amount),
    }
    return Benefit(summary, amount, points), ()


def fixed(params: dict, facts: dict, on: date) -> Calculation:
    return Benefit(localized(params, "summary"), params.get("amount_inr")), ()


CALCULATORS: dict[str, Callable[[dict, dict, date], Calculation]] = {
    "pmegp_margin_money": pmegp_margin_money,
    "pmegp_second_loan": pmegp_second_loan,
    "guarantee_cover": guarantee_cover,
    "capital_subsidy": capital_subsidy,
    "percent_by_category": percent_by_category,
    "interest_subvention": interest_subvention,
    "fixed": fixed,
}


def compute_benefit(calculation: dict | None, facts: dict, on: date) -> Calculation:
    """The benefit an entry's calculation gives for these facts; (None, ()) when it has none."""
    if not calculation or calculation.get("method") not in CALCULATORS:
        return None, ()
    return CALCULATORS[calculation["method"]](calculation, facts, on)
