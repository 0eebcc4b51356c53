"""The JSON shapes of the scheme endpoints (/api/v1/schemes): what comes in, what goes out.

`ProfileIn` is built from the catalogue's facts, so a new fact is a new optional field.
"""

from datetime import date
from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StrictBool, StrictInt, create_model

from champions.core.fields import BodyId, DbId, SaneDate

from .catalogue import Fact, load_facts
from .convergence import DIMENSIONS, MEMBER_STATUSES
from .eligibility import STATUSES


def _profile_field(fact: Fact):
    description = fact.question_en + (f" {fact.help_en}" if fact.help_en else "")
    if fact.type == "bool":
        return StrictBool | None, Field(None, description=description)
    if fact.type == "int":
        return StrictInt | None, Field(
            None, ge=fact.minimum, le=fact.maximum, description=description
        )
    if fact.type == "choice":
        return Literal[fact.values] | None, Field(None, description=description)
    return str | None, Field(
        None, max_length=fact.max_length, pattern=r"^\d{2,5}$", description=description
    )


ProfileIn = create_model(
    "ProfileIn",
    __base__=Schema,
    **{name: _profile_field(fact) for name, fact in load_facts().items()},
)


ProfileIn.model_config = ConfigDict(**Schema.model_config, extra="forbid")


ProfileIn.__doc__ = (
    "An applicant-and-enterprise profile. Every fact is optional: a missing fact is unknown, "
    "and an unknown fact never makes a scheme eligible."
)


ProfileIn.model_rebuild(force=True)


class EligibilityIn(Schema):
    profile: ProfileIn = Field(default_factory=ProfileIn)
    enterprise_id: BodyId | None = Field(
        None,
        description="A registered enterprise you may see: its registry facts are used, and "
        "win over the same facts in `profile`. Needs a signed-in user.",
    )
    on: SaneDate | None = Field(
        None, description="The date the rules are read on (YYYY-MM-DD); today by default."
    )


class BenefitOut(Schema):
    summary: str
    amount_inr: int | None = Field(None, description="Indicative amount in rupees, if computed.")
    percent: float | None = None
    is_minimum: bool = Field(..., description="True when unknown facts could raise it.")
    details: list[str]


class RuleOut(Schema):
    rule_id: str
    field: str
    outcome: Literal["passed", "failed", "unknown", "not_applicable", "not_in_force"]
    label: str
    missing_facts: list[str]
    hint: str = Field(..., description="What the applicant can do about a failed rule.")
    actionable: bool


class SourceOut(Schema):
    title: str
    url: str
    official: bool = Field(..., description="A government site (gov.in, nic.in).")


class ResultOut(Schema):
    scheme_id: str
    name: str
    short_name: str
    status: Literal[STATUSES]
    reasons: list[str]
    missing_facts: list[str] = Field(..., description="Facts that would settle the status.")
    benefit: BenefitOut | None
    rules: list[RuleOut]
    caveats: list[str]
    is_finance: bool
    source_basis: Literal["official", "secondary"] = Field(
        ...,
        description="Whether the rules rest on an official source; entries marked for "
        "verification or citing no government site are secondary.",
    )
    sources: list[SourceOut] = Field(..., description="The entry's sources, official first.")


class ChoiceOut(Schema):
    value: str
    label: str


class QuestionOut(Schema):
    fact: str
    type: str
    question: str
    help: str
    choices: list[ChoiceOut]


class EligibilityOut(Schema):
    on: date
    results: list[ResultOut]
    next_question: QuestionOut | None = Field(
        ..., description="The fact that would settle the most undecided schemes."
    )


class RecommendationsOut(Schema):
    enterprise_id: int
    on: date
    eligible: list[ResultOut] = Field(..., description="Ranked: best match first.")
    nearly_eligible: list[ResultOut] = Field(
        ..., description="Undecided for want of facts, or one fixable rule away."
    )


class FinanceOptionOut(Schema):
    result: ResultOut
    documents: list[str]
    apply_url: str
    how_to_apply: str


class FinanceQuery(Schema):
    enterprise_id: DbId
    loan_amount_inr: int | None = Field(None, ge=0, le=100_000_000_000)
    project_cost_inr: int | None = Field(None, ge=0, le=100_000_000_000)


class ConvergenceQuery(Schema):
    on: SaneDate | None = Field(
        None, description="Compare the schemes open on this date (YYYY-MM-DD); today by default."
    )
    top: int = Field(20, ge=1, le=500, description="How many pairs to list in `pairs`.")


class ConvergenceSchemeOut(Schema):
    id: str = Field(..., description="The scheme's identifier in the catalogue.")
    name: str
    short_name: str


class ConvergenceDimensionOut(Schema):
    id: Literal[DIMENSIONS]
    label: str
    weight: float = Field(
        ..., description="Its weight in the combined score; the weights add to 1."
    )
    matrix: list[list[float]] = Field(
        ...,
        description="The Jaccard similarity of this dimension's sets for every two schemes, "
        "rows and columns in the order of `schemes`; 1 on the diagonal.",
    )


class SharedItemOut(Schema):
    id: str = Field(..., description="A target group, theme, benefit type, agency or fact code.")
    label: str


class OverlapOut(Schema):
    dimension: Literal[DIMENSIONS]
    score: float = Field(
        ..., description="Jaccard similarity: shared items over all items of the two (0 to 1)."
    )
    shared: list[SharedItemOut] = Field(..., description="What both schemes have: the evidence.")


class PairOut(Schema):
    a: str = Field(..., description="A scheme id (the pair is unordered; a < b).")
    b: str
    score: float = Field(..., description="The combined score: the weighted sum of `overlaps`.")
    rank: int = Field(..., description="1 for the most overlapping pair of the catalogue.")
    overlaps: list[OverlapOut]
    merge_group: str | None = Field(
        ..., description="The merge candidate group naming both schemes, if any."
    )


class ConvergenceReportOut(Schema):
    title: str
    publisher: str
    released: str = Field(..., description="Year and month (YYYY-MM).")
    cited_in: str = Field(..., description="Where this catalogue takes the recommendations from.")
    sources: list[str]
    caveat: str


class ReportReferenceOut(Schema):
    report: str = Field(..., description="The report's title.")
    recommendation: str = Field(
        ..., description="The recommendation, as the cited source words it."
    )


class MemberOut(Schema):
    id: str
    name: str
    short_name: str
    status: Literal[MEMBER_STATUSES] = Field(
        ...,
        description="`scheme`: a scheme of the catalogue; `component`: the report names a part "
        "of this scheme (`part`), whose overlap is measured on the whole scheme; `missing`: the "
        "catalogue has no such scheme; `closed`: not open on the date.",
    )
    part: str = Field(..., description="The part of the scheme the report names, if any.")


class MergeCandidateOut(Schema):
    group: str
    title: str
    schemes: list[MemberOut]
    report_reference: ReportReferenceOut
    note: str
    evidence: list[PairOut] = Field(
        ..., description="Every pair of the group's schemes in the matrix, with what they share."
    )
    mean_score: float | None = Field(
        ..., description="The mean combined score of `evidence`; null under two schemes."
    )


class IndependentOut(Schema):
    scheme: str = Field(..., description="The scheme id.")
    name: str
    short_name: str
    in_catalogue: bool
    reason: str
    catalogue_note: str = Field(..., description="The catalogue entry's own NITI 2026 note.")
    report_reference: ReportReferenceOut
    nearest: PairOut | None = Field(
        ..., description="Its most overlapping pair: flagged independent all the same."
    )


class ConvergenceOut(Schema):
    on: date
    report: ConvergenceReportOut
    schemes: list[ConvergenceSchemeOut] = Field(..., description="The matrix's rows and columns.")
    left_out: list[ConvergenceSchemeOut] = Field(..., description="Schemes not open on the date.")
    dimensions: list[ConvergenceDimensionOut]
    matrix: list[list[float]] = Field(
        ..., description="The combined score for every two schemes, in the order of `schemes`."
    )
    pairs: list[PairOut] = Field(..., description="The most overlapping pairs, best first.")
    merge_candidates: list[MergeCandidateOut] = Field(
        ..., description="The mergers the NITI Aayog 2026 report recommends, with the evidence."
    )
    keep_independent: list[IndependentOut] = Field(
        ..., description="The targeted schemes the report would keep out of any merger."
    )


class SchemeOut(Schema):
    id: str
    name: str
    name_en: str
    name_hi: str
    short_name: str
    agency: str
    kind: str
    target_groups: list[str]
    is_finance: bool
    needs_verification: bool
    last_verified: date | None
    valid_from: date | None
    valid_to: date | None
    version: int


class SchemePageOut(Schema):
    items: list[SchemeOut]
    count: int
    page: int
    pages: int


class SchemeDetailOut(SchemeOut):
    purpose: str
    components: list[str]
    benefits: list[str]
    documents: list[str]
    apply_url: str
    how_to_apply: str
    status_note: str
    entry: dict = Field(..., description="The whole catalogue entry: rules, sources, ...")


class SchemeListQuery(Schema):
    q: str | None = Field(None, max_length=100)
    agency: str | None = None
    kind: str | None = None
    target_group: str | None = None
    page: int = Field(1, ge=1, le=1000)
    size: int = Field(25, ge=1, le=100)
