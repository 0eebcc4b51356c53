"""Scheme endpoints under /api/v1/schemes: the catalogue, eligibility, recommendations, finance
and convergence.

The catalogue and the eligibility check are public information: anonymous callers are welcome.
Reading an enterprise's facts needs a signed-in user (session with CSRF, or a bearer token)
who may see that enterprise; outside that scope the answer is 404.
"""

from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.utils import check_csrf

from champions.accounts.services import api_token_authenticate
from champions.core.errors import ValidationFailed
from champions.core.fields import DbId
from champions.core.schemas import ErrorOut

from . import presenters, selectors, services
from .eligibility import profile_errors
from .schemas import (
    ConvergenceOut,
    ConvergenceQuery,
    EligibilityIn,
    EligibilityOut,
    FinanceOptionOut,
    FinanceQuery,
    RecommendationsOut,
    SchemeDetailOut,
    SchemeListQuery,
    SchemePageOut,
)

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
    if errors := profile_errors(profile):
        errors = {f"profile.{k}": v for k, v in errors.items()}
        raise ValidationFailed("Invalid input.", errors=errors)
    check = selectors.eligibility_check(
        profile=profile, on=payload.on, user=request.user, enterprise_id=payload.enterprise_id
    )
    services.eligibility_check_record(check=check)
    return Status(200, presenters.eligibility_out(check))


@router.get(
    "/recommendations",
    response={200: RecommendationsOut, 404: ErrorOut, 422: ErrorOut},
    summary="Schemes recommended for an enterprise you may see",
)
def recommendations(request: HttpRequest, enterprise_id: DbId):
    found = selectors.recommendations_for_enterprise(user=request.user, enterprise_id=enterprise_id)
    return Status(200, presenters.recommendations_out(found))


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
    return Status(200, [presenters.finance_option_out(o) for o in options])


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
    return Status(200, presenters.convergence_out(report, top=query.top))


@router.get(
    "",
    response={200: SchemePageOut, 422: ErrorOut},
    auth=None,
    summary="List the schemes, filtered",
)
def scheme_list(request: HttpRequest, query: Query[SchemeListQuery]):
    filters = query.model_dump(exclude_none=True, exclude={"page", "size"})
    page = selectors.scheme_page(filters=filters, page=query.page, size=query.size)
    return Status(200, presenters.scheme_page_out(page))


@router.get(
    "/{scheme_id}",
    response={200: SchemeDetailOut, 404: ErrorOut},
    auth=None,
    summary="One scheme, with its rules, benefits, documents and sources",
)
def scheme_detail(request: HttpRequest, scheme_id: str):
    scheme = selectors.scheme_get(slug=scheme_id)
    return Status(200, presenters.scheme_detail_out(scheme))
