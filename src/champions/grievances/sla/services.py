"""Service levels and the holiday calendar, kept by the hub.

Due dates are stored when a grievance is lodged (and an appeal opened), so a change here
applies to grievances lodged from then on; due dates already set stay as they are.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import require
from champions.core.errors import NotFound, ValidationFailed
from champions.core.selectors import state_list

from ..choices import (
    Category,
    Priority,
)
from ..errors import DefaultPolicyKept
from ..models import (
    MAX_SLA_DAYS,
    Holiday,
    SlaPolicy,
)
from .selectors import sla_policy_get

SLA_DAY_FIELDS = ("assign_days", "escalate_days", "resolve_days", "appeal_days")


def _require_hub(actor) -> None:
    require(actor, Can.SLA_EDIT)


@dataclass(frozen=True)
class SlaPolicyInput:
    category: str  # blank: any category
    priority: str  # blank: any priority
    assign_days: int
    escalate_days: int
    resolve_days: int
    appeal_days: int


def _sla_policy_errors(policy: SlaPolicy, data: SlaPolicyInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.category and data.category not in Category.values:
        errors["category"] = [_("Unknown category.")]
    if data.priority and data.priority not in Priority.values:
        errors["priority"] = [_("Unknown priority.")]
    for name in SLA_DAY_FIELDS:
        value = getattr(data, name)
        if not isinstance(value, int) or not 1 <= value <= MAX_SLA_DAYS:
            errors[name] = [_("From 1 to %(max)s working days.") % {"max": MAX_SLA_DAYS}]
    if not errors.keys() & {"assign_days", "escalate_days", "resolve_days"}:
        # Assignment and escalation are steps on the way to a resolution.
        for name in ("assign_days", "escalate_days"):
            if getattr(data, name) > data.resolve_days:
                errors[name] = [_("At most the working days to resolve.")]
    is_default = policy.pk is not None and not (policy.category or policy.priority)
    if is_default and (data.category or data.priority):
        errors["category"] = [
            _("The default policy applies to any category and priority; add a new policy.")
        ]
    elif (
        "category" not in errors
        and SlaPolicy.objects.filter(category=data.category, priority=data.priority)
        .exclude(pk=policy.pk)
        .exists()
    ):
        errors["category"] = [_("There is a policy for this category and priority already.")]
    return errors


@transaction.atomic
def sla_policy_save(*, actor, data: SlaPolicyInput, policy_id: int | None = None) -> SlaPolicy:
    """Add a policy for a category and priority (blank: any), or change one (hub only)."""
    _require_hub(actor)
    policy = SlaPolicy() if policy_id is None else sla_policy_get(policy_id=policy_id)
    errors = _sla_policy_errors(policy, data)
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    for name in ("category", "priority", *SLA_DAY_FIELDS):
        setattr(policy, name, getattr(data, name))
    policy.full_clean()
    policy.save()
    return policy


@transaction.atomic
def sla_policy_delete(*, actor, policy_id: int) -> None:
    """Delete a policy (hub only); the (any, any) default stays, so every grievance has one."""
    _require_hub(actor)
    policy = sla_policy_get(policy_id=policy_id)
    if not (policy.category or policy.priority):
        raise DefaultPolicyKept(_("The default policy cannot be deleted; change its days instead."))
    policy.delete()


@transaction.atomic
def holiday_add(*, actor, day: date | None, name: str, state_id: int | None = None) -> Holiday:
    """Add a national holiday (no state) or a holiday of one state to the calendar (hub only)."""
    _require_hub(actor)
    errors: dict[str, list[str]] = {}
    if day is None:
        errors["day"] = [_("Give the date.")]
    if not name.strip():
        errors["name"] = [_("This field is required.")]
    elif len(name.strip()) > 100:
        errors["name"] = [_("At most 100 characters.")]
    if state_id is not None and state_id not in {state.pk for state in state_list()}:
        errors["state"] = [_("Unknown state.")]
    if not errors and day is not None:
        # NULL never equals NULL, so the unique constraint does not stop a second national
        # holiday on a day: check both cases here.
        same_day = Holiday.objects.filter(day=day)
        if same_day.filter(state__isnull=True).exists():
            errors["day"] = [_("This day is a national holiday already.")]
        elif state_id is not None and same_day.filter(state_id=state_id).exists():
            errors["day"] = [_("This day is a holiday in this state already.")]
    if errors or day is None:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    holiday = Holiday(day=day, name=name.strip(), state_id=state_id)
    holiday.full_clean()
    holiday.save()
    return holiday


@transaction.atomic
def holiday_delete(*, actor, holiday_id: int) -> None:
    """Take a day off the holiday calendar (hub only)."""
    _require_hub(actor)
    deleted, _rows = Holiday.objects.filter(pk=holiday_id).delete()
    if not deleted:
        raise NotFound("No such holiday.")
