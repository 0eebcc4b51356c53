"""Reads for accounts, and the permission checks other apps call."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from .choices import NATIONAL_ROLES, OFFICER_ROLES, Role
from .models import ApiToken, User


def api_token_list(*, user: User) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user))


def user_is_officer(user) -> bool:
    return bool(user.is_authenticated and user.role in OFFICER_ROLES)


def user_sees_whole_country(user) -> bool:
    return bool(user.is_authenticated and user.role in NATIONAL_ROLES)


def user_is_spoke_officer(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.SPOKE_OFFICER)


def user_is_analyst(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.ANALYST)


def user_is_entrepreneur(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.ENTREPRENEUR)


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email=email.strip().lower()).first()


def user_emails_with_roles(*, roles: list[str]) -> list[str]:
    return list(User.objects.filter(role__in=roles, is_active=True).values_list("email", flat=True))


def user_emails_and_languages_with_roles(*, roles: list[str]) -> list[tuple[str, str]]:
    """(e-mail, preferred language or "") of the active accounts with these roles."""
    users = User.objects.filter(role__in=roles, is_active=True).order_by("pk")
    return list(users.values_list("email", "preferred_language"))


def spoke_officer_count(*, room_id: int) -> int:
    return User.objects.filter(role=Role.SPOKE_OFFICER, control_room_id=room_id).count()


def user_is_centre_staff(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.CENTRE_STAFF)


def user_has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


# What counts as a second factor: an authenticator app's code, or a passkey/security key.
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def user_has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()


def user_second_factor_added_since(user, when) -> bool:
    return Authenticator.objects.filter(
        user=user, type__in=SECOND_FACTORS, created_at__gte=when
    ).exists()


def totp_code_now(secret: str) -> str:
    """The code an authenticator app shows now for `secret` (base32): for the demo logins."""
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def user_personal_data(*, user: User) -> dict:
    """The user's own account, for the DPDP "download my data" file."""
    return {
        "email": user.email,
        "full_name": user.full_name,
        "mobile": user.phone,
        "mobile_verified_at": user.phone_verified_at,
        "preferred_language": user.preferred_language,
        "preferred_channel": user.preferred_channel,
        "role": user.role,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "api_tokens": list(
            ApiToken.objects.filter(user=user).values(
                "name", "prefix", "created_at", "last_used_at", "revoked_at"
            )
        ),
    }
