"""One page per unit: everything the ministry knows about its relationship with an enterprise,
each part read through the app that owns it."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can
from champions.accounts.selectors import user_is_officer
from champions.compliance.selectors import calendar_get_for_user
from champions.gem.selectors import seller_for_enterprise
from champions.grievances.choices import OPEN_STATUSES
from champions.grievances.selectors import grievance_list_for_user
from champions.network.selectors import network_activity_by_enterprise
from champions.opportunities.selectors import responding_counts, spark_detail
from champions.registry.selectors import enterprise_get_for_user
from champions.samadhaan.selectors import filings_for_enterprise
from champions.schemes.selectors import finance_options, recommendations_for_enterprise
from champions.udyam.selectors import verification_status_get

from .cases import cases_for_enterprise

COMPLIANCE_DAYS = 60
LIST_LIMIT = 8


@dataclass
class Overview:
    enterprise: object
    grievances: list
    grievances_open: int
    schemes_eligible: list
    schemes_nearly: list
    finance: list
    due_dates: list
    network_activity: int
    opportunities_matched: int
    opportunities_answered: int
    sparks: object | None  # the score with its components, for officers
    help_given: list
    cases: list
    filings: list
    gem_seller: object | None
    may_open_case: bool
    udyam: object | None = None  # registry.hooks.VerificationStatus: the last Udyam check
    extra_panels: list = field(default_factory=list)


def _grievances(user, enterprise_id: int) -> tuple[list, int]:
    qs = grievance_list_for_user(user=user).filter(enterprise_id=enterprise_id)
    recent = list(qs.order_by("-lodged_at")[:LIST_LIMIT])
    return recent, qs.filter(status__in=OPEN_STATUSES).count()


def _sparks(user, enterprise_id: int):
    if not user_is_officer(user):
        return None
    return spark_detail(user=user, enterprise_id=enterprise_id)


def enterprise_overview(*, user, enterprise_id: int) -> Overview:
    """NotFound outside the user's scope (as the enterprise page)."""
    enterprise = enterprise_get_for_user(user=user, enterprise_id=enterprise_id)
    today = timezone.localdate()
    recommended = recommendations_for_enterprise(user=user, enterprise_id=enterprise.pk)
    calendar = calendar_get_for_user(
        user=user,
        enterprise_id=enterprise.pk,
        start=today,
        end=today + timedelta(days=COMPLIANCE_DAYS),
    )
    grievances, grievances_open = _grievances(user, enterprise.pk)
    matched, answered = responding_counts(enterprise_ids=[enterprise.pk]).get(enterprise.pk, (0, 0))
    sparks = _sparks(user, enterprise.pk)
    return Overview(
        enterprise=enterprise,
        grievances=grievances,
        grievances_open=grievances_open,
        schemes_eligible=recommended.recommendations.eligible[:LIST_LIMIT],
        schemes_nearly=recommended.recommendations.nearly[:LIST_LIMIT],
        finance=finance_options(recommended.check)[:LIST_LIMIT],
        due_dates=calendar.occurrences[:LIST_LIMIT],
        network_activity=network_activity_by_enterprise(enterprise_ids=[enterprise.pk]).get(
            enterprise.pk, 0
        ),
        opportunities_matched=matched,
        opportunities_answered=answered,
        sparks=sparks.score if sparks else None,
        help_given=sparks.actions[:LIST_LIMIT] if sparks else [],
        cases=cases_for_enterprise(user=user, enterprise_id=enterprise.pk),
        filings=filings_for_enterprise(user=user, enterprise_id=enterprise.pk),
        gem_seller=seller_for_enterprise(enterprise_id=enterprise.pk),
        may_open_case=can(user, Can.CASE_WORK, enterprise),
        udyam=verification_status_get(enterprise.pk),
    )
