"""Filing an MSME Samadhaan application from a delayed-payment grievance.

The interest on each invoice is worked out by the compliance app (MSMED Act s.16) from the
facts, never taken from the page. The application is saved as queued in the same transaction
and sent after commit: the remote side being slow or down never loses the officer's work.
"""

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import cast

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import require
from champions.compliance.choices import BuyerType
from champions.compliance.services import DelayedPaymentFacts, delayed_payment_interest
from champions.core.errors import ValidationFailed
from champions.grievances.choices import Category
from champions.grievances.selectors import grievance_get_for_user

from ..models import Filing

MAX_INVOICES = 20


@dataclass(frozen=True)
class InvoiceInput:
    number: str
    invoice_date: date | None
    amount_inr: Decimal | None
    accepted_on: date | None
    paid_on: date | None
    agreed_credit_days: int | None = None


def _invoice_worked(index: int, invoice: InvoiceInput, buyer: str, buyer_type: str) -> dict:
    facts = DelayedPaymentFacts(
        principal_inr=invoice.amount_inr,
        invoice_accepted_on=invoice.accepted_on,
        paid_on=invoice.paid_on,
        agreed_credit_days=invoice.agreed_credit_days,
        buyer_name=buyer,
        buyer_type=buyer_type,
        invoice_number=invoice.number,
        invoice_date=invoice.invoice_date,
    )
    try:
        result = delayed_payment_interest(facts=facts)
    except ValidationFailed as exc:
        raise ValidationFailed(
            exc.message,
            errors={f"invoices.{index}.{name}": messages for name, messages in exc.errors.items()},
        ) from exc
    return {
        "number": invoice.number.strip()[:60],
        "invoice_date": invoice.invoice_date.isoformat() if invoice.invoice_date else "",
        "amount_inr": str(result.principal_inr),
        "accepted_on": result.invoice_accepted_on.isoformat(),
        "due_on": result.due_on.isoformat(),
        "paid_on": result.paid_on.isoformat(),
        "days_late": result.days_late,
        "annual_rate_pct": str(result.annual_rate_pct),
        "interest_inr": str(result.interest_inr),
    }


def _checked(grievance, buyer_name: str, buyer_type: str, invoices: list[InvoiceInput]) -> None:
    errors: dict[str, list[str]] = {}
    if grievance.category != Category.DELAYED_PAYMENT or grievance.enterprise_id is None:
        errors["grievance"] = [_("Only a delayed-payment grievance of an enterprise can be filed.")]
    if not buyer_name.strip():
        errors["buyer_name"] = [_("Name the buyer.")]
    if buyer_type not in BuyerType.values:
        errors["buyer_type"] = [_("Choose the kind of buyer.")]
    if not 1 <= len(invoices) <= MAX_INVOICES:
        errors["invoices"] = [_("Give between 1 and 20 invoices.")]
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)


@transaction.atomic
def filing_create(
    *,
    actor,
    grievance_id: int,
    buyer_name: str,
    buyer_type: str,
    invoices: list[InvoiceInput],
    token: str,
) -> Filing:
    """Queue an application. The same `token` (one per form) files once: a double click or a
    resubmitted page returns the first filing."""
    if token and (earlier := Filing.objects.filter(form_token=token).first()):
        return earlier
    grievance = grievance_get_for_user(user=actor, grievance_id=grievance_id)
    require(actor, Can.GRIEVANCE_REFER, grievance)
    _checked(grievance, buyer_name, buyer_type, invoices)
    buyer = buyer_name.strip()[:200]
    worked = [_invoice_worked(i, inv, buyer, buyer_type) for i, inv in enumerate(invoices)]
    filing = Filing(
        grievance=grievance,
        enterprise_id=cast(int, grievance.enterprise_id),  # _checked refused one without
        filed_by=actor,
        buyer_name=buyer,
        buyer_type=buyer_type,
        invoices=worked,
        principal_inr=sum(Decimal(w["amount_inr"]) for w in worked),
        interest_inr=sum(Decimal(w["interest_inr"]) for w in worked),
        form_token=token or uuid.uuid4().hex,
        idempotency_key=uuid.uuid4().hex,
        next_attempt_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            filing.save()
    except IntegrityError:  # the same form submitted twice at once
        return Filing.objects.get(form_token=token)
    from .. import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    transaction.on_commit(tasks.deliver_filings_task.enqueue)
    return filing
