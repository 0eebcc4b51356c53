"""The sparks score: an explainable champion-potential score from facts the portal holds.

It is used to OFFER help (a call, a visit, a scheme, a buyer), never to refuse it. Every
component is shown with its weight, its value (0-1) and the evidence; the weights are
published on the page. The score never reads the owner's gender or social category: they
are not among the facts (`SparkFacts`), and a test checks it.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

CATEGORY_RANK = {"micro": 0, "small": 1, "medium": 2, "none": 3}
NEUTRAL = 0.5  # no evidence either way (no grievance, no matched opportunity)


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    weight: int
    rule: str


COMPONENTS: tuple[Component, ...] = (
    Component(
        "turnover_growth",
        _("Turnover growth"),
        20,
        _(
            "Growth between the first and the latest turnover in the registry's category "
            "history; doubling or more scores 1."
        ),
    ),
    Component(
        "moved_up",
        _("Moved up a size class"),
        10,
        _("1 if the unit moved from micro to small or small to medium, else 0."),
    ),
    Component(
        "exports",
        _("Exports"),
        15,
        _("Export share of turnover; 25% or more scores 1."),
    ),
    Component(
        "employment",
        _("Employment"),
        10,
        _(
            "Employees now, on a log scale (100 or more scores 1). The registry keeps no "
            "history of employment."
        ),
    ),
    Component(
        "certifications",
        _("Certifications"),
        10,
        _("ZED certificate 1, ISO or BIS certificate 0.6, none 0 (as recorded by officers)."),
    ),
    Component(
        "scheme_uptake",
        _("Scheme uptake"),
        5,
        _("Scheme benefits recorded: one 0.5, two or more 1."),
    ),
    Component(
        "clusters",
        _("Cluster activity"),
        10,
        _("Cluster memberships and stated common needs: two or more score 1."),
    ),
    Component(
        "network",
        _("Network activity"),
        5,
        _("Partnership posts and expressions of interest: three or more score 1."),
    ),
    Component(
        "responsiveness",
        _("Responsiveness"),
        10,
        _("Share of matched opportunities the unit answered; none matched yet 0.5."),
    ),
    Component(
        "grievances",
        _("Grievances resolved"),
        5,
        _("Share of the unit's grievances resolved; no grievance 0.5."),
    ),
)
WEIGHTS = {c.key: c.weight for c in COMPONENTS}
assert sum(WEIGHTS.values()) == 100  # noqa: S101 - the weights are percentages


@dataclass(frozen=True)
class SparkFacts:
    """Everything the score may read. No gender, no social category, no name."""

    turnover_history: tuple[int, ...]
    category_history: tuple[str, ...]
    turnover_inr: int
    export_turnover_inr: int
    employees: int
    certificates: tuple[str, ...] = ()
    scheme_benefits: int = 0
    cluster_activity: int = 0
    network_activity: int | None = None
    matched: int = 0
    answered: int = 0
    grievances_lodged: int = 0
    grievances_resolved: int = 0


@dataclass(frozen=True)
class ComponentScore:
    component: Component
    value: float
    evidence: str

    @property
    def points(self) -> float:
        return round(self.component.weight * self.value, 1)


@dataclass(frozen=True)
class SparkScore:
    total: float
    components: list[ComponentScore] = field(default_factory=list)


def _clamp(x: float) -> float:
    return max(0.0, min(1.0, x))


def _growth(facts: SparkFacts) -> tuple[float, str]:
    history = [t for t in facts.turnover_history if t]
    if len(history) < 2:
        return 0.0, str(_("One turnover figure only"))
    growth = history[-1] / history[0] - 1
    return _clamp(growth), f"₹{history[0]:,} → ₹{history[-1]:,} ({growth:+.0%})"


def _moved_up(facts: SparkFacts) -> tuple[float, str]:
    ranks = [CATEGORY_RANK.get(c, 0) for c in facts.category_history]
    moved = len(ranks) > 1 and max(ranks[1:]) > ranks[0] and ranks[-1] > ranks[0]
    return (1.0 if moved else 0.0), " → ".join(facts.category_history) or "-"


def _ratio(done: int, total: int) -> tuple[float, str]:
    if not total:
        return NEUTRAL, str(_("no evidence yet"))
    return done / total, f"{done}/{total}"


def _value(key: str, facts: SparkFacts) -> tuple[float, str]:
    if key == "turnover_growth":
        return _growth(facts)
    if key == "moved_up":
        return _moved_up(facts)
    if key == "exports":
        share = facts.export_turnover_inr / facts.turnover_inr if facts.turnover_inr else 0.0
        return _clamp(share / 0.25), f"{share:.0%}"
    if key == "employment":
        return _clamp(math.log1p(facts.employees) / math.log1p(100)), str(facts.employees)
    if key == "certifications":
        value = 1.0 if "zed" in facts.certificates else 0.6 if "iso" in facts.certificates else 0.0
        return value, ", ".join(sorted(set(facts.certificates))) or "-"
    if key == "scheme_uptake":
        return _clamp(facts.scheme_benefits / 2), str(facts.scheme_benefits)
    if key == "clusters":
        return _clamp(facts.cluster_activity / 2), str(facts.cluster_activity)
    if key == "network":
        if facts.network_activity is None:
            return 0.0, str(_("network data not available"))
        return _clamp(facts.network_activity / 3), str(facts.network_activity)
    if key == "responsiveness":
        return _ratio(facts.answered, facts.matched)
    return _ratio(facts.grievances_resolved, facts.grievances_lodged)


def spark_score(facts: SparkFacts) -> SparkScore:
    """The score (0-100) with every component's weight, value and evidence."""
    components = [
        ComponentScore(c, round(_value(c.key, facts)[0], 3), _value(c.key, facts)[1])
        for c in COMPONENTS
    ]
    return SparkScore(
        total=round(sum(c.component.weight * c.value for c in components), 1), components=components
    )


# Facts from apps above this one (grievances) arrive through this seam: name → function
# taking enterprise_ids and returning {enterprise id: (count, count)}.
FACT_SOURCES: dict[str, Callable[..., dict[int, tuple[int, int]]]] = {}


def fact_source_register(name: str, source: Callable[..., dict[int, tuple[int, int]]]) -> None:
    FACT_SOURCES[name] = source
