"""Reads for the opportunities board, scoped to the user."""

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_is_entrepreneur, user_sees_whole_country
from champions.core.errors import NotFound
from champions.registry.selectors import enterprise_list_for_user

from ..choices import OpportunityStatus
from ..errors import PermissionDenied
from ..models import Opportunity, OpportunityMatch, OpportunityResponse


def opportunity_queryset_for_user(*, user) -> QuerySet[Opportunity]:
    """Every signed-in user sees the board; nobody else."""
    if not user.is_authenticated:
        return Opportunity.objects.none()
    return (
        Opportunity.objects.select_related("posted_by")
        .annotate(response_count=Count("responses"))
        .order_by("-created_at", "-id")
    )


def opportunity_get_for_user(*, user, opportunity_id: int) -> Opportunity:
    opportunity = opportunity_queryset_for_user(user=user).filter(pk=opportunity_id).first()
    if opportunity is None:
        raise NotFound(_("No such opportunity."))
    return opportunity


def user_manages(*, user, opportunity: Opportunity) -> bool:
    """The poster manages an opportunity; the hub and leadership may too."""
    return bool(
        user.is_authenticated
        and (opportunity.posted_by_id == user.pk or user_sees_whole_country(user))
    )


def opportunity_list(
    *, user, kind: str = "", status: str = OpportunityStatus.OPEN
) -> QuerySet[Opportunity]:
    qs = opportunity_queryset_for_user(user=user)
    if kind:
        qs = qs.filter(kind=kind)
    if status in OpportunityStatus.values:
        qs = qs.filter(status=status)
    return qs


def opportunity_matches_for_user(
    *, user, opportunity_id: int
) -> tuple[Opportunity, list[OpportunityMatch]]:
    """The matched units of an opportunity, best first: for its poster and the hub only."""
    opportunity = opportunity_get_for_user(user=user, opportunity_id=opportunity_id)
    if not user_manages(user=user, opportunity=opportunity):
        raise PermissionDenied(_("Only the poster sees the matched units."))
    return opportunity, list(opportunity.matches.order_by("rank"))


def responses_for_user(*, user, opportunity: Opportunity) -> list[OpportunityResponse]:
    qs = opportunity.responses.select_related("enterprise")
    if user_manages(user=user, opportunity=opportunity):
        return list(qs)
    if user_is_entrepreneur(user):
        return list(qs.filter(enterprise__representatives=user))
    return []


def opportunities_matched_to_user(*, user, limit: int = 20) -> list[OpportunityMatch]:
    """Open opportunities the matcher found for the user's own units (their alerts)."""
    if not user_is_entrepreneur(user):
        return []
    ids = [e.pk for e in enterprise_list_for_user(user=user)[:50]]
    return list(
        OpportunityMatch.objects.filter(
            enterprise_id__in=ids, opportunity__status=OpportunityStatus.OPEN
        )
        .select_related("opportunity")
        .order_by("-opportunity__created_at")[:limit]
    )


def responding_counts(*, enterprise_ids: list[int]) -> dict[int, tuple[int, int]]:
    """For the sparks score: enterprise id → (opportunities matched, opportunities answered)."""
    matched = dict(
        OpportunityMatch.objects.filter(enterprise_id__in=enterprise_ids)
        .values("enterprise_id")
        .annotate(n=Count("id"))
        .values_list("enterprise_id", "n")
    )
    answered = dict(
        OpportunityResponse.objects.filter(enterprise_id__in=enterprise_ids)
        .values("enterprise_id")
        .annotate(n=Count("id"))
        .values_list("enterprise_id", "n")
    )
    return {i: (matched.get(i, 0), answered.get(i, 0)) for i in set(matched) | set(answered)}
