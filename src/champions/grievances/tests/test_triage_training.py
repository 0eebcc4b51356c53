"""Officers' decisions on triage suggestions feed the next `champions triage train`."""

import pytest

from champions.grievances.predictions import (
    TRAINING_SOURCE,
    grievance_text,
    officer_training_examples,
)
from champions.grievances.services import grievance_triage_decide
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.triage import datasets

pytestmark = pytest.mark.django_db

PAYMENT = {
    "subject": "PSU has not paid our invoices for 200 days",
    "description": "A central PSU has not paid our invoices worth Rs 38 lakh since March.",
    "category": "",
}


@pytest.fixture
def grievance(triage_models, entrepreneur):
    return lodge(entrepreneur, pune_enterprise(entrepreneur), **PAYMENT)


def test_the_last_decision_per_field_is_an_example(grievance, spoke_officer):
    # given: the category overridden twice, the department accepted
    for chosen in ("labour", "credit"):
        grievance_triage_decide(
            grievance_id=grievance.pk, actor=spoke_officer, field="category", chosen=chosen
        )
    grievance_triage_decide(
        grievance_id=grievance.pk,
        actor=spoke_officer,
        field="department",
        chosen="Banking",
    )

    # when
    examples = officer_training_examples()

    # then
    text = grievance_text(grievance)
    assert sorted(examples) == [("category", text, "credit"), ("department", text, "Banking")]


def test_an_override_is_in_the_next_training_set(grievance, spoke_officer):
    grievance_triage_decide(
        grievance_id=grievance.pk, actor=spoke_officer, field="category", chosen="credit"
    )

    data = datasets.dataset_build("category")

    assert data.sources[TRAINING_SOURCE] == 1
    assert data.labels[data.texts.index(grievance_text(grievance))] == "credit"
