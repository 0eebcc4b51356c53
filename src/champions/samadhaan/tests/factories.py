"""Samadhaan test data: a delayed-payment grievance of a Pune unit (the Maharashtra room)."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from champions.grievances.services import GrievanceInput, grievance_lodge
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input
from champions.samadhaan.services import InvoiceInput, filing_create


def delayed_payment_grievance(owner, unit=None, **overrides):
    unit = unit or enterprise_create(data=enterprise_input(), actor=owner)
    values = {
        "subject": "Payment pending for 120 days",
        "description": "Buyer has not paid invoice 42 of Rs 8 lakh since March.",
        "enterprise_id": unit.pk,
        "category": "delayed_payment",
    }
    values.update(overrides)
    return grievance_lodge(actor=owner, data=GrievanceInput(**values)).grievance


def invoice(**overrides) -> InvoiceInput:
    values = {
        "number": "INV-42",
        "invoice_date": date(2026, 3, 1),
        "amount_inr": Decimal("800000"),
        "accepted_on": date(2026, 3, 5),
        "paid_on": timezone.localdate(),
        "agreed_credit_days": 30,
    }
    values.update(overrides)
    return InvoiceInput(**values)


def filed(officer, grievance, *, token="form-1", invoices=None):  # noqa: S107 - a form token
    return filing_create(
        actor=officer,
        grievance_id=grievance.pk,
        buyer_name="Sahyadri Auto Ltd",
        buyer_type="private",
        invoices=invoices or [invoice(), invoice(number="INV-43", amount_inr=Decimal("200000"))],
        token=token,
    )


def days_ago(n: int) -> date:
    return timezone.localdate() - timedelta(days=n)
