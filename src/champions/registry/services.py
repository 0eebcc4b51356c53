"""Writes for the enterprise registry."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can, refusal_message
from champions.accounts.selectors import (
    user_is_entrepreneur,
    user_is_officer,
    user_sees_whole_country,
)
from champions.core.errors import Forbidden, ValidationFailed
from champions.core.selectors import ReferenceIndex, reference_index_build

from . import hooks, selectors
from .classification import classify
from .models import CategoryChange, Enterprise
from .validation import EnterpriseInput, enterprise_input_errors

PermissionDenied = Forbidden  # the policy's refusal (403); the old name stays for callers


def _check_scope(*, actor, data: EnterpriseInput) -> None:
    """Spoke officers may only file enterprises in their room's districts."""
    if user_sees_whole_country(actor) or user_is_entrepreneur(actor):
        return
    if user_is_officer(actor) and data.district_id in selectors.district_ids_in_scope(user=actor):
        return
    raise ValidationFailed(
        _("This district is outside your control room."),
        errors={"district": [_("This district is outside your control room.")]},
    )


def _validated(data: EnterpriseInput, ref: ReferenceIndex | None) -> None:
    errors = enterprise_input_errors(data, ref or reference_index_build())
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)


def _record_category(*, enterprise: Enterprise, previous: str, actor) -> None:
    CategoryChange.objects.create(
        enterprise=enterprise,
        category=enterprise.category,
        previous_category=previous,
        rule=enterprise.classification_rule,
        investment_inr=enterprise.investment_inr,
        turnover_inr=enterprise.turnover_inr,
        export_turnover_inr=enterprise.export_turnover_inr,
        changed_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


@transaction.atomic
def enterprise_create(
    *, data: EnterpriseInput, actor, ref: ReferenceIndex | None = None, on: date | None = None
) -> Enterprise:
    """Check, classify and save a new enterprise; an entrepreneur who files it represents it."""
    if not can(actor, Can.REGISTRY_RECORD):
        raise PermissionDenied(refusal_message(actor))
    _validated(data, ref)
    _check_scope(actor=actor, data=data)
    if data.udyam_number and Enterprise.objects.filter(udyam_number=data.udyam_number).exists():
        raise ValidationFailed(
            _("Please correct the errors below."),
            errors={
                "udyam_number": [_("An enterprise with this Udyam number is already registered.")]
            },
        )
    result = classify(
        investment_inr=data.investment_inr,
        turnover_inr=data.turnover_inr,
        export_turnover_inr=data.export_turnover_inr,
        on=on or timezone.localdate(),
    )
    enterprise = Enterprise(
        **data.as_model_fields(),
        category=result.category,
        classification_rule=result.rule,
        classified_on=on or timezone.localdate(),
    )
    enterprise.save()
    if user_is_entrepreneur(actor):
        enterprise.representatives.add(actor)
    _record_category(enterprise=enterprise, previous="", actor=actor)
    hooks.enterprise_created_emit(enterprise.pk)
    return enterprise


@transaction.atomic
def enterprise_update(
    *, enterprise_id: int, data: EnterpriseInput, actor, on: date | None = None
) -> Enterprise:
    """Change an enterprise the actor may edit; a new category is added to its history."""
    enterprise = selectors.enterprise_get_for_user(
        user=actor, enterprise_id=enterprise_id, for_update=True
    )
    if not can(actor, Can.REGISTRY_EDIT, enterprise):
        raise PermissionDenied(refusal_message(actor))
    _validated(data, None)
    _check_scope(actor=actor, data=data)
    if (
        data.udyam_number
        and Enterprise.objects.filter(udyam_number=data.udyam_number)
        .exclude(pk=enterprise.pk)
        .exists()
    ):
        raise ValidationFailed(
            _("Please correct the errors below."),
            errors={
                "udyam_number": [_("An enterprise with this Udyam number is already registered.")]
            },
        )
    result = classify(
        investment_inr=data.investment_inr,
        turnover_inr=data.turnover_inr,
        export_turnover_inr=data.export_turnover_inr,
        on=on or timezone.localdate(),
    )
    previous = enterprise.category
    fields = data.as_model_fields()
    for name, value in fields.items():
        setattr(enterprise, name, value)
    enterprise.category = result.category
    enterprise.classification_rule = result.rule
    enterprise.classified_on = on or timezone.localdate()
    enterprise.save()
    if previous != result.category:
        _record_category(enterprise=enterprise, previous=previous, actor=actor)
    return enterprise


@transaction.atomic
def enterprises_bulk_insert(*, enterprises: list[Enterprise]) -> int:
    """Insert already-classified enterprises, skipping Udyam numbers already registered."""
    numbers = [e.udyam_number for e in enterprises]
    existing = set(
        Enterprise.objects.filter(udyam_number__in=numbers).values_list("udyam_number", flat=True)
    )
    new = [e for e in enterprises if e.udyam_number not in existing]
    Enterprise.objects.bulk_create(new, batch_size=1000)
    ids = dict(
        Enterprise.objects.filter(udyam_number__in=[e.udyam_number for e in new]).values_list(
            "udyam_number", "id"
        )
    )
    CategoryChange.objects.bulk_create(
        CategoryChange(
            enterprise_id=ids[e.udyam_number],
            category=e.category,
            rule=e.classification_rule,
            investment_inr=e.investment_inr,
            turnover_inr=e.turnover_inr,
            export_turnover_inr=e.export_turnover_inr,
        )
        for e in new
    )
    return len(new)


@transaction.atomic
def enterprise_representative_add(*, udyam_number: str, user) -> None:
    enterprise = Enterprise.objects.get(udyam_number=udyam_number)
    enterprise.representatives.add(user)
