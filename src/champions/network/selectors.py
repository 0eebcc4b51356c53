"""Reads of the network app, scoped to the user. Matching is re-exported from `matching`."""

from django.db.models import QuerySet

from champions.accounts.selectors import user_is_officer
from champions.core.errors import NotFound, ValidationFailed

from .choices import ReviewStatus
from .matching import MatchQuery, MatchResult, codes_from_text, profiles_match
from .models import Profile
from .validation import codes_check

__all__ = ["MatchQuery", "MatchResult", "codes_from_text", "profiles_match"]


def profile_queryset_for_user(*, user) -> QuerySet[Profile]:
    """Approved profiles for everyone; officers also see those awaiting review; owners their own."""
    qs = Profile.objects.select_related("state")
    if user.is_authenticated and user_is_officer(user):
        return qs
    visible = Profile.objects.filter(review_status=ReviewStatus.APPROVED)
    if user.is_authenticated:
        visible = visible | Profile.objects.filter(owner=user)
    return qs.filter(pk__in=visible.values("pk"))


def profile_get_for_user(*, user, profile_id: int) -> Profile:
    try:
        return profile_queryset_for_user(user=user).get(pk=profile_id)
    except Profile.DoesNotExist as exc:
        raise NotFound("No such profile.") from exc


def profiles_of_user(*, user) -> list[Profile]:
    if not user.is_authenticated:
        return []
    return list(Profile.objects.filter(owner=user).order_by("id"))


def match_for_user(*, user, query: MatchQuery) -> list[MatchResult]:
    """Check the codes (422 naming the field) and that the asking profile is visible (404)."""
    errors: dict[str, list[str]] = {}
    codes_check(errors, hs=query.hs_codes, nic=query.nic_codes, countries=query.countries)
    if errors:
        raise ValidationFailed("Invalid codes.", errors=errors)
    if query.exclude_profile_id is not None:
        profile_get_for_user(user=user, profile_id=query.exclude_profile_id)
    return profiles_match(query)


def profile_enterprise_ids(*, profile_ids: list[int]) -> dict[int, int]:
    """profile id → the registry enterprise it grew from (Indian units only), to alert them."""
    return dict(
        Profile.objects.filter(pk__in=profile_ids, enterprise__isnull=False).values_list(
            "pk", "enterprise_id"
        )
    )


def network_activity_by_enterprise(*, enterprise_ids: list[int]) -> dict[int, int]:
    """enterprise id → partnership posts made plus introductions asked for by its profile
    (for the sparks score in opportunities)."""
    from django.db.models import Count

    from .models import Introduction

    rows = (
        Profile.objects.filter(enterprise_id__in=enterprise_ids)
        .annotate(posts_made=Count("posts", distinct=True))
        .values_list("enterprise_id", "posts_made", "pk")
    )
    activity = {enterprise_id: posts for enterprise_id, posts, _pk in rows}
    asked = (
        Introduction.objects.filter(from_profile__enterprise_id__in=enterprise_ids)
        .values("from_profile__enterprise_id")
        .annotate(n=Count("id"))
    )
    for row in asked:
        key = row["from_profile__enterprise_id"]
        activity[key] = activity.get(key, 0) + row["n"]
    return activity
