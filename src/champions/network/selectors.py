"""Reads of the network app, scoped to the user. Matching is re-exported from `matching`."""

from django.db.models import Q, QuerySet

from champions.accounts.selectors import user_is_officer, user_sees_whole_country
from champions.core.errors import NotFound, ValidationFailed
from champions.core.models import District
from champions.registry.selectors import district_ids_in_scope, enterprise_list_for_user

from .choices import IntroductionStatus, PostStatus, ReviewStatus
from .matching import MatchQuery, MatchResult, codes_from_text, profiles_match
from .models import Introduction, Post, PostAlert, Profile
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


PAGE_SIZE = 20


def posts_published(
    *, text: str = "", kind: str = "", hs: str = "", country: str = "", page: int = 1
) -> tuple[list[Post], bool]:
    """Published posts, newest first, filtered; returns one page and whether more follow."""
    qs = Post.objects.filter(status=PostStatus.PUBLISHED).select_related("profile")
    if kind:
        qs = qs.filter(kind=kind)
    if country:
        qs = qs.filter(profile__country=country.upper())
    if text:
        qs = qs.filter(Q(title__icontains=text) | Q(text__icontains=text))
    rows = list(qs.order_by("-published_at", "-id")[(page - 1) * PAGE_SIZE : page * PAGE_SIZE + 1])
    if hs:
        rows = [p for p in rows if any(c.startswith(hs) for c in p.hs_codes)]
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def post_get_for_user(*, user, post_id: int) -> Post:
    """Published posts for everyone; the author and hub officers also see the others."""
    post = Post.objects.select_related("profile").filter(pk=post_id).first()
    if post is None:
        raise NotFound("No such post.")
    own = user.is_authenticated and post.profile.owner_id == user.pk
    if post.status != PostStatus.PUBLISHED and not own and not user_sees_whole_country(user):
        raise NotFound("No such post.")
    return post


def introductions_for_post(*, user, post: Post) -> list[Introduction]:
    if not (user.is_authenticated and post.profile.owner_id == user.pk):
        return []
    return list(post.introductions.select_related("from_profile"))


def introduction_get_for_user(*, user, introduction_id: int) -> Introduction:
    """Either side of the introduction, or an officer of the asking unit's state."""
    intro = (
        Introduction.objects.select_related("post__profile", "from_profile__state")
        .filter(pk=introduction_id)
        .first()
    )
    if intro is None or not user.is_authenticated:
        raise NotFound("No such introduction.")
    sides = {intro.post.profile.owner_id, intro.from_profile.owner_id}
    if user.pk not in sides and not _officer_of(user, intro):
        raise NotFound("No such introduction.")
    return intro


def room_state_ids(*, user) -> set[int]:
    """The states a spoke officer's control room covers (empty for everyone else)."""
    districts = district_ids_in_scope(user=user)
    return set(District.objects.filter(id__in=districts).values_list("state_id", flat=True))


def _officer_of(user, intro: Introduction) -> bool:
    if user_sees_whole_country(user):
        return True
    states = room_state_ids(user=user)
    return bool(states & {intro.post.profile.state_id, intro.from_profile.state_id})


def contact_visible(*, user, introduction: Introduction) -> bool:
    """Contact details only through an accepted introduction (and to officers)."""
    return introduction.status == IntroductionStatus.ACCEPTED or user_is_officer(user)


def review_queue(*, user) -> tuple[list[Profile], list[Post]]:
    if not user_sees_whole_country(user):
        raise NotFound("No such page.")
    profiles = list(Profile.objects.filter(review_status=ReviewStatus.PENDING).order_by("id")[:50])
    posts = list(
        Post.objects.filter(status=PostStatus.PENDING).select_related("profile").order_by("id")[:50]
    )
    return profiles, posts


def alerts_for_user(*, user, limit: int = 10) -> list[PostAlert]:
    if not user.is_authenticated:
        return []
    return list(
        PostAlert.objects.filter(profile__owner=user)
        .select_related("post", "profile")
        .order_by("-id")[:limit]
    )


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


def enterprises_for_profile(*, user) -> list:
    """The user's own enterprises that have no partner profile yet (entrepreneurs only)."""
    if not user.is_authenticated or user_is_officer(user):
        return []
    taken = set(Profile.objects.filter(owner=user).values_list("enterprise_id", flat=True))
    return [e for e in enterprise_list_for_user(user=user)[:50] if e.pk not in taken]


def introductions_for_officer(*, user, limit: int = 20) -> list[Introduction]:
    """Officers see the introductions in their state (the hub: all), newest first."""
    if not (user.is_authenticated and user_is_officer(user)):
        return []
    qs = Introduction.objects.select_related("post", "from_profile").order_by("-id")
    if not user_sees_whole_country(user):
        states = room_state_ids(user=user)
        qs = qs.filter(Q(from_profile__state_id__in=states) | Q(post__profile__state_id__in=states))
    return list(qs[:limit])
