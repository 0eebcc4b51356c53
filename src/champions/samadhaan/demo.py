"""Demo data: one MSME Samadhaan application filed by the officer from a delayed-payment
grievance of their room, sent to the sandbox and taken up by the council. The officer can then
move it on to the hearing and the award with "Check the status now". Idempotent."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from champions.grievances.choices import Category
from champions.grievances.selectors import grievance_queryset_for_user

from . import services
from .models import Filing
from .sandbox import SandboxSamadhaanClient


def samadhaan_demo_load(*, officer) -> int:
    if officer is None or Filing.objects.exists():
        return 0
    grievance = (
        grievance_queryset_for_user(user=officer)
        .filter(category=Category.DELAYED_PAYMENT, enterprise__isnull=False)
        .order_by("id")
        .first()
    )
    if grievance is None:
        return 0
    today = timezone.localdate()
    invoice = services.InvoiceInput(
        number="DEMO-INV-0042",
        invoice_date=today - timedelta(days=130),
        amount_inr=Decimal("480000"),
        accepted_on=today - timedelta(days=125),
        paid_on=today,
        agreed_credit_days=45,
    )
    filing = services.filing_create(
        actor=officer,
        grievance_id=grievance.pk,
        buyer_name="Demo: Sahyadri Auto Components Ltd",
        buyer_type="private",
        invoices=[invoice],
        token="demo-samadhaan-filing",  # noqa: S106 - a form token
    )
    if settings.SAMADHAAN_BACKEND == "sandbox":
        client = SandboxSamadhaanClient()
        services.filings_deliver_due(client=client)
        services.filing_status_pull(filing_id=filing.pk, client=client)
    return 1
