import pytest
from django.core.cache import cache

from champions.grievances.services import grievance_triage_decide
from champions.grievances.tests.factories import lodge, pune_enterprise


@pytest.fixture(autouse=True)
def _no_figures_from_an_earlier_test():
    """The dashboard keeps its figures in the cache (see insights/figures.py); each test starts
    with none, as each starts with an empty database."""
    cache.clear()


PAYMENT = {
    "subject": "PSU has not paid our invoices for 200 days",
    "description": "A central PSU has not paid our invoices worth Rs 38 lakh for 200 days.",
    "category": "",
}


@pytest.fixture
def decided(triage_models, entrepreneur, spoke_officer):
    """Three grievances predicted "delayed payment": one overridden, one accepted, one not
    reviewed."""
    unit = pune_enterprise(entrepreneur)
    grievances = [lodge(entrepreneur, unit, **PAYMENT) for _n in range(3)]
    grievance_triage_decide(
        grievance_id=grievances[0].pk, actor=spoke_officer, field="category", chosen="credit"
    )
    grievance_triage_decide(
        grievance_id=grievances[1].pk,
        actor=spoke_officer,
        field="category",
        chosen="delayed_payment",
    )
    return grievances
