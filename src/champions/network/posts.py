"""Partnership posts (hub review, 12-month expiry, abuse reports, alerts to matching units) and
brokered introductions (contact details only after the author accepts). Re-exported by
`services`; every write is keyword-only and atomic."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from champions.accounts.selectors import user_sees_whole_country
from champions.accounts.types import User
from champions.core.errors import DomainError, NotFound, ValidationFailed
from champions.notifications.choices import NotificationKind
from champions.notifications.services import notify

from .choices import IntroductionStatus, PostKind, PostStatus, ReviewStatus
from .matching import MatchQuery, profiles_match
from .models import AbuseReport, Introduction, IntroductionMessage, Post, PostAlert, Profile
from .validation import codes_check

POST_LIFETIME = timedelta(days=365)
ALERT_THRESHOLD = 0.5  # a match this strong becomes an alert


def _forbidden(message: str) -> DomainError:
    return DomainError(message, code="forbidden", status=403)


def _own_profile(*, user, profile_id: int) -> Profile:
    profile = Profile.objects.filter(pk=profile_id, owner=user).first() if user else None
    if profile is None:
        raise NotFound("No such profile.")
    return profile


@transaction.atomic
def post_create(
    *,
    user,
    profile_id: int,
    kind: str,
    title: str,
    text: str,
    hs_codes: list[str] = (),
    nic_codes: list[str] = (),
    countries: list[str] = (),
    deadline=None,
) -> Post:
    """A unit writes a post; a hub officer reviews it before it is published."""
    profile = _own_profile(user=user, profile_id=profile_id)
    if profile.review_status != ReviewStatus.APPROVED:
        raise _forbidden("Your profile must be approved by the hub before you can post.")
    countries = [c.strip().upper() for c in countries]
    errors: dict[str, list[str]] = {}
    if kind not in PostKind.values:
        errors["kind"] = ["Choose one of the post kinds."]
    if not title.strip():
        errors["title"] = ["A title is required."]
    if not text.strip():
        errors["text"] = ["Describe what you offer or need."]
    if deadline is not None and deadline < timezone.localdate():
        errors["deadline"] = ["The deadline is in the past."]
    codes_check(errors, hs=list(hs_codes), nic=list(nic_codes), countries=countries)
    if errors:
        raise ValidationFailed("The post has invalid fields.", errors=errors)
    return Post.objects.create(
        profile=profile,
        kind=kind,
        title=title.strip()[:200],
        text=text.strip(),
        hs_codes=list(hs_codes),
        nic_codes=list(nic_codes),
        countries=countries,
        deadline=deadline,
    )


@transaction.atomic
def post_review(*, user: User, post_id: int, approve: bool, reason: str = "") -> Post:
    if not user_sees_whole_country(user):
        raise _forbidden("Only hub officers review posts.")
    post = Post.objects.select_for_update().filter(pk=post_id).first()
    if post is None:
        raise NotFound("No such post.")
    if post.status != PostStatus.PENDING:
        raise ValidationFailed("Already reviewed.", errors={"status": ["Already reviewed."]})
    if not approve and not reason.strip():
        raise ValidationFailed("Give a reason.", errors={"reason": ["Give a reason."]})
    post.reviewed_by = user
    if approve:
        now = timezone.now()
        post.status, post.published_at, post.expires_at = (
            PostStatus.PUBLISHED,
            now,
            now + POST_LIFETIME,
        )
        post.save()
        from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

        transaction.on_commit(lambda: tasks.post_alerts_task.enqueue(post.pk))
    else:
        post.status, post.reject_reason = PostStatus.REJECTED, reason.strip()[:500]
        post.save()
    return post


@transaction.atomic
def post_renew(*, user, post_id: int) -> Post:
    post = Post.objects.filter(pk=post_id, profile__owner=user).first()
    if post is None:
        raise NotFound("No such post.")
    if post.status not in {PostStatus.PUBLISHED, PostStatus.EXPIRED}:
        raise ValidationFailed("Only published posts are renewed.", errors={"status": ["-"]})
    post.status, post.expires_at = PostStatus.PUBLISHED, timezone.now() + POST_LIFETIME
    post.save(update_fields=["status", "expires_at"])
    return post


@transaction.atomic
def posts_expire(*, now=None) -> int:
    """The periodic job: published posts older than their 12 months expire (idempotent)."""
    now = now or timezone.now()
    return Post.objects.filter(status=PostStatus.PUBLISHED, expires_at__lte=now).update(
        status=PostStatus.EXPIRED
    )


def post_query(post: Post, *, limit: int = 20) -> MatchQuery:
    return MatchQuery(
        text=f"{post.title}\n{post.text}",
        kind=post.kind,
        hs_codes=tuple(post.hs_codes),
        nic_codes=tuple(post.nic_codes),
        countries=tuple(post.countries),
        exclude_profile_id=post.profile_id,
        limit=limit,
    )


def post_alerts_create(*, post_id: int) -> int:
    """Match a newly published post and alert the units that fit it (in-app; the daily digest
    picks the alerts up). Idempotent: one alert per post and profile."""
    post = Post.objects.select_related("profile").get(pk=post_id)
    created = 0
    for result in profiles_match(post_query(post)):
        if result.score < ALERT_THRESHOLD:
            continue
        alert, new = PostAlert.objects.get_or_create(
            post=post,
            profile_id=result.profile_id,
            defaults={"score": result.score, "reasons": result.reasons},
        )
        owner = Profile.objects.select_related("owner").get(pk=result.profile_id).owner
        if new and owner:
            created += 1
            notify(
                recipient_user=owner,
                kind=NotificationKind.NETWORK_MATCH,
                title=f"A new post matches your profile: {post.title}",
                body="; ".join(result.reasons),
                link=f"/network/posts/{post.pk}/",
                idempotency_key=f"network-alert-{alert.pk}",
            )
    return created


@transaction.atomic
def abuse_report(*, user, post_id: int, reason: str) -> AbuseReport:
    post = Post.objects.filter(pk=post_id, status=PostStatus.PUBLISHED).first()
    if post is None:
        raise NotFound("No such post.")
    if not reason.strip():
        raise ValidationFailed("Say what is wrong.", errors={"reason": ["Say what is wrong."]})
    return AbuseReport.objects.create(post=post, reporter=user, reason=reason.strip()[:500])


@transaction.atomic
def introduction_request(*, user, post_id: int, from_profile_id: int, message: str):
    """Express interest in a published post. The author sees the message, not the contact."""
    profile = _own_profile(user=user, profile_id=from_profile_id)
    post = Post.objects.filter(pk=post_id, status=PostStatus.PUBLISHED).first()
    if post is None:
        raise NotFound("No such post.")
    if post.profile_id == profile.pk:
        raise ValidationFailed("That is your own post.", errors={"post": ["Your own post."]})
    if not message.strip():
        raise ValidationFailed("Write a short message.", errors={"message": ["Required."]})
    if Introduction.objects.filter(post=post, from_profile=profile).exists():
        raise ValidationFailed("You already asked.", errors={"post": ["You already asked."]})
    return Introduction.objects.create(
        post=post, from_profile=profile, message=message.strip()[:2000]
    )


@transaction.atomic
def introduction_answer(*, user, introduction_id: int, answer: str) -> Introduction:
    """The post's author accepts, declines or blocks."""
    intro = (
        Introduction.objects.select_for_update()
        .filter(pk=introduction_id, post__profile__owner=user)
        .first()
    )
    if intro is None:
        raise NotFound("No such introduction.")
    if answer not in {IntroductionStatus.ACCEPTED, IntroductionStatus.DECLINED, "blocked"}:
        raise ValidationFailed("Unknown answer.", errors={"answer": ["Unknown answer."]})
    if intro.status != IntroductionStatus.PENDING and answer != IntroductionStatus.BLOCKED:
        raise ValidationFailed("Already answered.", errors={"answer": ["Already answered."]})
    intro.status = answer
    intro.answered_at = intro.answered_at or timezone.now()
    intro.save(update_fields=["status", "answered_at"])
    return intro


@transaction.atomic
def introduction_message_add(*, user, introduction_id: int, body: str) -> IntroductionMessage:
    """Either side writes in the thread once the introduction is accepted."""
    intro = (
        Introduction.objects.select_related("post__profile", "from_profile")
        .filter(pk=introduction_id, status=IntroductionStatus.ACCEPTED)
        .first()
    )
    sides = {intro.post.profile, intro.from_profile} if intro else set()
    author = next((p for p in sides if p.owner_id == getattr(user, "pk", None)), None)
    if author is None:
        raise NotFound("No such introduction.")
    if not body.strip():
        raise ValidationFailed("Write something.", errors={"body": ["Write something."]})
    return IntroductionMessage.objects.create(introduction=intro, author=author, body=body.strip())


def alerts_digest_send(*, now=None) -> int:
    """The daily job: one e-mail per unit listing the alerts since the last digest, unless the
    unit turned the digest off (its alerts are then marked, not sent). Returns e-mails sent."""
    now = now or timezone.now()
    pending = (
        PostAlert.objects.filter(digested_at__isnull=True)
        .select_related("post", "profile__owner")
        .order_by("profile_id", "-score")
    )
    by_profile: dict[int, list[PostAlert]] = {}
    for alert in pending:
        by_profile.setdefault(alert.profile_id, []).append(alert)
    sent = 0
    for alerts in by_profile.values():
        profile = alerts[0].profile
        with transaction.atomic():
            if profile.digest_enabled and profile.owner:
                lines = [f"- {a.post.title}: {'; '.join(a.reasons)}" for a in alerts[:20]]
                notify(
                    recipient_user=profile.owner,
                    kind=NotificationKind.NETWORK_DIGEST,
                    title=f"{len(alerts)} new partnership posts match {profile.name}",
                    body="\n".join(lines),
                    link="/network/",
                    idempotency_key=f"network-digest-{profile.pk}-{now:%Y%m%d}",
                )
                sent += 1
            PostAlert.objects.filter(pk__in=[a.pk for a in alerts]).update(digested_at=now)
    return sent
