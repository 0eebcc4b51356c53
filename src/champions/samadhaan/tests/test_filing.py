from decimal import Decimal

import pytest

from champions.compliance.services import DelayedPaymentFacts, delayed_payment_interest
from champions.core.errors import Forbidden, NotFound, ValidationFailed
from champions.samadhaan.demo import samadhaan_demo_load
from champions.samadhaan.models import Filing

from .factories import delayed_payment_grievance, filed, invoice

pytestmark = pytest.mark.django_db


def test_filing_works_out_s16_interest_per_invoice_and_queues_once(spoke_officer, entrepreneur):
    grievance = delayed_payment_grievance(entrepreneur)
    filing = filed(spoke_officer, grievance)
    expected = delayed_payment_interest(
        facts=DelayedPaymentFacts(
            principal_inr=Decimal("800000"),
            invoice_accepted_on=invoice().accepted_on,
            paid_on=invoice().paid_on,
            agreed_credit_days=30,
        )
    )
    assert filing.delivery == "queued"
    assert filing.invoices[0]["interest_inr"] == str(expected.interest_inr)
    assert filing.principal_inr == Decimal("1000000")
    assert filing.interest_inr == sum(Decimal(i["interest_inr"]) for i in filing.invoices)
    assert filed(spoke_officer, grievance) == filing  # the same form again: the same filing
    assert Filing.objects.count() == 1


def test_bad_invoice_names_the_row_and_field_and_saves_nothing(spoke_officer, entrepreneur):
    grievance = delayed_payment_grievance(entrepreneur)
    bad = invoice(paid_on=invoice().accepted_on.replace(day=1))  # paid before acceptance
    with pytest.raises(ValidationFailed) as caught:
        filed(spoke_officer, grievance, invoices=[invoice(), bad])
    assert list(caught.value.errors) == ["invoices.1.paid_on"]
    assert Filing.objects.count() == 0


def test_only_delayed_payment_grievances_and_only_officers_in_scope(
    spoke_officer, other_spoke_officer, leadership, entrepreneur
):
    other = delayed_payment_grievance(entrepreneur, category="other", subject="Power cuts")
    with pytest.raises(ValidationFailed) as caught:
        filed(spoke_officer, other)
    assert list(caught.value.errors) == ["grievance"]
    grievance = delayed_payment_grievance(entrepreneur, unit=other.enterprise)
    with pytest.raises(NotFound):
        filed(other_spoke_officer, grievance, token="form-2")
    with pytest.raises(Forbidden):
        filed(leadership, grievance, token="form-3")
    with pytest.raises(NotFound):
        filed(entrepreneur, grievance, token="form-4")
    assert Filing.objects.count() == 0


def test_demo_files_once_and_comes_back_from_the_council(spoke_officer, entrepreneur):
    delayed_payment_grievance(entrepreneur)
    assert samadhaan_demo_load(officer=spoke_officer) == 1
    assert samadhaan_demo_load(officer=spoke_officer) == 0
    filing = Filing.objects.get()
    assert (filing.delivery, filing.remote_status) == ("filed", "council")
