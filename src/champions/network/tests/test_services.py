"""Posts (review, expiry, renewal, alerts), introductions (contact after acceptance), review of
foreign sign-ups."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from champions.core.errors import DomainError, NotFound, ValidationFailed
from champions.network import services
from champions.network.choices import IntroductionStatus, PostStatus, ReviewStatus
from champions.network.models import Introduction, Post, PostAlert, Profile
from champions.network.tests.factories import ProfileFactory
from champions.network.validation import ProfileInput
from champions.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _post(user, profile, **overrides):
    values = {
        "user": user,
        "profile_id": profile.pk,
        "kind": "business_request",
        "title": "Combed cotton yarn wanted",
        "text": "We knit T-shirts and need Ne 30 combed cotton yarn.",
        "hs_codes": ["520524"],
        "countries": ["in"],
    }
    values.update(overrides)
    return services.post_create(**values)


def test_foreign_signup_waits_for_review_before_posting(entrepreneur, hub_officer):
    EmailAddress.objects.create(user=entrepreneur, email=entrepreneur.email, verified=True)
    profile = services.foreign_profile_signup(
        user=entrepreneur,
        data=ProfileInput(
            name="Strickwerk GmbH",
            country="de",
            registration_number="HRB 12345",
            website="https://strickwerk.example",
            description="Knitwear",
            nic_codes=["14301"],
        ),
    )
    assert (profile.review_status, profile.email, profile.email_verified) == (
        ReviewStatus.PENDING,
        "owner@example.com",
        True,
    )
    with pytest.raises(DomainError) as denied:
        _post(entrepreneur, profile)
    assert denied.value.status == 403
    services.profile_review(user=hub_officer, profile_id=profile.pk, approve=True)
    assert _post(entrepreneur, profile).status == PostStatus.PENDING


def test_only_hub_reviews_profiles(entrepreneur, spoke_officer):
    profile = ProfileFactory(review_status=ReviewStatus.PENDING)
    with pytest.raises(DomainError):
        services.profile_review(user=spoke_officer, profile_id=profile.pk, approve=True)
    profile.refresh_from_db()
    assert profile.review_status == ReviewStatus.PENDING


def test_post_with_bad_codes_names_each_field(entrepreneur):
    profile = ProfileFactory(owner=entrepreneur)
    with pytest.raises(ValidationFailed) as bad:
        _post(entrepreneur, profile, hs_codes=["1"], countries=["QQ"], title="")
    assert set(bad.value.errors) == {"hs_codes", "countries", "title"}
    assert Post.objects.count() == 0


def test_reject_needs_a_reason_and_publish_sets_expiry(entrepreneur, hub_officer):
    post = _post(entrepreneur, ProfileFactory(owner=entrepreneur))
    with pytest.raises(ValidationFailed):
        services.post_review(user=hub_officer, post_id=post.pk, approve=False)
    published = services.post_review(user=hub_officer, post_id=post.pk, approve=True)
    assert published.status == PostStatus.PUBLISHED
    assert published.expires_at - published.published_at == timedelta(days=365)


def test_posts_expire_after_a_year_unless_renewed(entrepreneur, hub_officer):
    post = _post(entrepreneur, ProfileFactory(owner=entrepreneur))
    services.post_review(user=hub_officer, post_id=post.pk, approve=True)
    later = timezone.now() + timedelta(days=366)
    assert services.posts_expire(now=later) == 1
    assert services.posts_expire(now=later) == 0
    post.refresh_from_db()
    assert post.status == PostStatus.EXPIRED
    renewed = services.post_renew(user=entrepreneur, post_id=post.pk)
    assert renewed.status == PostStatus.PUBLISHED


def test_published_post_alerts_matching_unit_in_app_and_digest(
    entrepreneur, other_entrepreneur, hub_officer, django_capture_on_commit_callbacks, mailoutbox
):
    spinner = ProfileFactory(owner=other_entrepreneur, country="IN", hs_codes=["520524"])
    post = _post(entrepreneur, ProfileFactory(owner=entrepreneur, country="DE"))
    with django_capture_on_commit_callbacks(execute=True):
        services.post_review(user=hub_officer, post_id=post.pk, approve=True)
    alert = PostAlert.objects.get()
    assert (alert.post_id, alert.profile_id) == (post.pk, spinner.pk)
    assert (
        Notification.objects.filter(recipient=other_entrepreneur, kind="network_match").count() == 1
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.alerts_digest_send() == 1
    assert services.alerts_digest_send() == 0
    assert [m.to for m in mailoutbox] == [["other@example.com"]]


def test_introduction_flow_and_thread(entrepreneur, other_entrepreneur, hub_officer):
    author = ProfileFactory(owner=entrepreneur)
    asker = ProfileFactory(owner=other_entrepreneur, country="IN")
    post = _post(entrepreneur, author)
    with pytest.raises(NotFound):  # not yet published
        services.introduction_request(
            user=other_entrepreneur, post_id=post.pk, from_profile_id=asker.pk, message="Hi"
        )
    services.post_review(user=hub_officer, post_id=post.pk, approve=True)
    intro = services.introduction_request(
        user=other_entrepreneur, post_id=post.pk, from_profile_id=asker.pk, message="We spin yarn"
    )
    with pytest.raises(NotFound):  # no thread before acceptance
        services.introduction_message_add(
            user=other_entrepreneur, introduction_id=intro.pk, body="x"
        )
    with pytest.raises(NotFound):  # only the author answers
        services.introduction_answer(
            user=other_entrepreneur, introduction_id=intro.pk, answer="accepted"
        )
    services.introduction_answer(user=entrepreneur, introduction_id=intro.pk, answer="accepted")
    services.introduction_message_add(
        user=other_entrepreneur, introduction_id=intro.pk, body="Hello"
    )
    services.introduction_message_add(user=entrepreneur, introduction_id=intro.pk, body="Welcome")
    intro.refresh_from_db()
    assert intro.status == IntroductionStatus.ACCEPTED
    assert [m.body for m in intro.messages.all()] == ["Hello", "Welcome"]


def test_introduction_to_own_post_is_refused(entrepreneur, hub_officer):
    author = ProfileFactory(owner=entrepreneur)
    post = _post(entrepreneur, author)
    services.post_review(user=hub_officer, post_id=post.pk, approve=True)
    with pytest.raises(ValidationFailed):
        services.introduction_request(
            user=entrepreneur, post_id=post.pk, from_profile_id=author.pk, message="me"
        )
    assert Introduction.objects.count() == 0
    assert Profile.objects.count() == 1


def test_a_profile_from_an_enterprise_with_no_state_asks_for_the_state(entrepreneur):
    from champions.registry.models import Enterprise
    from champions.registry.services import enterprise_create
    from champions.registry.tests.factories import enterprise_input

    unit = enterprise_create(actor=entrepreneur, data=enterprise_input())
    Enterprise.objects.filter(pk=unit.pk).update(state=None, district=None)

    with pytest.raises(ValidationFailed) as refused:
        services.profile_create_from_enterprise(
            user=entrepreneur, enterprise_id=unit.pk, data=ProfileInput(name="", country="IN")
        )

    assert "state" in refused.value.errors
    assert not Profile.objects.filter(enterprise_id=unit.pk).exists()
