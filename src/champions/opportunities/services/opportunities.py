"""Writes for the opportunities board: post (and match and alert), respond, shortlist, close."""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_is_entrepreneur, user_is_officer
from champions.core.errors import NotFound, ValidationFailed
from champions.core.selectors import nic_code_search, state_list
from champions.notifications.choices import NotificationKind
from champions.notifications.services import notify
from champions.registry.selectors import enterprise_get_for_user, enterprise_representatives

from ..choices import OpportunityKind, OpportunityStatus, Outcome
from ..errors import PermissionDenied
from ..matching import opportunity_candidates
from ..models import Opportunity, OpportunityMatch, OpportunityResponse
from ..selectors.opportunities import opportunity_get_for_user, user_manages

HS_CODE = re.compile(r"^\d{2}(\d{2}){0,2}$")
NIC_CODE = re.compile(r"^\d{2,5}$")
MAX_CODES = 20


@dataclass(frozen=True)
class OpportunityInput:
    title: str
    kind: str
    text: str
    closes_on: date
    hs_codes: list[str] = field(default_factory=list)
    nic_codes: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    product: str = ""
    quantity: str = ""
    specification: str = ""
    buyer_name: str = ""
    prefer_mse: bool = False
    prefer_sc_st: bool = False
    prefer_women: bool = False


def _code_errors(data: OpportunityInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    bad_hs = [c for c in data.hs_codes if not HS_CODE.match(c)]
    if bad_hs or len(data.hs_codes) > MAX_CODES:
        errors["hs_codes"] = [
            _("HS codes have 2, 4 or 6 digits (at most 20): %(bad)s") % {"bad": ", ".join(bad_hs)}
        ]
    bad_nic = [
        c for c in data.nic_codes if not (NIC_CODE.match(c) and nic_code_search(query=c, limit=1))
    ]
    if bad_nic or len(data.nic_codes) > MAX_CODES:
        errors["nic_codes"] = [_("Not NIC-2008 codes: %(bad)s") % {"bad": ", ".join(bad_nic)}]
    known = {s.udyam_code for s in state_list()}
    if bad_states := [c for c in data.states if c not in known]:
        errors["states"] = [_("Unknown state codes: %(bad)s") % {"bad": ", ".join(bad_states)}]
    return errors


def _errors(data: OpportunityInput, *, today: date) -> dict[str, list[str]]:
    errors = _code_errors(data)
    if not data.title.strip():
        errors["title"] = [_("Give it a title.")]
    if data.kind not in OpportunityKind.values:
        errors["kind"] = [_("Choose procurement, export or demand_drive.")]
    if not data.text.strip():
        errors["text"] = [_("Describe what is needed.")]
    if not today <= data.closes_on <= today + timedelta(days=366):
        errors["closes_on"] = [_("Choose a day from today to a year ahead.")]
    if not (data.hs_codes or data.nic_codes or data.product.strip()):
        errors.setdefault("hs_codes", []).append(_("Give HS codes, NIC codes or a product."))
    return errors


def _check_poster(actor, kind: str) -> None:
    if user_is_officer(actor):
        return
    if user_is_entrepreneur(actor) and kind != OpportunityKind.DEMAND_DRIVE:
        return  # a registered buyer posts its procurement needs and export leads
    raise PermissionDenied(_("You may not post this kind of opportunity."))


@transaction.atomic
def opportunity_create(*, actor, data: OpportunityInput) -> Opportunity:
    """Check, save, match with the network matcher and alert the matched units."""
    _check_poster(actor, data.kind)
    if errors := _errors(data, today=timezone.localdate()):
        raise ValidationFailed(_("Please correct the opportunity."), errors=errors)
    opportunity = Opportunity.objects.create(
        **{k: v.strip() if isinstance(v, str) else v for k, v in data.__dict__.items()},
        posted_by=actor,
    )
    opportunity_match(opportunity=opportunity)
    return opportunity


def opportunity_match(*, opportunity: Opportunity, limit: int = 10) -> list[OpportunityMatch]:
    """Store the matcher's best units (replacing earlier matches) and alert the new ones."""
    query_text = " ".join(
        filter(
            None,
            [opportunity.title, opportunity.product, opportunity.text, opportunity.specification],
        )
    )
    found = opportunity_candidates(
        text=query_text,
        hs_codes=opportunity.hs_codes,
        nic_codes=opportunity.nic_codes,
        states=opportunity.states,
        limit=limit,
    )
    opportunity.matching_available = found.available
    opportunity.save(update_fields=["matching_available"])
    alerted = set(opportunity.matches.filter(alerted=True).values_list("profile_id", flat=True))
    opportunity.matches.all().delete()
    matches = OpportunityMatch.objects.bulk_create(
        OpportunityMatch(
            opportunity=opportunity,
            profile_id=c.profile_id,
            enterprise_id=c.enterprise_id,
            name=c.name[:200],
            score=round(c.score, 4),
            reasons=c.reasons,
            rank=rank,
            alerted=c.profile_id in alerted,
        )
        for rank, c in enumerate(found.results, start=1)
    )
    _alert(opportunity, [m for m in matches if m.enterprise_id and not m.alerted])
    return matches


def _alert(opportunity: Opportunity, matches: list[OpportunityMatch]) -> None:
    unit_ids = [m.enterprise_id for m in matches if m.enterprise_id is not None]
    people = enterprise_representatives(enterprise_ids=unit_ids)
    link = reverse("web:opportunities:detail", args=[opportunity.pk])
    for match in matches:
        for user in people.get(match.enterprise_id or 0, []):
            notify(
                recipient_user=user,
                kind=NotificationKind.OPPORTUNITY_MATCHED,
                title=_("New opportunity for %(unit)s: %(title)s")
                % {"unit": match.name, "title": opportunity.title},
                body="; ".join(match.reasons),
                link=link,
                idempotency_key=f"opportunity-{opportunity.pk}-{match.enterprise_id}-{user.pk}",
            )
    OpportunityMatch.objects.filter(pk__in=[m.pk for m in matches]).update(alerted=True)


@dataclass(frozen=True)
class ResponseInput:
    enterprise_id: int
    quantity: str
    price_min_inr: int
    price_max_inr: int
    note: str = ""


@transaction.atomic
def opportunity_respond(*, actor, opportunity_id: int, data: ResponseInput) -> OpportunityResponse:
    """A unit says what it can supply; answering again replaces its answer."""
    opportunity = opportunity_get_for_user(user=actor, opportunity_id=opportunity_id)
    enterprise = enterprise_get_for_user(user=actor, enterprise_id=data.enterprise_id)
    if not user_is_entrepreneur(actor):
        raise PermissionDenied(_("Units respond through their representatives."))
    errors: dict[str, list[str]] = {}
    if opportunity.status != OpportunityStatus.OPEN or opportunity.closes_on < timezone.localdate():
        errors["opportunity"] = [_("This opportunity is closed.")]
    if not data.quantity.strip():
        errors["quantity"] = [_("Say how much you can supply.")]
    if not 0 < data.price_min_inr <= data.price_max_inr:
        errors["price_max_inr"] = [
            _("The highest price must be at least the lowest, and more than 0.")
        ]
    if errors:
        raise ValidationFailed(_("Please correct the response."), errors=errors)
    response, _created = OpportunityResponse.objects.update_or_create(
        opportunity=opportunity,
        enterprise=enterprise,
        defaults={
            "responded_by": actor,
            "quantity": data.quantity.strip(),
            "price_min_inr": data.price_min_inr,
            "price_max_inr": data.price_max_inr,
            "note": data.note.strip(),
        },
    )
    return response


def _managed(actor, opportunity_id: int) -> Opportunity:
    opportunity = opportunity_get_for_user(user=actor, opportunity_id=opportunity_id)
    if not user_manages(user=actor, opportunity=opportunity):
        raise PermissionDenied(_("Only the poster manages this opportunity."))
    return opportunity


@transaction.atomic
def response_shortlist(*, actor, response_id: int, shortlisted: bool) -> OpportunityResponse:
    # A unit's answer is seen by the unit and the poster only: to anyone else one that exists
    # and one that does not both answer 404, so ids cannot be probed.
    response = OpportunityResponse.objects.filter(pk=response_id).first()
    if response is None:
        raise NotFound(_("No such response."))
    try:
        _managed(actor, response.opportunity_id)
    except (PermissionDenied, NotFound):
        raise NotFound(_("No such response.")) from None
    response.is_shortlisted = shortlisted
    response.save(update_fields=["is_shortlisted"])
    return response


@transaction.atomic
def opportunity_close(*, actor, opportunity_id: int, outcome: str, note: str = "") -> Opportunity:
    opportunity = _managed(actor, opportunity_id)
    if opportunity.status == OpportunityStatus.CLOSED:
        raise ValidationFailed(_("Already closed."), errors={"status": [_("Already closed.")]})
    if outcome not in Outcome.values:
        raise ValidationFailed(
            _("Choose an outcome."), errors={"outcome": [_("Choose an outcome.")]}
        )
    opportunity.status = OpportunityStatus.CLOSED
    opportunity.outcome = outcome
    opportunity.outcome_note = note.strip()
    opportunity.closed_at = timezone.now()
    opportunity.save(update_fields=["status", "outcome", "outcome_note", "closed_at"])
    return opportunity
