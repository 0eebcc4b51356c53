"""Writes: notify someone, deliver on each channel, mark read, save preferences."""

import logging
from datetime import datetime, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from champions.accounts.types import User
from champions.core.errors import DomainError

from . import selectors, sms
from .channels import CHANNELS, SMS_MAX_CHARS
from .choices import ChannelName, DeliveryStatus, NotificationKind
from .errors import DeliveryRetryable, InvalidAddress
from .models import Delivery, Notification, NotificationPreference

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
LEASE = timedelta(minutes=10)  # a worker that dies while sending frees the delivery after this
RETRY_BASE_SECONDS = 60
RETRY_CAP_SECONDS = 3600


def backoff_seconds(attempts: int) -> int:
    """60 s after the first failure, then doubling, at most an hour."""
    return min(RETRY_CAP_SECONDS, RETRY_BASE_SECONDS * 2 ** (attempts - 1))


@transaction.atomic
def notify(
    *,
    recipient_user: User | None = None,
    email: str = "",
    phone: str = "",
    kind: str,
    title: str,
    body: str,
    link: str = "",
    idempotency_key: str = "",
) -> Notification | None:
    """Record a notification and send it, after commit, on each channel the person chose.

    `email` and `phone` override the user's own (or are all there is, for a contact without an
    account). None when no channel has anywhere to deliver. With an `idempotency_key`, a
    second call returns the first notification and sends nothing."""
    if kind not in NotificationKind.values:
        raise ValueError(f"unknown notification kind: {kind!r}")
    key = idempotency_key[:100] or None
    if key and (earlier := Notification.objects.filter(idempotency_key=key).first()):
        return earlier
    addresses = _addresses(
        channels=selectors.preference_channels(user=recipient_user, kind=kind),
        user=recipient_user,
        email=email,
        phone=phone,
    )
    if not addresses:
        return None
    notification = Notification(
        recipient=recipient_user,
        kind=kind,
        title=title.strip()[:200],
        body=body.strip(),
        link=link,
        idempotency_key=key,
    )
    if (saved := _save_once(notification)) is notification:
        _deliveries_create(notification, addresses)
    return saved


def _save_once(notification: Notification) -> Notification | None:
    """Save it, or return the notification a concurrent run with the same key saved first."""
    notification.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        key = notification.idempotency_key
        return Notification.objects.filter(idempotency_key=key).first()
    return notification


def _addresses(*, channels, user, email: str, phone: str) -> dict[str, str | InvalidAddress]:
    """Channel → address, or the reason there is none usable; channels with none are left out."""
    addresses: dict[str, str | InvalidAddress] = {}
    for name in ChannelName.values:  # a fixed order: in-app, e-mail, SMS
        if name not in channels:
            continue
        try:
            address = CHANNELS[name]().address_for(user=user, email=email, phone=phone)
        except InvalidAddress as exc:
            addresses[name] = exc
            continue
        if address:
            addresses[name] = address
    return addresses


def _deliveries_create(notification: Notification, addresses: dict) -> None:
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    for channel, address in addresses.items():
        if isinstance(address, InvalidAddress):
            Delivery.objects.create(
                notification=notification,
                channel=channel,
                status=DeliveryStatus.FAILED,
                last_error=str(address),
            )
            continue
        delivery = Delivery.objects.create(
            notification=notification, channel=channel, address=address
        )
        transaction.on_commit(partial(tasks.deliver_notification_task.enqueue, delivery.pk))


def delivery_send(*, delivery_id: int, now: datetime | None = None) -> bool:
    """Send one delivery unless it is sent or being sent; True if this call sent it.

    Claiming the row first (one UPDATE) is what makes a second run, or a run racing the
    retry sweep, send nothing.
    """
    now = now or timezone.now()
    claimed = Delivery.objects.filter(
        pk=delivery_id,
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING],
        next_attempt_at__lte=now,
        attempts__lt=MAX_ATTEMPTS,
    ).update(status=DeliveryStatus.SENDING, attempts=F("attempts") + 1, next_attempt_at=now + LEASE)
    if not claimed:
        return False
    delivery = Delivery.objects.select_related("notification").get(pk=delivery_id)
    try:
        CHANNELS[delivery.channel]().send(delivery)
    except InvalidAddress as exc:
        _failed(delivery, error=str(exc), retry_at=None)
        return False
    except DeliveryRetryable as exc:
        retry = delivery.attempts < MAX_ATTEMPTS
        due = now + timedelta(seconds=backoff_seconds(delivery.attempts))
        _failed(delivery, error=str(exc), retry_at=due if retry else None)
        return False
    delivery.status = DeliveryStatus.SENT
    delivery.sent_at = timezone.now()
    delivery.last_error = ""
    delivery.save(update_fields=["status", "sent_at", "last_error"])
    return True


def _failed(delivery: Delivery, *, error: str, retry_at: datetime | None) -> None:
    log.warning("%s delivery %s failed: %s", delivery.channel, delivery.pk, error)
    delivery.status = DeliveryStatus.PENDING if retry_at else DeliveryStatus.FAILED
    delivery.next_attempt_at = retry_at or delivery.next_attempt_at
    delivery.last_error = error[:1000]
    delivery.save(update_fields=["status", "next_attempt_at", "last_error"])


def deliveries_retry_due(*, now: datetime | None = None) -> int:
    """Enqueue the deliveries that are due again (after a passing failure or a lost worker).

    Those out of attempts are marked failed. Safe to run at any time: sending claims the row.
    """
    now = now or timezone.now()
    open_due = Delivery.objects.filter(
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING], next_attempt_at__lte=now
    )
    open_due.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=DeliveryStatus.FAILED, last_error="gave up after the last attempt"
    )
    due_ids = list(open_due.filter(attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True))
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    for delivery_id in due_ids:
        transaction.on_commit(partial(tasks.deliver_notification_task.enqueue, delivery_id))
    return len(due_ids)


@transaction.atomic
def deliveries_resend(*, delivery_ids: list[int]) -> int:
    """Send failed deliveries again with fresh attempts (the admin's "Send again")."""
    # A delivery that never had a usable address cannot succeed by trying again.
    failed = Delivery.objects.filter(pk__in=delivery_ids, status=DeliveryStatus.FAILED)
    ids = list(failed.exclude(address="").values_list("pk", flat=True))
    Delivery.objects.filter(pk__in=ids).update(
        status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    for delivery_id in ids:
        transaction.on_commit(partial(tasks.deliver_notification_task.enqueue, delivery_id))
    return len(ids)


def notification_mark_read(*, user, notification_id: int) -> Notification:
    notification = selectors.notification_get_for_user(user=user, notification_id=notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user) -> int:
    return (
        selectors.notification_list_for_user(user=user)
        .filter(read_at__isnull=True)
        .update(read_at=timezone.now())
    )


@transaction.atomic
def preferences_save(*, user, enabled: set[tuple[str, str]]) -> None:
    """Store the whole grid: each (kind, channel) in `enabled` on, every other one off."""
    rows = [
        NotificationPreference(
            user=user, kind=kind, channel=channel, is_enabled=(kind, channel) in enabled
        )
        for kind in NotificationKind.values
        for channel in ChannelName.values
    ]
    NotificationPreference.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["user", "kind", "channel"],
        update_fields=["is_enabled"],
    )


def sms_send_now(phone: str, text: str) -> None:
    """Send one text on the SMS channel now, storing nothing (for one-time codes)."""
    try:
        number = sms.mobile_normalise(phone)
        sms.sms_backend_get().send(sms.SmsMessage(to=number, text=text[:SMS_MAX_CHARS]))
    except (InvalidAddress, DeliveryRetryable) as exc:
        raise DomainError(str(exc), code="sms_failed", status=503) from exc
