"""Writes of the network app: profiles, review, bulk import, posts, introductions.
Every function is keyword-only and runs in one transaction."""

from dataclasses import asdict

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from champions.accounts.selectors import user_is_officer, user_sees_whole_country
from champions.core.errors import DomainError, NotFound, ValidationFailed
from champions.registry.selectors import enterprise_get_for_user

from . import importing, indexing, searches
from .choices import ProfileKind, ReviewStatus
from .matching import MatchQuery, MatchResult, profiles_match  # noqa: F401 (re-exported)
from .models import Profile
from .posts import (  # noqa: F401 (re-exported)
    abuse_report,
    alerts_digest_send,
    introduction_answer,
    introduction_message_add,
    introduction_request,
    post_create,
    post_renew,
    post_review,
    posts_expire,
)
from .selectors import match_for_user
from .validation import ProfileInput, profile_input_clean


def _require_officer(user) -> None:
    if not user_is_officer(user):
        raise DomainError("Only officers may do this.", code="forbidden", status=403)


def _index_after_commit(profile_ids: list[int]) -> None:
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    transaction.on_commit(lambda: tasks.embed_profiles_task.enqueue(profile_ids))


def _profile_from_input(profile: Profile, data: ProfileInput, state_id: int | None) -> None:
    for name, value in asdict(data).items():
        if name != "state" and hasattr(profile, name):
            setattr(profile, name, value)
    profile.state_id = state_id


@transaction.atomic
def profile_create(*, user, data: ProfileInput) -> Profile:
    """An officer onboards a unit (trade fairs, embassy lists). Approved at once: the officer
    has checked it; a Udyam number given by an officer is marked verified on that day."""
    _require_officer(user)
    data, state_id = profile_input_clean(data)
    profile = Profile(
        kind=ProfileKind.INDIAN if data.country == "IN" else ProfileKind.FOREIGN,
        review_status=ReviewStatus.APPROVED,
        reviewed_by=user,
        reviewed_at=timezone.now(),
    )
    _profile_from_input(profile, data, state_id)
    if data.udyam_number:
        profile.udyam_verified_on = timezone.localdate()
    profile.save()
    indexing.declared_tags_write(profile)
    _index_after_commit([profile.pk])
    return profile


@transaction.atomic
def profile_create_from_enterprise(*, user, enterprise_id: int, data: ProfileInput) -> Profile:
    """An Indian unit's profile grows from its registry enterprise (scoped: 404 otherwise).
    The Udyam number comes from the registry record, so the badge shows it as verified."""
    enterprise = enterprise_get_for_user(user=user, enterprise_id=enterprise_id)
    if Profile.objects.filter(enterprise_id=enterprise.pk).exists():
        raise ValidationFailed(
            "This enterprise already has a profile.",
            errors={"enterprise": ["This enterprise already has a profile."]},
        )
    data.name = data.name or enterprise.name
    data.country = "IN"
    data.state = str(enterprise.state.lgd_code) if enterprise.state else ""
    data.nic_codes = data.nic_codes or list(enterprise.nic_codes)
    data.udyam_number = enterprise.udyam_number or ""
    data, state_id = profile_input_clean(data)
    profile = Profile(
        kind=ProfileKind.INDIAN,
        enterprise_id=enterprise.pk,
        owner=user,
        review_status=ReviewStatus.APPROVED,
        udyam_verified_on=enterprise.created_at.date() if enterprise.udyam_number else None,
    )
    _profile_from_input(profile, data, state_id)
    profile.save()
    indexing.declared_tags_write(profile)
    _index_after_commit([profile.pk])
    return profile


@transaction.atomic
def foreign_profile_signup(*, user, data: ProfileInput) -> Profile:
    """A foreign SME signs up with its account e-mail (marked verified when allauth verified
    it); a hub officer reviews it before it can post."""
    if data.country.strip().upper() == "IN":
        raise ValidationFailed(
            "Indian units start from their registry enterprise.",
            errors={"country": ["Indian units start from their registry enterprise."]},
        )
    errors = {}
    if not data.registration_number.strip():
        errors["registration_number"] = ["The company registration number is required."]
    if not data.website.strip():
        errors["website"] = ["The company website is required."]
    if errors:
        raise ValidationFailed("The sign-up has invalid fields.", errors=errors)
    data.email = user.email
    data, state_id = profile_input_clean(data)
    verified = EmailAddress.objects.filter(user=user, email=user.email, verified=True).exists()
    profile = Profile(kind=ProfileKind.FOREIGN, owner=user, email_verified=verified)
    _profile_from_input(profile, data, state_id)
    profile.save()
    indexing.declared_tags_write(profile)
    _index_after_commit([profile.pk])
    return profile


@transaction.atomic
def profile_review(*, user, profile_id: int, approve: bool, note: str = "") -> Profile:
    if not user_sees_whole_country(user):
        raise DomainError("Only hub officers review profiles.", code="forbidden", status=403)
    profile = Profile.objects.filter(pk=profile_id).first()
    if profile is None:
        raise NotFound("No such profile.")
    if not approve and not note.strip():
        raise ValidationFailed("Give a reason.", errors={"note": ["Give a reason."]})
    profile.review_status = ReviewStatus.APPROVED if approve else ReviewStatus.REJECTED
    profile.review_note = note.strip()[:500]
    profile.reviewed_by = user
    profile.reviewed_at = timezone.now()
    profile.save(update_fields=["review_status", "review_note", "reviewed_by", "reviewed_at"])
    return profile


def profiles_import_csv(*, user, text: str):
    """Bulk onboarding by an officer; vectors follow in a task after commit."""
    _require_officer(user)
    report = importing.profiles_import(officer=user, text=text)
    if report.created_ids:
        _index_after_commit(report.created_ids)
    return report


def profile_save_from_form(*, user, enterprise_id: int | None, data: ProfileInput) -> Profile:
    """The sign-up page: from one of the user's enterprises, or as a foreign SME."""
    if enterprise_id:
        return profile_create_from_enterprise(user=user, enterprise_id=enterprise_id, data=data)
    return foreign_profile_signup(user=user, data=data)


def match_and_record(*, user, query: MatchQuery) -> list[MatchResult]:
    """A search from the page or the API: the matches, and an anonymous count of what was
    asked for (`searches`, for market intelligence) once the query is known to be valid."""
    results = match_for_user(user=user, query=query)
    searches.search_record(query=query)
    return results
