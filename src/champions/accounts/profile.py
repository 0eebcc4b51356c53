"""Writes for the profile: name, mobile number, language and channel, and proving the mobile
with a one-time code sent by SMS (hashed, expiring after 10 minutes, a few tries, a few sends
an hour)."""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from champions.core.errors import DomainError, ValidationFailed

from . import hooks
from .choices import ContactChannel, Language
from .models import PhoneVerification, User

CODE_TTL = timedelta(minutes=10)
MAX_ATTEMPTS = 5  # wrong codes before a code is spent
MAX_SENDS_PER_HOUR = 3
_MOBILE = re.compile(r"[6-9]\d{9}")
_SEPARATORS = re.compile(r"[\s\-().]")


class TooManyRequests(DomainError):
    status = 429
    code = "throttled"


def mobile_clean(value: str) -> str:
    """The 10-digit Indian mobile number in `value` (+91, 91 or 0 in front allowed), or ""."""
    digits = _SEPARATORS.sub("", value.strip())
    for prefix, length in (("+91", 13), ("91", 12), ("0", 11)):
        if digits.startswith(prefix) and len(digits) == length:
            digits = digits[len(prefix) :]
            break
    if digits and not _MOBILE.fullmatch(digits):
        raise ValidationFailed(
            _("Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9."),
            errors={
                "phone": [_("Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9.")]
            },
        )
    return digits


@dataclass(frozen=True)
class ProfileInput:
    full_name: str
    phone: str
    preferred_language: str
    preferred_channel: str


@transaction.atomic
def profile_update(*, user: User, data: ProfileInput) -> User:
    """Save the profile; a new mobile number must be verified again."""
    errors: dict[str, list[str]] = {}
    try:
        phone = mobile_clean(data.phone)
    except ValidationFailed as exc:
        errors.update(exc.errors)
        phone = user.phone
    if data.preferred_language not in ["", *Language.values]:
        errors["preferred_language"] = [_("Choose English or Hindi.")]
    if data.preferred_channel not in ["", *ContactChannel.values]:
        errors["preferred_channel"] = [_("Choose a channel.")]
    verified = user.phone_verified_at if phone == user.phone else None
    if data.preferred_channel == ContactChannel.SMS and not (phone and verified):
        errors["preferred_channel"] = [_("Verify your mobile number before choosing SMS.")]
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    user.full_name = data.full_name.strip()[:150]
    user.phone = phone
    user.phone_verified_at = verified
    user.preferred_language = data.preferred_language
    user.preferred_channel = data.preferred_channel
    user.save(
        update_fields=[
            "full_name",
            "phone",
            "phone_verified_at",
            "preferred_language",
            "preferred_channel",
        ]
    )
    return user


def _hash(code: str, salt: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{salt}:{code}".encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def phone_verification_start(*, user: User) -> PhoneVerification:
    """Send a 6-digit code to the user's mobile number (at most 3 an hour)."""
    if not user.phone:
        message = _("Add your mobile number first.")
        raise ValidationFailed(message, errors={"phone": [message]})
    now = timezone.now()
    recent = PhoneVerification.objects.filter(user=user, created_at__gte=now - timedelta(hours=1))
    if recent.count() >= MAX_SENDS_PER_HOUR:
        raise TooManyRequests(_("Too many codes sent. Try again in an hour."))
    code = f"{secrets.randbelow(10**6):06d}"
    salt = secrets.token_hex(16)
    verification = PhoneVerification.objects.create(
        user=user,
        phone=user.phone,
        code_hash=_hash(code, salt),
        salt=salt,
        expires_at=now + CODE_TTL,
    )
    with translation.override(user.preferred_language or translation.get_language()):
        text = _(
            "Champions: your code to verify this mobile number is %(code)s. It expires in 10 "
            "minutes. Do not share it."
        ) % {"code": code}
    hooks.sms_send(phone=user.phone, text=text)
    return verification


def phone_verification_confirm(*, user: User, code: str) -> User:
    """Check the code typed; a wrong one uses up a try (kept even though the call fails)."""
    with transaction.atomic():
        pending = (
            PhoneVerification.objects.select_for_update()
            .filter(user=user, phone=user.phone, verified_at__isnull=True)
            .first()
        )
        now = timezone.now()
        if pending is None or pending.expires_at <= now or pending.attempts >= MAX_ATTEMPTS:
            message = _("This code has expired or was tried too often. Ask for a new one.")
            raise ValidationFailed(message, errors={"code": [message]})
        if hmac.compare_digest(pending.code_hash, _hash(code.strip(), pending.salt)):
            pending.verified_at = now
            pending.save(update_fields=["verified_at"])
            user.phone_verified_at = now
            user.save(update_fields=["phone_verified_at"])
            return user
        pending.attempts += 1
        pending.save(update_fields=["attempts"])
        left = MAX_ATTEMPTS - pending.attempts
    message = _("That code is not right. %(left)s tries left.") % {"left": left}
    raise ValidationFailed(message, errors={"code": [message]})
