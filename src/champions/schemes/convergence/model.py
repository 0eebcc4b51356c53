"""The convergence report's vocabulary: its dimensions, weights and result types (no logic)."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from ..catalogue import DATA_DIR

RECOMMENDATIONS_FILE = DATA_DIR / "convergence_niti_2026.json"
VOCABULARIES_FILE = DATA_DIR / "convergence_themes.json"

TARGET_GROUPS_DIMENSION = "target_groups"
COMPONENTS = "components"
BENEFIT_TYPES = "benefit_types"
AGENCIES = "agencies"
ELIGIBILITY_FACTS = "eligibility_facts"
COMBINED = "combined"
DIMENSIONS = (TARGET_GROUPS_DIMENSION, COMPONENTS, BENEFIT_TYPES, AGENCIES, ELIGIBILITY_FACTS)

# The combined score weighs what a merger would pool. The report's case for convergence is the
# same beneficiaries served by the same kind of activity, so target groups and components weigh
# most; the form of the benefit next; the delivery agencies and the facts the rules read say
# least (nearly every scheme asks who the applicant is, and one ministry runs most of them).
WEIGHTS = {
    TARGET_GROUPS_DIMENSION: 0.30,
    COMPONENTS: 0.30,
    BENEFIT_TYPES: 0.20,
    AGENCIES: 0.10,
    ELIGIBILITY_FACTS: 0.10,
}
DIMENSION_LABELS = {
    COMBINED: _("Combined score"),
    TARGET_GROUPS_DIMENSION: _("Target groups"),
    COMPONENTS: _("Components"),
    BENEFIT_TYPES: _("Benefit types"),
    AGENCIES: _("Agencies"),
    ELIGIBILITY_FACTS: _("Eligibility facts"),
}

# A member of a merge group is a scheme of the catalogue, a part (component) of one that the
# report names as if it were a scheme, or absent: neither is invented.
MEMBER_SCHEME, MEMBER_COMPONENT, MEMBER_MISSING, MEMBER_CLOSED = (
    "scheme",
    "component",
    "missing",
    "closed",
)
MEMBER_STATUSES = (MEMBER_SCHEME, MEMBER_COMPONENT, MEMBER_MISSING, MEMBER_CLOSED)


@dataclass(frozen=True)
class Item:
    id: str
    label: str


@dataclass(frozen=True)
class Overlap:
    """One dimension of a pair: the Jaccard similarity and the items both schemes have."""

    dimension: str
    score: float
    shared: tuple[Item, ...]

    @property
    def label(self) -> str:
        return str(DIMENSION_LABELS[self.dimension])


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    score: float
    overlaps: tuple[Overlap, ...]
    rank: int = 0  # 1 for the most overlapping pair of the catalogue
    a_label: str = ""  # the schemes' short names
    b_label: str = ""

    def overlap(self, dimension: str) -> Overlap:
        return next(o for o in self.overlaps if o.dimension == dimension)

    @property
    def has_evidence(self) -> bool:
        return any(o.shared for o in self.overlaps)


@dataclass(frozen=True)
class SchemeRef:
    id: str
    name: str
    short_name: str


@dataclass(frozen=True)
class Member:
    scheme_id: str
    name: str
    short_name: str
    status: str
    part: str = ""


@dataclass(frozen=True)
class MergeCandidate:
    group: str
    title: str
    recommendation: str
    note: str
    members: tuple[Member, ...]
    evidence: tuple[Pair, ...]
    mean_score: float | None


@dataclass(frozen=True)
class Independent:
    scheme_id: str
    name: str
    short_name: str
    in_catalogue: bool
    reason: str
    catalogue_note: str
    nearest: Pair | None

    @property
    def nearest_label(self) -> str:
        """The short name of the other scheme of its most overlapping pair."""
        if self.nearest is None:
            return ""
        return self.nearest.b_label if self.nearest.a == self.scheme_id else self.nearest.a_label


@dataclass(frozen=True)
class ReportSource:
    title: str
    publisher: str
    released: str
    cited_in: str
    sources: tuple[str, ...]
    caveat: str
    keep_independent_recommendation: str


@dataclass(frozen=True)
class Dimension:
    id: str
    label: str
    weight: float


@dataclass(frozen=True)
class ConvergenceReport:
    """The overlap matrix (combined and per dimension), in the order of `schemes`, every pair
    ranked by its combined score, and the report's merge candidates and independents."""

    on: date
    source: ReportSource
    schemes: tuple[SchemeRef, ...]
    left_out: tuple[SchemeRef, ...]
    dimensions: tuple[Dimension, ...]
    matrix: tuple[tuple[float, ...], ...]
    matrices: dict[str, tuple[tuple[float, ...], ...]]
    pairs: tuple[Pair, ...]
    merge_candidates: tuple[MergeCandidate, ...]
    keep_independent: tuple[Independent, ...]

    def pair(self, a: str, b: str) -> Pair:
        key = tuple(sorted((a, b)))
        return next(p for p in self.pairs if (p.a, p.b) == key)

    def matrix_for(self, dimension: str) -> tuple[tuple[float, ...], ...]:
        return self.matrix if dimension == COMBINED else self.matrices[dimension]

    def merge_pairs(self) -> dict[tuple[str, str], str]:
        """(a, b) -> merge group, for every pair of schemes the report would merge."""
        return {(p.a, p.b): c.group for c in self.merge_candidates for p in c.evidence}
