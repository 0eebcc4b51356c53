"""The channels a notification travels on, in one explicit registry.

A channel answers two questions: where a message for this person goes on it (`address_for`,
at notify time) and how to send one delivery (`send`, in the worker). Adding a channel is one
class here, one `ChannelName` and one entry in `CHANNELS`.
"""

import smtplib
from abc import ABC, abstractmethod

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.utils import timezone

from . import sms
from .choices import ChannelName
from .errors import DeliveryRetryable, InvalidAddress
from .models import Delivery, Notification

SMS_MAX_CHARS = 300  # two concatenated SMS in Unicode; the whole text is in the inbox or e-mail


class Channel(ABC):
    @abstractmethod
    def address_for(self, *, user, email: str, phone: str) -> str:
        """Where to deliver ("" when there is nowhere); raises `InvalidAddress`."""

    @abstractmethod
    def send(self, delivery: Delivery) -> None:
        """Deliver once; raises `DeliveryRetryable` or `InvalidAddress` on failure."""


class InAppChannel(Channel):
    """The user's inbox at /notifications/: the notification row itself, shown."""

    def address_for(self, *, user, email: str, phone: str) -> str:
        return str(user.pk) if user is not None else ""

    def send(self, delivery: Delivery) -> None:
        Notification.objects.filter(pk=delivery.notification_id, shown_at__isnull=True).update(
            shown_at=timezone.now()
        )


class EmailChannel(Channel):
    """Django's mail backends (console by default, SMTP in production)."""

    def address_for(self, *, user, email: str, phone: str) -> str:
        address = (email or (user.email if user is not None else "")).strip().lower()
        if not address:
            return ""
        try:
            validate_email(address)
        except ValidationError as exc:
            raise InvalidAddress(f"not an e-mail address: {address!r}") from exc
        return address

    def send(self, delivery: Delivery) -> None:
        notification = delivery.notification
        message = EmailMessage(notification.title, notification.body, None, [delivery.address])
        try:
            message.send()
        except smtplib.SMTPRecipientsRefused as exc:
            raise InvalidAddress(str(exc)) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryRetryable(str(exc)) from exc


class SmsChannel(Channel):
    """Short texts to Indian mobile numbers through `settings.SMS_BACKEND`."""

    def address_for(self, *, user, email: str, phone: str) -> str:
        number = phone or (user.phone if user is not None else "")
        return sms.mobile_normalise(number) if number.strip() else ""

    def send(self, delivery: Delivery) -> None:
        notification = delivery.notification
        text = f"{notification.title}\n{notification.body}"
        if len(text) > SMS_MAX_CHARS:
            text = text[: SMS_MAX_CHARS - 1] + "…"
        sms.sms_backend_get().send(sms.SmsMessage(to=delivery.address, text=text))


CHANNELS: dict[str, type[Channel]] = {
    ChannelName.IN_APP: InAppChannel,
    ChannelName.EMAIL: EmailChannel,
    ChannelName.SMS: SmsChannel,
}
