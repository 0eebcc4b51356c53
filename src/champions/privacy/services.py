"""Writes for privacy: consent at sign-up, a request to erase one's data, and an officer's
decision on it. Erasing removes the account's identity, chats and call-backs; grievances and
enterprises are kept as the law requires (DPDP Act s. 8(7), public records), their contact
details blanked."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.services import user_erase
from champions.assistant.services import assistant_erase_for_user
from champions.core.errors import DomainError, Forbidden, ValidationFailed
from champions.grievances.services import grievance_contacts_erase

from .choices import NOTICE_VERSION, ErasureStatus
from .models import Consent, ErasureRequest
from .selectors import erasure_open_for_user, erasure_request_get, user_decides_erasure


@transaction.atomic
def consent_record(*, user, language: str) -> Consent:
    return Consent.objects.create(user=user, notice_version=NOTICE_VERSION, language=language)


@transaction.atomic
def erasure_request_create(*, user, reason: str) -> ErasureRequest:
    if erasure_open_for_user(user=user):
        raise DomainError(_("You already have an open request."))
    return ErasureRequest.objects.create(user=user, reason=reason.strip())


@transaction.atomic
def erasure_request_decide(*, actor, request_id: int, erase: bool, note: str) -> ErasureRequest:
    if not user_decides_erasure(actor):
        raise Forbidden(_("Only hub officers and administrators decide erasure requests."))
    request = erasure_request_get(user=actor, request_id=request_id, for_update=True)
    if request.status != ErasureStatus.OPEN:
        raise DomainError(_("This request has already been decided."))
    if not erase and not note.strip():
        raise ValidationFailed(
            _("Say why the request is refused."), errors={"note": [_("Say why.")]}
        )
    if erase:
        assistant_erase_for_user(user=request.user)
        grievance_contacts_erase(user=request.user)
        user_erase(user=request.user)
    request.status = ErasureStatus.DONE if erase else ErasureStatus.REFUSED
    request.decided_by, request.decided_at = actor, timezone.now()
    request.decision_note = note.strip()
    request.save()
    return request
