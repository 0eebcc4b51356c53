"""Reads of the scheme catalogue, and eligibility answers built on it.

This is the public surface for other apps (convergence, compliance, the assistant):
`scheme_list`, `scheme_get`, `catalogue_entries` (the entries as the engine reads them),
`eligibility_check`, `recommendations_for_enterprise`, `finance_options_for_enterprise` and
`convergence_report`.
"""

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can
from champions.accounts.selectors import user_is_officer
from champions.core.errors import NotFound, ValidationFailed
from champions.registry.selectors import enterprise_get_for_user, enterprise_list_for_user

from .catalogue import localized, localized_pair
from .convergence import ConvergenceReport, convergence_build
from .eligibility import (
    ELIGIBLE,
    NEEDS_INFO,
    Recommendations,
    Result,
    evaluate,
    next_question,
    recommend,
)
from .filters import SchemeFilterSet
from .models import Scheme, SchemeVersion

# Udyam's types of organisation, as the engine's applicant types.
APPLICANT_TYPES = {
    "proprietary": "proprietorship",
    "partnership": "partnership",
    "llp": "llp",
    "private_limited": "company",
    "public_limited": "company",
    "cooperative": "cooperative",
    "society": "society",
    "trust": "trust",
    "self_help_group": "shg",
}


def user_edits_catalogue(user) -> bool:
    """Hub officers and administrators keep the catalogue (the policy: `schemes.edit`)."""
    return can(user, Can.SCHEMES_EDIT)


def user_sees_versions(user) -> bool:
    return user_is_officer(user)


def scheme_queryset() -> QuerySet[Scheme]:
    return Scheme.objects.all()


def scheme_list() -> list[Scheme]:
    return list(Scheme.objects.order_by("name_en"))


def scheme_page(*, filters: dict, page: int, size: int) -> Page:
    """One page of the catalogue narrowed by the FilterSet; bad filter values are a 422."""
    filterset = SchemeFilterSet(filters, queryset=scheme_queryset())
    if not filterset.is_valid():
        errors = {k: [str(m) for m in v] for k, v in filterset.errors.items()}
        raise ValidationFailed("Invalid filter.", errors=errors)
    return Paginator(filterset.qs, size).get_page(page)


def scheme_get(*, slug: str) -> Scheme:
    scheme = Scheme.objects.filter(slug=slug).first()
    if scheme is None:
        raise NotFound(_("No such scheme."))
    return scheme


def scheme_versions(*, scheme: Scheme) -> list[SchemeVersion]:
    return list(scheme.versions.select_related("changed_by"))


def catalogue_entries() -> list[dict]:
    """Every current entry, as the eligibility engine reads them (sorted by id)."""
    return list(Scheme.objects.order_by("slug").values_list("data", flat=True))


def convergence_report(*, on: date | None = None) -> ConvergenceReport:
    """How far the schemes open on `on` (today by default) overlap, pair by pair, with the NITI
    Aayog 2026 merge candidates and the schemes it keeps independent (see convergence.py)."""
    return convergence_build(catalogue_entries(), on=on or timezone.localdate())


def profile_from_enterprise(enterprise, *, on: date) -> dict:
    """The facts the registry holds about an enterprise, in the engine's terms."""
    commenced = enterprise.commenced_on
    facts = {
        "applicant_type": APPLICANT_TYPES.get(enterprise.organisation_type),
        "enterprise_stage": "existing",
        "udyam_registered": bool(enterprise.udyam_number),
        "msme_category": enterprise.category,
        "sector": enterprise.major_activity,
        "nic_code": enterprise.primary_nic or None,
        "state": enterprise.state.udyam_code if enterprise.state_id else None,
        "investment_inr": enterprise.investment_inr,
        "turnover_inr": enterprise.turnover_inr,
        "export_turnover_inr": enterprise.export_turnover_inr,
        "gender": enterprise.owner_gender or None,
        "social_category": enterprise.owner_social_category or None,
        "specially_abled": enterprise.owner_specially_abled,
        # Exports say the unit exports; no exports do not say it has no IEC.
        "exporter": True if enterprise.export_turnover_inr else None,
        "years_in_operation": max(0, (on - commenced).days // 365) if commenced else None,
    }
    return {k: v for k, v in facts.items() if v is not None}


@dataclass(frozen=True)
class EligibilityCheck:
    on: date
    facts: dict
    results: list[Result]
    next_question: str | None


def eligibility_check(
    *, profile: dict, on: date | None = None, user=None, enterprise_id: int | None = None
) -> EligibilityCheck:
    """Evaluate a profile against the whole catalogue. With an enterprise the user may see,
    the registry's facts win over the profile's, which fill in the rest."""
    on = on or timezone.localdate()
    facts = {k: v for k, v in profile.items() if v is not None}
    if enterprise_id is not None:
        if user is None:
            raise NotFound(_("No such enterprise."))
        enterprise = enterprise_get_for_user(user=user, enterprise_id=enterprise_id)
        facts = {**facts, **profile_from_enterprise(enterprise, on=on)}
    results = evaluate(facts, catalogue_entries(), on)
    return EligibilityCheck(
        on=on,
        facts=facts,
        results=results,
        next_question=next_question(results, answered=facts.keys()),
    )


@dataclass(frozen=True)
class EnterpriseRecommendations:
    enterprise: object
    check: EligibilityCheck
    recommendations: Recommendations


def recommendations_for_enterprise(
    *, user, enterprise_id: int, on: date | None = None, extra: dict | None = None
) -> EnterpriseRecommendations:
    """Ranked schemes the enterprise qualifies for, and the nearly eligible ones with what is
    missing; NotFound outside the user's scope."""
    enterprise = enterprise_get_for_user(user=user, enterprise_id=enterprise_id)
    check = eligibility_check(profile=extra or {}, on=on, user=user, enterprise_id=enterprise.pk)
    return EnterpriseRecommendations(enterprise, check, recommend(check.results))


@dataclass(frozen=True)
class FinanceOption:
    result: Result
    documents: list[str]
    apply_url: str
    how_to_apply: str


def finance_options(check: EligibilityCheck) -> list[FinanceOption]:
    """The open credit and guarantee products of a check, eligible first, with checklists."""
    entries = {s.slug: s.data for s in Scheme.objects.filter(is_finance=True)}
    order = {ELIGIBLE: 0, NEEDS_INFO: 1}
    options = [
        FinanceOption(
            result=result,
            documents=[localized_pair(d) for d in entries[result.scheme_id].get("documents", [])],
            apply_url=entries[result.scheme_id].get("apply_url", ""),
            how_to_apply=localized(entries[result.scheme_id], "how_to_apply"),
        )
        for result in check.results
        if result.scheme_id in entries and result.is_open
    ]
    return sorted(options, key=lambda o: (order.get(o.result.status, 2), o.result.name))


def finance_options_for_enterprise(
    *, user, enterprise_id: int, extra: dict | None = None, on: date | None = None
) -> tuple[object, EligibilityCheck, list[FinanceOption]]:
    enterprise = enterprise_get_for_user(user=user, enterprise_id=enterprise_id)
    check = eligibility_check(profile=extra or {}, on=on, user=user, enterprise_id=enterprise.pk)
    return enterprise, check, finance_options(check)


def enterprises_for_user(*, user) -> list:
    """The enterprises a user may pick on the finance page (their own first 50)."""
    return list(enterprise_list_for_user(user=user)[:50])


# Anonymous counts of eligibility checks (the MIS dashboard's schemes panel).
from .check_counts import CheckStats, eligibility_check_stats  # noqa: E402, F401
