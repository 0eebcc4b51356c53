"""The inbound pull: grievances CPGRAMS routes to the MSME ministry become Champions grievances,
each exactly once.

Exactly once rests on two guards: the lodging uses the idempotency key `cpgrams:<number>` of
the CPGRAMS system user (a repeat returns the first grievance), and the grievance's unique
`cpgrams_number`, written in the same transaction, refuses a second grievance however it got
there. Grievances that Champions itself created on CPGRAMS are recognised and skipped.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from champions.accounts.choices import Role
from champions.accounts.selectors import user_get_by_email
from champions.accounts.services import user_create
from champions.core.errors import ValidationFailed
from champions.core.selectors import district_list
from champions.grievances.choices import Channel, ComplainantType, Kind
from champions.grievances.hooks import grievance_cpgrams_number_set
from champions.grievances.services import MAX_DESCRIPTION, GrievanceInput, grievance_lodge

from ..models import OutboxKind, OutboxMessage, SyncCursor
from .client import CpgramsClient, cpgrams_client

log = logging.getLogger(__name__)

SYSTEM_USER_EMAIL = "cpgrams@system.champions.in"
CURSOR_NAME = "cpgrams-inbound"
PAGE_SIZE = 100


@dataclass
class PullReport:
    created: int = 0
    duplicates: int = 0
    refused: int = 0


def cpgrams_grievances_pull(*, client: CpgramsClient | None = None) -> PullReport:
    """Fetch the grievances routed to the ministry since the last cursor and lodge the new ones.

    The cursor advances after each page, so a crash repeats at most one page, harmlessly.
    """
    client = client or cpgrams_client()
    report = PullReport()
    cursor, _created = SyncCursor.objects.get_or_create(name=CURSOR_NAME)
    actor = _system_user()
    district_ids: dict[int, int] | None = None
    while True:
        page = client.grievances_routed(
            org=settings.CPGRAMS_ORG_CODE, since=cursor.value, limit=PAGE_SIZE
        )
        if page.records and district_ids is None:
            district_ids = {d.lgd_code: d.pk for d in district_list()}
        for record in page.records:
            outcome = _grievance_import(record, actor=actor, district_ids=district_ids or {})
            setattr(report, outcome, getattr(report, outcome) + 1)
        if page.next_since != cursor.value:
            cursor.value = page.next_since
            cursor.save(update_fields=["value", "updated_at"])
        if not (page.has_more and page.records):
            return report


def _grievance_import(record: dict, *, actor, district_ids: dict[int, int]) -> str:
    """Lodge one CPGRAMS grievance; returns "created", "duplicates" or "refused"."""
    number = str(record.get("registration_number") or "").strip()
    if not number or _created_by_us(record, number):
        return "duplicates"
    try:
        with transaction.atomic():
            result = grievance_lodge(
                actor=actor,
                data=_grievance_input(record, district_ids=district_ids),
                channel=Channel.CPGRAMS,
                idempotency_key=f"cpgrams:{number}",
            )
            if result.replayed:
                return "duplicates"
            grievance_cpgrams_number_set(grievance_id=result.grievance.pk, cpgrams_number=number)
    except IntegrityError:
        return "duplicates"  # the unique cpgrams_number held: imported before by another path
    except ValidationFailed as exc:
        log.warning("CPGRAMS grievance %s not imported: %s", number, exc.errors)
        return "refused"
    return "created"


def _created_by_us(record: dict, number: str) -> bool:
    return (
        record.get("source_system") == "champions"
        or OutboxMessage.objects.filter(
            kind=OutboxKind.GRIEVANCE_CREATE, remote_number=number
        ).exists()
    )


def _grievance_input(record: dict, *, district_ids: dict[int, int]) -> GrievanceInput:
    """CPGRAMS complainants are not matched to a registered enterprise (CPGRAMS has no Udyam
    number), so they are lodged as aspiring entrepreneurs; the district routes the grievance
    to its spoke, and without one it goes to the hub."""
    description = str(record.get("description") or "").strip()
    subject = str(record.get("subject") or "").strip() or description.split("\n", 1)[0]
    complainant = record.get("complainant") or {}
    try:
        district_id = district_ids.get(int(record.get("district_lgd_code") or 0))
    except (TypeError, ValueError):
        district_id = None
    return GrievanceInput(
        subject=subject[:200],
        description=description[:MAX_DESCRIPTION],
        kind=Kind.GRIEVANCE,
        complainant_type=ComplainantType.ASPIRING,
        contact_name=str(complainant.get("name") or "")[:150],
        contact_email=str(complainant.get("email") or "")[:254],
        contact_phone=_mobile(str(complainant.get("mobile") or "")),
        district_id=district_id,
    )


def _mobile(value: str) -> str:
    """The last ten digits of an Indian mobile number (+91, 0 prefixes dropped), else blank."""
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits[-10:] if len(digits) >= 10 and digits[-10] in "6789" else ""


def _system_user():
    """The user CPGRAMS grievances are lodged by (no password: nobody can sign in as it)."""
    user = user_get_by_email(email=SYSTEM_USER_EMAIL)
    if user is None:
        user = user_create(
            email=SYSTEM_USER_EMAIL,
            password=None,
            role=Role.HUB_OFFICER,
            full_name="CPGRAMS (system)",
        )
    return user
