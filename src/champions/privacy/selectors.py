"""Reads for privacy: the user's own data, whole (never anyone else's), and the erasure
requests officers decide."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from champions.accounts.choices import Role
from champions.accounts.selectors import user_personal_data
from champions.assistant.selectors import assistant_personal_data
from champions.core.errors import NotFound
from champions.grievances.selectors import grievance_personal_data
from champions.registry.selectors import enterprise_personal_data

from .choices import ErasureStatus
from .models import Consent, ErasureRequest


def personal_data_export(*, user) -> dict:
    """Everything the portal holds about the signed-in user, as one JSON-ready dict."""
    return {
        "exported_at": timezone.now(),
        "account": user_personal_data(user=user),
        "consents": list(
            Consent.objects.filter(user=user).values("notice_version", "language", "given_at")
        ),
        "enterprises": enterprise_personal_data(user=user),
        "grievances": grievance_personal_data(user=user),
        "assistant": assistant_personal_data(user=user),
        "erasure_requests": list(
            ErasureRequest.objects.filter(user=user).values(
                "status", "reason", "requested_at", "decided_at", "decision_note"
            )
        ),
    }


@dataclass(frozen=True)
class PrivacyContact:
    """Whom to write to about one's personal data (DPDP Act s. 8(9)-(10)), from settings."""

    name: str
    email: str
    phone: str
    address: str
    response_days: int


def privacy_contact() -> PrivacyContact:
    return PrivacyContact(
        name=settings.PRIVACY_OFFICER_NAME,
        email=settings.PRIVACY_OFFICER_EMAIL,
        phone=settings.PRIVACY_OFFICER_PHONE,
        address=settings.PRIVACY_OFFICER_ADDRESS,
        response_days=settings.PRIVACY_RESPONSE_DAYS,
    )


def grievance_contact_retention_years() -> int:
    """How many years (rounded, at least one) a closed grievance keeps its contact details."""
    return max(1, round(settings.GRIEVANCE_CONTACT_RETENTION_DAYS / 365))


def consent_latest(*, user) -> Consent | None:
    return Consent.objects.filter(user=user).first()


def erasure_open_for_user(*, user) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, status=ErasureStatus.OPEN).first()


ERASURE_DECIDERS = frozenset({Role.HUB_OFFICER, Role.ADMINISTRATOR})


def user_decides_erasure(user) -> bool:
    """Hub officers and administrators decide erasure requests."""
    return bool(user.is_authenticated and user.role in ERASURE_DECIDERS)


def user_sees_erasure_requests(user) -> bool:
    """Those who decide them, and leadership, which oversees (and only reads)."""
    return user_decides_erasure(user) or bool(
        user.is_authenticated and user.role == Role.LEADERSHIP
    )


def erasure_request_list(*, user) -> QuerySet[ErasureRequest]:
    if not user_sees_erasure_requests(user):
        return ErasureRequest.objects.none()
    return ErasureRequest.objects.select_related("user", "decided_by").order_by(
        "-status", "requested_at"
    )


def erasure_request_get(*, user, request_id: int, for_update: bool = False) -> ErasureRequest:
    qs = erasure_request_list(user=user)
    if for_update:
        qs = qs.select_for_update(of=("self",))
    found = qs.filter(pk=request_id).first()
    if found is None:
        raise NotFound("No such erasure request.")
    return found
