"""Writes for compliance: the situation profile, due-date reminders, and the one-click grievance
about a delayed payment by a central public sector undertaking."""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from champions.core.errors import DomainError, ValidationFailed
from champions.core.numbers import format_inr
from champions.core.selectors import state_list
from champions.grievances.choices import Category as GrievanceCategory
from champions.grievances.services import GrievanceInput, grievance_lodge
from champions.notifications.choices import NotificationKind
from champions.notifications.services import notify
from champions.registry.selectors import enterprise_can_edit, enterprise_get_for_user

from .calendar import Occurrence, Situation, occurrences_between, period_label, situation_errors
from .choices import BuyerType
from .delayed_payment import InterestResult, InvalidInput, interest_compute
from .models import MAX_REMIND_DAYS_BEFORE, ComplianceProfile, Reminder
from .selectors import situation_from_profile


@dataclass(frozen=True)
class ProfileInput:
    situation: Situation
    reminders_enabled: bool = True
    remind_days_before: int = 3


def _profile_errors(data: ProfileInput) -> dict[str, list[str]]:
    errors = {name: [message] for name, message in situation_errors(data.situation).items()}
    code = data.situation.state_code
    if code and code not in {state.udyam_code for state in state_list()}:
        errors["state_code"] = [_("Choose a state or union territory from the list.")]
    if not 0 <= data.remind_days_before <= MAX_REMIND_DAYS_BEFORE:
        errors["remind_days_before"] = [_("Choose between 0 and 30 days.")]
    return errors


@transaction.atomic
def compliance_profile_save(*, actor, enterprise_id: int, data: ProfileInput) -> ComplianceProfile:
    """Save an enterprise's situation; NotFound outside the actor's scope, 403 if read-only."""
    enterprise = enterprise_get_for_user(user=actor, enterprise_id=enterprise_id)
    if not enterprise_can_edit(user=actor, enterprise=enterprise):
        raise DomainError(
            _("You may not change this enterprise."), status=403, code="permission_denied"
        )
    if errors := _profile_errors(data):
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    situation = data.situation
    profile, _created = ComplianceProfile.objects.update_or_create(
        enterprise=enterprise,
        defaults={
            "is_gst_registered": situation.is_gst_registered,
            "gst_filing": situation.gst_filing,
            "turnover_inr": situation.turnover_inr,
            "state_code": situation.state_code,
            "employees": situation.employees,
            "is_company": situation.is_company,
            "is_tds_deductor": situation.is_tds_deductor,
            "pays_advance_tax": situation.pays_advance_tax,
            "is_presumptive_taxpayer": situation.is_presumptive_taxpayer,
            "owes_mse_suppliers_over_45_days": situation.owes_mse_suppliers_over_45_days,
            "reminders_enabled": data.reminders_enabled,
            "remind_days_before": data.remind_days_before,
            "updated_by": actor,
        },
    )
    return profile


def reminders_send_due(*, today: date | None = None) -> int:
    """Remind the people of each enterprise of the due dates within its reminder window.

    Each due date is reminded once (the `Reminder` row is the proof), so running the job twice a
    day, or again after a crash, sends nothing new. Returns the number of due dates reminded.
    """
    today = today or timezone.localdate()
    reminded = 0
    profiles = (
        ComplianceProfile.objects.filter(reminders_enabled=True)
        .select_related("enterprise")
        .order_by("pk")
    )
    for profile in profiles.iterator(chunk_size=500):
        situation = situation_from_profile(enterprise=profile.enterprise, profile=profile)
        horizon = today + timedelta(days=profile.remind_days_before)
        for occurrence in occurrences_between(situation, today, horizon):
            reminded += _reminder_send(profile=profile, occurrence=occurrence, today=today)
    return reminded


@transaction.atomic
def _reminder_send(*, profile: ComplianceProfile, occurrence: Occurrence, today: date) -> int:
    enterprise = profile.enterprise
    recipients = list(enterprise.representatives.filter(is_active=True).order_by("pk"))
    if not recipients:
        return 0  # nobody to tell yet: a representative added later still gets this reminder
    reminder, created = Reminder.objects.get_or_create(
        enterprise_id=profile.enterprise_id,
        obligation_code=occurrence.code,
        due_on=occurrence.due_on,
    )
    if not created:
        return 0
    title, body = _reminder_words(enterprise=enterprise, occurrence=occurrence, today=today)
    for user in recipients:
        notify(
            recipient_user=user,
            kind=NotificationKind.COMPLIANCE_DUE,
            title=title,
            body=body,
            link=reverse("web:compliance:calendar", args=[enterprise.pk]),
            idempotency_key=f"compliance_due:{enterprise.pk}:{occurrence.key}:{user.pk}",
        )
    reminder.recipients = len(recipients)
    reminder.save(update_fields=["recipients"])
    return 1


def _reminder_words(*, enterprise, occurrence: Occurrence, today: date) -> tuple[str, str]:
    values = {
        "title": occurrence.title,
        "period": period_label(occurrence),
        "due": date_format(occurrence.due_on, "j F Y"),
        "days": (occurrence.due_on - today).days,
        "enterprise": enterprise.name,
        "source": occurrence.obligation.source,
    }
    title = _("Due %(due)s: %(title)s") % values
    lines = [
        _("%(enterprise)s: %(title)s for %(period)s is due on %(due)s (in %(days)s days).") % values
    ]
    if occurrence.part_text:
        lines.append(occurrence.part_text)
    if occurrence.note:
        lines.append(occurrence.note)
    lines.append(_("Source: %(source)s.") % values)
    return title, "\n".join(lines)


@dataclass(frozen=True)
class DelayedPaymentFacts:
    """What the supplier says about an unpaid or late-paid invoice."""

    principal_inr: Decimal | None
    invoice_accepted_on: date | None
    paid_on: date | None
    agreed_credit_days: int | None = None
    bank_rate_pct: Decimal | None = None
    buyer_name: str = ""
    buyer_type: str = BuyerType.PRIVATE
    invoice_number: str = ""
    invoice_date: date | None = None

    @property
    def buyer_type_label(self) -> str:
        return str(BuyerType(self.buyer_type).label) if self.buyer_type in BuyerType.values else ""


def delayed_payment_interest(*, facts: DelayedPaymentFacts) -> InterestResult:
    """The calculator's answer for the facts; ValidationFailed names each bad field."""
    try:
        return interest_compute(
            principal_inr=facts.principal_inr,
            invoice_accepted_on=facts.invoice_accepted_on,
            paid_on=facts.paid_on,
            agreed_credit_days=facts.agreed_credit_days,
            bank_rate_pct=facts.bank_rate_pct,
        )
    except InvalidInput as exc:
        raise ValidationFailed(
            _("Please correct the errors below."),
            errors={name: [message] for name, message in exc.errors.items()},
        ) from exc


def delayed_payment_summary(*, facts: DelayedPaymentFacts, result: InterestResult) -> str:
    """The facts and the interest as plain text: a grievance's description, a referral's body."""
    agreed = (
        _("%(days)s days agreed in writing") % {"days": facts.agreed_credit_days}
        if facts.agreed_credit_days is not None
        else _("no written agreement (15 days apply)")
    )
    lines = [
        _("Buyer: %(name)s (%(type)s).")
        % {"name": facts.buyer_name or "—", "type": facts.buyer_type_label},
        _("Invoice: %(number)s dated %(date)s, ₹%(amount)s.")
        % {
            "number": facts.invoice_number or "—",
            "date": facts.invoice_date.isoformat() if facts.invoice_date else "—",
            "amount": format_inr(result.principal_inr, symbol=False, paise=True),
        },
        _("Goods or services accepted on %(day)s; credit: %(agreed)s.")
        % {"day": result.invoice_accepted_on.isoformat(), "agreed": agreed},
        _("Payment was due by %(due)s; paid (or expected) on %(paid)s: %(late)s days late.")
        % {
            "due": result.due_on.isoformat(),
            "paid": result.paid_on.isoformat(),
            "late": result.days_late,
        },
        _(
            "Interest under MSMED Act 2006 s.16 at %(rate)s %% a year (three times the RBI "
            "bank rate of %(bank)s %%), compounded monthly: ₹%(interest)s; total ₹%(total)s."
        )
        % {
            "rate": result.annual_rate_pct,
            "bank": result.bank_rate_pct,
            "interest": format_inr(result.interest_inr, symbol=False, paise=True),
            "total": format_inr(result.total_inr, symbol=False, paise=True),
        },
    ]
    return "\n".join(lines)


def _grievance_errors(facts: DelayedPaymentFacts, result: InterestResult) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if facts.buyer_type != BuyerType.CENTRAL_PSU:
        errors["buyer_type"] = [
            _(
                "The one-click grievance is for buyers that are central public sector "
                "undertakings; refer other buyers to MSME Samadhaan."
            )
        ]
    if not facts.buyer_name.strip():
        errors["buyer_name"] = [_("Name the buyer.")]
    if result.days_late == 0:
        errors["paid_on"] = [_("The payment is not late, so no interest is due.")]
    return errors


def delayed_payment_grievance_lodge(
    *, actor, enterprise_id: int, facts: DelayedPaymentFacts, token: str = ""
):
    """Lodge a delayed-payment grievance against a central PSU buyer with the facts filled in.

    The interest is worked out again here from the facts, never taken from the page. The same
    `token` (one per confirmation form) lodges once: a double click returns the first grievance.
    """
    result = delayed_payment_interest(facts=facts)
    if errors := _grievance_errors(facts, result):
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    buyer = facts.buyer_name.strip()
    subject = _("Delayed payment by %(buyer)s: ₹%(amount)s, %(days)s days late") % {
        "buyer": buyer[:120],
        "amount": format_inr(result.principal_inr, symbol=False, paise=True),
        "days": result.days_late,
    }
    data = GrievanceInput(
        subject=subject[:200],
        description=delayed_payment_summary(facts=replace(facts, buyer_name=buyer), result=result),
        enterprise_id=enterprise_id,
        category=GrievanceCategory.DELAYED_PAYMENT,
    )
    key = f"compliance-delayed-payment:{token}"[:100] if token else None
    return grievance_lodge(actor=actor, data=data, idempotency_key=key).grievance
