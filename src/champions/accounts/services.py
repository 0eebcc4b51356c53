"""Writes for accounts: users, roles and API tokens."""

import secrets
from dataclasses import dataclass

from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.utils import timezone

from champions.core.errors import NotFound, ValidationFailed

from .choices import Role
from .models import ApiToken, User
from .selectors import user_has_totp


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None,
    role: str = Role.ENTREPRENEUR,
    full_name: str = "",
    control_room_id: int | None = None,
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    if role == Role.SPOKE_OFFICER and control_room_id is None:
        raise ValidationFailed(
            "A spoke officer needs a control room.",
            errors={"control_room": ["A spoke officer needs a control room."]},
        )
    user = User(
        email=email.strip().lower(),
        role=role,
        full_name=full_name,
        control_room_id=control_room_id,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str  # shown to the user once; never stored


TOKEN_PREFIX = "chp_"  # noqa: S105 - a public marker, not a secret


@transaction.atomic
def api_token_create(*, user: User, name: str) -> IssuedToken:
    name = name.strip()
    if not name:
        raise ValidationFailed(
            "Give the token a name.", errors={"name": ["This field is required."]}
        )
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=key[:8], key_hash=ApiToken.hash_key(key)
    )
    return IssuedToken(token=token, key=key)


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
    if token is None:
        raise NotFound("No such token.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(*, key: str) -> User | None:
    """The active user holding this bearer key, or None."""
    if not key.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    # Write the last-use time at most once a minute, not on every request.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def officers_move_room(*, from_room_id: int, to_room_id: int) -> int:
    """The spoke officers of a room that closed or merged join the room that took its work."""
    return User.objects.filter(role=Role.SPOKE_OFFICER, control_room_id=from_room_id).update(
        control_room_id=to_room_id
    )


@transaction.atomic
def user_totp_set(*, user: User, secret: str) -> bool:
    """Give `user` a TOTP authenticator with `secret` (base32) unless they have one (the
    demo's published secret, web/demo.py). Returns whether one was created."""
    if user_has_totp(user):
        return False
    TOTP.activate(user, secret)
    return True


@transaction.atomic
def user_erase(*, user: User) -> None:
    """DPDP erasure of the account itself: the name, mobile and e-mail are replaced, tokens
    and authenticators removed, and the account can never sign in again. The row stays so
    that records the law requires us to keep (grievances, audit) still point somewhere."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    user.email = f"erased-{user.pk}@erased.invalid"
    user.full_name = ""
    user.phone = ""
    user.phone_verified_at = None
    user.is_active = False
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user).delete()
