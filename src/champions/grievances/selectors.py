"""Reads for grievances, always scoped to what the user may see (404 otherwise)."""

from django.db.models import Q, QuerySet

from champions.accounts.selectors import (
    user_is_entrepreneur,
    user_is_spoke_officer,
    user_sees_whole_country,
)
from champions.core.errors import NotFound

from .models import CannedReply, Grievance, Holiday, SlaPolicy
from .sla import Calendar, Policy


def grievance_queryset_for_user(*, user) -> QuerySet[Grievance]:
    """An entrepreneur: grievances they lodged or of enterprises they represent; a spoke
    officer: their room's; hub officers, leadership and administrators: all; analysts: none."""
    qs = Grievance.objects.all()
    if not user.is_authenticated:
        return qs.none()
    if user_sees_whole_country(user):
        return qs
    if user_is_spoke_officer(user):
        return qs.filter(room_id=user.control_room_id)
    if user_is_entrepreneur(user):
        return qs.filter(complainant=user) | qs.filter(enterprise__representatives=user)
    return qs.none()


def grievance_get_for_user(*, user, grievance_id: int) -> Grievance:
    grievance = (
        grievance_queryset_for_user(user=user)
        .select_related("room", "assignee", "enterprise", "state", "district")
        .filter(pk=grievance_id)
        .first()
    )
    if grievance is None:
        raise NotFound("No such grievance.")
    return grievance


def grievance_track(*, registration_number: str, contact: str) -> Grievance | None:
    """Public tracking: the number plus the registered mobile or e-mail, else nothing."""
    contact = contact.strip().lower()
    if not contact:
        return None
    grievance = Grievance.objects.filter(
        registration_number=registration_number.strip().upper()
    ).first()
    if grievance is None:
        return None
    if contact in {grievance.contact_email.lower(), grievance.contact_phone}:
        return grievance
    return None


def sla_policy_for(*, category: str, priority: str) -> Policy:
    rows = {(p.category, p.priority): p for p in SlaPolicy.objects.all()}
    for key in ((category, priority), (category, ""), ("", priority), ("", "")):
        if key in rows:
            p = rows[key]
            return Policy(
                assign_days=p.assign_days,
                escalate_days=p.escalate_days,
                resolve_days=p.resolve_days,
                appeal_days=p.appeal_days,
            )
    return Policy()


def calendar_for(*, state_id: int | None) -> Calendar:
    national = Q(state__isnull=True)
    scope = national | Q(state_id=state_id) if state_id else national
    return Calendar(holidays=frozenset(Holiday.objects.filter(scope).values_list("day", flat=True)))


def canned_reply_list() -> list[CannedReply]:
    return list(CannedReply.objects.all())
