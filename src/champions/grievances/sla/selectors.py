"""The service levels and holiday calendar: what due dates are computed from."""

from django.db.models import F, Q
from django.utils import timezone

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can
from champions.core.errors import NotFound

from ..models import (
    Holiday,
    SlaPolicy,
)
from .clock import Calendar, Policy


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


def user_edits_service_levels(user) -> bool:
    """Hub officers and administrators keep the SLA policies and the holiday calendar."""
    return can(user, Can.SLA_EDIT)


def sla_policy_list() -> list[SlaPolicy]:
    """Every policy, the (any, any) default first."""
    return list(SlaPolicy.objects.order_by("category", "priority"))


def sla_policy_get(*, policy_id: int) -> SlaPolicy:
    policy = SlaPolicy.objects.filter(pk=policy_id).first()
    if policy is None:
        raise NotFound("No such policy.")
    return policy


def holiday_list(*, year: int) -> list[Holiday]:
    """The year's holidays by date, national before state ones on the same day."""
    return list(
        Holiday.objects.filter(day__year=year)
        .select_related("state")
        .order_by("day", F("state__name").asc(nulls_first=True))
    )


def holiday_years() -> list[int]:
    """Years that have holidays, and the current one."""
    years = {moment.year for moment in Holiday.objects.dates("day", "year")}
    return sorted(years | {timezone.localdate().year})
