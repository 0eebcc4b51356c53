"""The eligibility engine: pure Python, no database. Rules are data (see catalogue.py).

Logic is three-valued. A rule passes, fails, or is unknown because a fact it reads (or a fact of
its `when` condition) is missing; a scheme is eligible only when no rule failed and none is
unknown, so a missing fact never makes a scheme eligible. Rules and schemes carry effective
dates: a rule outside its dates is not in force, a scheme outside its validity is not open.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from champions.registry.classification import InvalidFigures, NoRuleInForce, classify

from .benefits import Benefit, compute_benefit
from .catalogue import constants, load_facts, localized
from .conditions import condition_holds, day, in_force

PASSED, FAILED, UNKNOWN = "passed", "failed", "unknown"
NOT_APPLICABLE, NOT_IN_FORCE = "not_applicable", "not_in_force"
ELIGIBLE, NOT_ELIGIBLE, NEEDS_INFO = "eligible", "not_eligible", "needs_more_information"
STATUSES = (ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE)

# For an individual or a proprietor, the enterprise's ownership follows the person.
PERSONAL_APPLICANTS = ("individual", "proprietorship")


@dataclass(frozen=True)
class RuleOutcome:
    rule_id: str
    field: str
    outcome: str
    label: str
    missing_facts: tuple[str, ...] = ()
    hint: str = ""
    actionable: bool = False


# Asked first by the questionnaire: who applies, then the state (state-level rules and
# benefits, and the north-east, depend on it).
OPENING_QUESTIONS = ("applicant_type", "state")

OFFICIAL, SECONDARY = "official", "secondary"
# Government of India and state government sites (the NIC-run domains).
OFFICIAL_DOMAINS = ("gov.in", "nic.in")


@dataclass(frozen=True)
class SourceLink:
    title: str
    url: str
    official: bool


def _is_official(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in OFFICIAL_DOMAINS)


def source_basis(scheme: dict) -> tuple[str, tuple[SourceLink, ...]]:
    """Whether the entry's rules rest on an official source, and its sources, official first.

    Official only when a source is a government site (gov.in, nic.in) and the entry is not
    marked for verification; otherwise the rules rest on secondary sources."""
    links = tuple(
        sorted(
            (
                SourceLink(
                    title=s.get("title") or s["url"], url=s["url"], official=_is_official(s["url"])
                )
                for s in scheme.get("sources", [])
                if s.get("url")
            ),
            key=lambda link: not link.official,
        )
    )
    official = any(link.official for link in links) and not scheme.get("needs_verification")
    return (OFFICIAL if official else SECONDARY), links


@dataclass(frozen=True)
class Result:
    """The answer for one scheme: status, the outcome of every rule, and what is missing."""

    scheme_id: str
    name: str
    short_name: str
    status: str
    reasons: tuple[str, ...]
    missing_facts: tuple[str, ...]
    rules: tuple[RuleOutcome, ...]
    benefit: Benefit | None = None
    benefit_missing_facts: tuple[str, ...] = ()
    caveats: tuple[str, ...] = ()
    is_finance: bool = False
    is_open: bool = True
    source_basis: str = SECONDARY
    sources: tuple[SourceLink, ...] = ()

    @property
    def failed(self) -> tuple[RuleOutcome, ...]:
        return tuple(r for r in self.rules if r.outcome == FAILED)

    @property
    def passed(self) -> tuple[RuleOutcome, ...]:
        return tuple(r for r in self.rules if r.outcome == PASSED)


def evaluate_rule(rule: dict, facts: dict, on: date) -> RuleOutcome:
    label = localized(rule, "label")
    base = {
        "rule_id": rule["id"],
        "field": rule.get("field", ""),
        "label": label,
        "hint": localized(rule, "hint"),
        "actionable": bool(rule.get("actionable")),
    }
    if not in_force(rule, on):
        return RuleOutcome(outcome=NOT_IN_FORCE, **base)
    if "any_of" in rule:
        return _evaluate_any_of(rule, facts, on, base)
    unknown_conditions = []
    for condition in rule.get("when", []) or []:
        holds = condition_holds(condition, facts)
        if holds is False:
            return RuleOutcome(outcome=NOT_APPLICABLE, **base)
        if holds is None:
            unknown_conditions.append(condition["field"])
    if unknown_conditions:
        # The condition decides whether the rule applies: ask for it before the rule's own fact.
        return RuleOutcome(outcome=UNKNOWN, missing_facts=tuple(unknown_conditions), **base)
    holds = condition_holds(rule, facts)
    if holds is None:
        return RuleOutcome(outcome=UNKNOWN, missing_facts=(rule["field"],), **base)
    return RuleOutcome(outcome=PASSED if holds else FAILED, **base)


def _evaluate_any_of(rule: dict, facts: dict, on: date, base: dict) -> RuleOutcome:
    children = [evaluate_rule(child, facts, on) for child in rule["any_of"]]
    outcomes = {child.outcome for child in children}
    if PASSED in outcomes:
        return RuleOutcome(outcome=PASSED, **base)
    if UNKNOWN in outcomes:
        missing = tuple(dict.fromkeys(f for child in children for f in child.missing_facts))
        return RuleOutcome(outcome=UNKNOWN, missing_facts=missing, **base)
    if FAILED in outcomes:
        hint = next((c.hint for c in children if c.outcome == FAILED and c.hint), "")
        actionable = any(c.actionable for c in children if c.outcome == FAILED)
        return RuleOutcome(
            outcome=FAILED, **{**base, "hint": base["hint"] or hint, "actionable": actionable}
        )
    return RuleOutcome(outcome=NOT_APPLICABLE, **base)


def derive_facts(profile: dict, on: date) -> tuple[dict, list[str]]:
    """The profile with the facts that follow from others filled in, and a note for each.

    Given facts always win over derived ones. The category comes from the investment and
    turnover under the classification rule in force on `on` (registry.classification).
    """
    facts = {k: v for k, v in profile.items() if v is not None and v != ""}
    notes = []
    if "msme_category" not in facts and "investment_inr" in facts and "turnover_inr" in facts:
        try:
            result = classify(
                investment_inr=facts["investment_inr"],
                turnover_inr=facts["turnover_inr"],
                export_turnover_inr=facts.get("export_turnover_inr", 0),
                on=on,
            )
        except (InvalidFigures, NoRuleInForce):
            pass
        else:
            facts["msme_category"] = result.category
            notes.append(
                _("Category worked out from the investment and turnover: %(category)s.")
                % {"category": load_facts()["msme_category"].choice_label(result.category)}
            )
    if "north_east" not in facts and "state" in facts:
        facts["north_east"] = facts["state"] in constants()["NORTH_EAST_STATES"]
    if facts.get("applicant_type") in PERSONAL_APPLICANTS:
        if "women_owned" not in facts and "gender" in facts:
            facts["women_owned"] = facts["gender"] == "female"
        if "sc_st_owned" not in facts and "social_category" in facts:
            facts["sc_st_owned"] = facts["social_category"] in ("sc", "st")
    return facts, notes


def _validity(scheme: dict, on: date) -> tuple[bool, list[str], list[str]]:
    """Whether the scheme is open on `on`, the reasons if not, and caveats if in doubt."""
    start, end = day(scheme.get("valid_from")), day(scheme.get("valid_to"))
    if start and on < start:
        message = _("The scheme opens on %(date)s.") % {"date": start.isoformat()}
        return False, [message], []
    if end and on > end:
        message = _("The scheme closed on %(date)s.") % {"date": end.isoformat()}
        return False, [message], []
    caveats = []
    approved_until = day(scheme.get("approved_until"))
    if approved_until and on > approved_until:
        caveats.append(
            _(
                "The approved period ended on %(date)s and its continuation is not yet "
                "verified: check with the agency before applying."
            )
            % {"date": approved_until.isoformat()}
        )
    if scheme.get("needs_verification"):
        caveats.append(_("Parts of this entry rest on secondary sources and are to be verified."))
    return True, [], caveats


def _reason(outcome: RuleOutcome) -> str:
    if outcome.outcome == PASSED:
        return _("Met: %(rule)s.") % {"rule": outcome.label}
    if outcome.outcome == FAILED:
        return _("Not met: %(rule)s.") % {"rule": outcome.label}
    return _("Not known yet: %(rule)s.") % {"rule": outcome.label}


def evaluate_scheme(facts: dict, scheme: dict, on: date, notes: Iterable[str] = ()) -> Result:
    """Evaluate derived facts (see derive_facts) against one scheme entry."""
    is_open, closed_reasons, caveats = _validity(scheme, on)
    outcomes = tuple(evaluate_rule(rule, facts, on) for rule in scheme.get("rules", []))
    counted = [o for o in outcomes if o.outcome in (PASSED, FAILED, UNKNOWN)]
    if not is_open or any(o.outcome == FAILED for o in counted):
        status = NOT_ELIGIBLE
    elif any(o.outcome == UNKNOWN for o in counted):
        status = NEEDS_INFO
    else:
        status = ELIGIBLE
    missing = ()
    if status == NEEDS_INFO:
        missing = tuple(dict.fromkeys(f for o in counted for f in o.missing_facts))
    benefit, benefit_missing = None, ()
    if status != NOT_ELIGIBLE:
        benefit, benefit_missing = compute_benefit(scheme.get("benefit_calculation"), facts, on)
    reasons = [*closed_reasons, *(_reason(o) for o in counted)]
    if not scheme.get("rules"):
        reasons.append(_("Open to every enterprise and trainee."))
    basis, sources = source_basis(scheme)
    return Result(
        scheme_id=scheme["id"],
        name=localized(scheme, "name"),
        short_name=scheme.get("short_name", ""),
        status=status,
        reasons=(*notes, *reasons),
        missing_facts=missing,
        rules=outcomes,
        benefit=benefit,
        benefit_missing_facts=benefit_missing,
        caveats=tuple(caveats),
        is_finance=bool(scheme.get("is_finance")),
        is_open=is_open,
        source_basis=basis,
        sources=sources,
    )


def evaluate(profile: dict, schemes: Iterable[dict], on: date) -> list[Result]:
    """Evaluate a profile (fact name → value; absent or None = unknown) against every scheme."""
    facts, notes = derive_facts(profile, on)
    return [evaluate_scheme(facts, scheme, on, notes) for scheme in schemes]


def _askable(fact_name: str, answered: set, skipped: set) -> str | None:
    """The question that can still settle a fact: itself, or what it is worked out from."""
    fact = load_facts().get(fact_name)
    for candidate in fact.ask if fact else (fact_name,):
        if candidate not in answered and candidate not in skipped:
            return candidate
    return None


def next_question(
    results: Iterable[Result],
    *,
    answered: Iterable[str] = (),
    skipped: Iterable[str] = (),
    include_benefits: bool = True,
    opening: Iterable[str] = (),
) -> str | None:
    """The fact to ask for next: the one that settles the most schemes still undecided.

    The `opening` questions come first, in order (the questionnaire asks who applies and the
    state, so state-level rules and benefits can be settled). Facts the applicant skipped are
    not asked again. Once eligibility is settled, the facts that refine the benefit of eligible
    schemes follow. Ties go to the facts file's order.
    """
    answered, skipped = set(answered), set(skipped)
    for name in opening:
        if name not in answered and name not in skipped:
            return name
    results = list(results)
    order = {name: i for i, name in enumerate(load_facts())}
    pools = [[f for r in results if r.status == NEEDS_INFO for f in r.missing_facts]]
    if include_benefits:
        pools.append([f for r in results if r.status == ELIGIBLE for f in r.benefit_missing_facts])
    for pool in pools:
        counts = Counter()
        for fact_name in pool:
            question = _askable(fact_name, answered, skipped)
            if question:
                counts[question] += 1
        if counts:
            return min(counts, key=lambda name: (-counts[name], order.get(name, len(order))))
    return None


def remaining_questions(
    results: Iterable[Result], *, answered=(), skipped=(), opening: Iterable[str] = ()
) -> int:
    """How many distinct questions could still be asked (for the progress shown)."""
    answered, skipped = set(answered), set(skipped)
    pending = {name for name in opening if name not in answered and name not in skipped}
    for result in results:
        facts = result.missing_facts if result.status == NEEDS_INFO else ()
        if result.status == ELIGIBLE:
            facts = result.benefit_missing_facts
        for fact_name in facts:
            question = _askable(fact_name, answered, skipped)
            if question:
                pending.add(question)
    return len(pending)


@dataclass(frozen=True)
class Recommendations:
    eligible: list[Result] = field(default_factory=list)
    nearly: list[Result] = field(default_factory=list)


def rank_key(result: Result):
    """Schemes matched on more rules first (more specific to the profile), then by benefit."""
    amount = result.benefit.amount_inr if result.benefit and result.benefit.amount_inr else 0
    return (-len(result.passed), -amount, result.name)


def is_nearly_eligible(result: Result) -> bool:
    """Undecided for want of facts, or failing one rule the applicant can fix (e.g. Udyam)."""
    if not result.is_open:
        return False
    if result.status == NEEDS_INFO:
        return True
    failed = result.failed
    return result.status == NOT_ELIGIBLE and len(failed) == 1 and failed[0].actionable


def recommend(results: Iterable[Result]) -> Recommendations:
    results = list(results)
    return Recommendations(
        eligible=sorted((r for r in results if r.status == ELIGIBLE), key=rank_key),
        nearly=sorted((r for r in results if is_nearly_eligible(r)), key=rank_key),
    )


def profile_errors(profile: dict) -> dict[str, list[str]]:
    """Checks across facts that a per-fact type check cannot make."""
    errors = {}
    turnover, exports = profile.get("turnover_inr"), profile.get("export_turnover_inr")
    if turnover is not None and exports is not None and exports > turnover:
        errors["export_turnover_inr"] = [_("Export turnover cannot exceed total turnover.")]
    return errors
