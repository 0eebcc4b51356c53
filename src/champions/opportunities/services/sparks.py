"""Writes behind the sparks list: an officer's shortlist, hand-holding actions, recorded facts."""

from django.db import transaction
from django.utils.translation import gettext as _

from champions.core.errors import ValidationFailed
from champions.registry.selectors import enterprise_get_for_user

from ..choices import ActionKind, FactKind
from ..models import HandHoldingAction, RecordedFact, SparkShortlist
from ..selectors.sparks import check_officer


@transaction.atomic
def shortlist_set(*, actor, enterprise_id: int, on: bool) -> bool:
    check_officer(actor)
    enterprise = enterprise_get_for_user(user=actor, enterprise_id=enterprise_id)
    if on:
        SparkShortlist.objects.get_or_create(officer=actor, enterprise=enterprise)
    else:
        SparkShortlist.objects.filter(officer=actor, enterprise=enterprise).delete()
    return on


@transaction.atomic
def handholding_record(*, actor, enterprise_id: int, kind: str, note: str) -> HandHoldingAction:
    check_officer(actor)
    enterprise = enterprise_get_for_user(user=actor, enterprise_id=enterprise_id)
    errors: dict[str, list[str]] = {}
    if kind not in ActionKind.values:
        errors["kind"] = [_("Choose the help given.")]
    if not note.strip():
        errors["note"] = [_("Say what was done and what comes next.")]
    if errors:
        raise ValidationFailed(_("Please correct the action."), errors=errors)
    return HandHoldingAction.objects.create(
        enterprise=enterprise, officer=actor, kind=kind, note=note.strip()
    )


@transaction.atomic
def fact_record(*, actor, enterprise_id: int, kind: str, detail: str, source: str) -> RecordedFact:
    check_officer(actor)
    enterprise = enterprise_get_for_user(user=actor, enterprise_id=enterprise_id)
    errors: dict[str, list[str]] = {}
    if kind not in FactKind.values:
        errors["kind"] = [_("Choose the kind of fact.")]
    if not source.strip():
        errors["source"] = [_("Name the source (certificate number, sanction letter...).")]
    if errors:
        raise ValidationFailed(_("Please correct the fact."), errors=errors)
    return RecordedFact.objects.create(
        enterprise=enterprise,
        kind=kind,
        detail=detail.strip()[:200],
        source=source.strip()[:200],
        recorded_by=actor,
    )
