"""Scheme endpoints under /api/v1/schemes: the catalogue, eligibility, recommendations, finance
and convergence.

The catalogue and the eligibility check are public information: anonymous callers are welcome.
Reading an enterprise's facts needs a signed-in user (session with CSRF, or a bearer token)
who may see that enterprise; outside that scope the answer is 404.
"""

from datetime import date
from typing import Literal

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.utils import check_csrf
from pydantic import ConfigDict, StrictBool, StrictInt, create_model

from champions.accounts.services import api_token_authenticate
from champions.core.errors import ValidationFailed
from champions.core.fields import BodyId, DbId, SaneDate
from champions.core.schemas import ErrorOut

from . import selectors, services
from .catalogue import Fact, load_facts, localized, localized_pair
from .convergence import DIMENSIONS, MEMBER_STATUSES, ConvergenceReport, Pair
from .eligibility import STATUSES, Result, profile_errors
from .filters import SchemeFilterSet

router = Router()


def public_or_signed_in(request: HttpRequest):
    """Anonymous callers pass; a bearer token or a session identifies the caller.

    A bad token is refused (401) rather than treated as anonymous, and a session write needs
    the CSRF token, as everywhere else in the API.
    """
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = api_token_authenticate(key=header[7:].strip())
        if user is not None:
            request.user = user
        return user
    if request.user.is_authenticated:
        if check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed.")
        return request.user
    return "anonymous"


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


def question_out(name: str | None) -> dict | None:
    if name is None:
        return None
    fact = load_facts()[name]
    return {
        "fact": name,
        "type": fact.type,
        "question": fact.question,
        "help": fact.help,
        "choices": [{"value": c["value"], "label": localized(c, "label")} for c in fact.choices],
    }


def result_out(result: Result) -> dict:
    return {
        "scheme_id": result.scheme_id,
        "name": result.name,
        "short_name": result.short_name,
        "status": result.status,
        "reasons": list(result.reasons),
        "missing_facts": list(result.missing_facts),
        "benefit": result.benefit.__dict__ if result.benefit else None,
        "rules": [r.__dict__ for r in result.rules],
        "caveats": list(result.caveats),
        "is_finance": result.is_finance,
        "source_basis": result.source_basis,
        "sources": [link.__dict__ for link in result.sources],
    }


@router.post(
    "/eligibility",
    response={200: EligibilityOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=public_or_signed_in,
    summary="Check a profile against every scheme",
    description="Answers per scheme `eligible`, `not_eligible` or `needs_more_information`, "
    "with the outcome of every rule, the missing facts and the indicative benefit.",
)
def eligibility(request: HttpRequest, payload: EligibilityIn):
    profile = payload.profile.model_dump(exclude_none=True)
    errors = profile_errors(profile)
    if errors:
        raise ValidationFailed(
            "Invalid input.", errors={f"profile.{k}": v for k, v in errors.items()}
        )
    check = selectors.eligibility_check(
        profile=profile, on=payload.on, user=request.user, enterprise_id=payload.enterprise_id
    )
    services.eligibility_check_record(check=check)
    return Status(
        200,
        {
            "on": check.on,
            "results": [result_out(r) for r in check.results],
            "next_question": question_out(check.next_question),
        },
    )


class RecommendationsOut(Schema):
    enterprise_id: int
    on: date
    eligible: list[ResultOut] = Field(..., description="Ranked: best match first.")
    nearly_eligible: list[ResultOut] = Field(
        ..., description="Undecided for want of facts, or one fixable rule away."
    )


@router.get(
    "/recommendations",
    response={200: RecommendationsOut, 404: ErrorOut, 422: ErrorOut},
    summary="Schemes recommended for an enterprise you may see",
)
def recommendations(request: HttpRequest, enterprise_id: DbId):
    found = selectors.recommendations_for_enterprise(user=request.user, enterprise_id=enterprise_id)
    return Status(
        200,
        {
            "enterprise_id": found.enterprise.pk,
            "on": found.check.on,
            "eligible": [result_out(r) for r in found.recommendations.eligible],
            "nearly_eligible": [result_out(r) for r in found.recommendations.nearly],
        },
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


@router.get(
    "/finance",
    response={200: list[FinanceOptionOut], 404: ErrorOut, 422: ErrorOut},
    summary="Credit and guarantee products for an enterprise, with documents to bring",
)
def finance(request: HttpRequest, query: Query[FinanceQuery]):
    extra = query.model_dump(exclude_none=True, exclude={"enterprise_id"})
    _enterprise, _check, options = selectors.finance_options_for_enterprise(
        user=request.user, enterprise_id=query.enterprise_id, extra=extra
    )
    return Status(
        200,
        [
            {
                "result": result_out(o.result),
                "documents": o.documents,
                "apply_url": o.apply_url,
                "how_to_apply": o.how_to_apply,
            }
            for o in options
        ],
    )


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


def _score(value: float) -> float:
    return round(value, 3)


def pair_out(pair: Pair, merge_pairs: dict) -> dict:
    return {
        "a": pair.a,
        "b": pair.b,
        "score": _score(pair.score),
        "rank": pair.rank,
        "overlaps": [
            {
                "dimension": o.dimension,
                "score": _score(o.score),
                "shared": [{"id": i.id, "label": i.label} for i in o.shared],
            }
            for o in pair.overlaps
        ],
        "merge_group": merge_pairs.get((pair.a, pair.b)),
    }


def _matrix_out(matrix) -> list[list[float]]:
    return [[_score(v) for v in row] for row in matrix]


def _reference(report: ConvergenceReport, recommendation: str) -> dict:
    return {"report": report.source.title, "recommendation": recommendation}


def convergence_out(report: ConvergenceReport, *, top: int) -> dict:
    merge_pairs = report.merge_pairs()
    source = report.source
    return {
        "on": report.on,
        "report": {
            "title": source.title,
            "publisher": source.publisher,
            "released": source.released,
            "cited_in": source.cited_in,
            "sources": list(source.sources),
            "caveat": source.caveat,
        },
        "schemes": [s.__dict__ for s in report.schemes],
        "left_out": [s.__dict__ for s in report.left_out],
        "dimensions": [
            {**d.__dict__, "matrix": _matrix_out(report.matrices[d.id])} for d in report.dimensions
        ],
        "matrix": _matrix_out(report.matrix),
        "pairs": [pair_out(p, merge_pairs) for p in report.pairs[:top]],
        "merge_candidates": [
            {
                "group": c.group,
                "title": c.title,
                "schemes": [
                    {
                        "id": m.scheme_id,
                        "name": m.name,
                        "short_name": m.short_name,
                        "status": m.status,
                        "part": m.part,
                    }
                    for m in c.members
                ],
                "report_reference": _reference(report, c.recommendation),
                "note": c.note,
                "evidence": [pair_out(p, merge_pairs) for p in c.evidence],
                "mean_score": None if c.mean_score is None else _score(c.mean_score),
            }
            for c in report.merge_candidates
        ],
        "keep_independent": [
            {
                "scheme": i.scheme_id,
                "name": i.name,
                "short_name": i.short_name,
                "in_catalogue": i.in_catalogue,
                "reason": i.reason,
                "catalogue_note": i.catalogue_note,
                "report_reference": _reference(report, source.keep_independent_recommendation),
                "nearest": pair_out(i.nearest, merge_pairs) if i.nearest else None,
            }
            for i in report.keep_independent
        ],
    }


@router.get(
    "/convergence",
    response={200: ConvergenceOut, 422: ErrorOut},
    auth=None,
    summary="How far the schemes overlap, and the NITI Aayog 2026 convergence groups",
    description="An overlap matrix of the schemes (target groups, components, benefit types, "
    "agencies and the facts their rules read, each a Jaccard similarity, and a weighted "
    "combined score), the most overlapping pairs with the items they share, the report's merge "
    "candidates with that evidence, and the targeted schemes it keeps independent.",
)
def convergence(request: HttpRequest, query: Query[ConvergenceQuery]):
    report = selectors.convergence_report(on=query.on)
    return Status(200, convergence_out(report, top=query.top))


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


def scheme_out(scheme) -> dict:
    return {
        "id": scheme.slug,
        "name": scheme.name,
        "name_en": scheme.name_en,
        "name_hi": scheme.name_hi,
        "short_name": scheme.short_name,
        "agency": scheme.agency,
        "kind": scheme.kind,
        "target_groups": scheme.target_groups,
        "is_finance": scheme.is_finance,
        "needs_verification": scheme.needs_verification,
        "last_verified": scheme.last_verified,
        "valid_from": scheme.valid_from,
        "valid_to": scheme.valid_to,
        "version": scheme.version,
    }


@router.get(
    "",
    response={200: SchemePageOut, 422: ErrorOut},
    auth=None,
    summary="List the schemes, filtered",
)
def scheme_list(request: HttpRequest, query: Query[SchemeListQuery]):
    params = {
        k: v for k, v in query.model_dump().items() if v is not None and k not in {"page", "size"}
    }
    filterset = SchemeFilterSet(params, queryset=selectors.scheme_queryset())
    if not filterset.is_valid():
        raise ValidationFailed(
            "Invalid filter.", errors={k: [str(m) for m in v] for k, v in filterset.errors.items()}
        )
    paginator = Paginator(filterset.qs, query.size)
    page = paginator.get_page(query.page)
    return Status(
        200,
        {
            "items": [scheme_out(s) for s in page.object_list],
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
        },
    )


@router.get(
    "/{scheme_id}",
    response={200: SchemeDetailOut, 404: ErrorOut},
    auth=None,
    summary="One scheme, with its rules, benefits, documents and sources",
)
def scheme_detail(request: HttpRequest, scheme_id: str):
    scheme = selectors.scheme_get(slug=scheme_id)
    data = scheme.data
    return Status(
        200,
        {
            **scheme_out(scheme),
            "purpose": localized(data, "purpose"),
            "components": [localized_pair(c) for c in data.get("components", [])],
            "benefits": [localized_pair(b) for b in data.get("benefits", [])],
            "documents": [localized_pair(d) for d in data.get("documents", [])],
            "apply_url": data.get("apply_url", ""),
            "how_to_apply": localized(data, "how_to_apply"),
            "status_note": localized(data, "status_note"),
            "entry": data,
        },
    )
