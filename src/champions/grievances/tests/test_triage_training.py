"""Officers' decisions on triage suggestions feed the next `champions triage train`."""

import pytest

from champions.grievances.services import (
    grievance_refer,
    grievance_transition,
    grievance_triage_decide,
)
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.grievances.triage_link.predictions import (
    TRAINING_SOURCE,
    grievance_text,
    officer_training_examples,
)
from champions.triage import datasets
from champions.triage.services import triage_models_train, triage_text

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


# --- The next trained model learns from officers ----------------------------------------------

AYUSH_TEXT = {
    "subject": "Herbal unit: payment for supplied kits pending",
    "description": "Our herbal wellness kits supplied last year are still unpaid.",
    "category": "",
}


def _department_probability(directory, text: str, department: str) -> float:
    from champions.triage.store import models_load

    model = models_load(directory).models["department"]
    return float(model.probabilities([text])[0][model.labels.index(department)])


def test_an_override_and_a_referral_change_the_next_trained_model(
    triage_models, tmp_path, entrepreneur, spoke_officer
):
    # given: two grievances the models route elsewhere, and a model trained before any decision
    unit = pune_enterprise(entrepreneur)
    overridden = lodge(entrepreneur, unit, **AYUSH_TEXT)
    referred = lodge(entrepreneur, unit, **{**AYUSH_TEXT, "subject": "Herbal kits unpaid"})
    texts = [grievance_text(overridden), grievance_text(referred)]
    triage_models_train(
        directory=tmp_path / "before", holdout=False, quick=True, sources=True, log=None
    )
    before = [_department_probability(tmp_path / "before", t, "Ayush") for t in texts]

    # when: an officer overrides one department and refers the other grievance to Ayush
    grievance_triage_decide(
        grievance_id=overridden.pk, actor=spoke_officer, field="department", chosen="Ayush"
    )
    for action in ("assign", "start"):
        grievance_transition(grievance_id=referred.pk, action=action, actor=spoke_officer)
    grievance_refer(
        grievance_id=referred.pk, actor=spoke_officer, organisation="Ayush", reason="Their scheme."
    )
    triage_models_train(
        directory=tmp_path / "after", holdout=False, quick=True, sources=True, log=None
    )
    after = [_department_probability(tmp_path / "after", t, "Ayush") for t in texts]

    # then: the next model routes both texts to Ayush, where the earlier one did not
    assert (
        datasets.dataset_build("department", quick=True, sources=True).sources[TRAINING_SOURCE] == 2
    )
    assert all(b < 0.5 for b in before)
    assert all(a > b for a, b in zip(after, before, strict=True))
    assert [_top_department(tmp_path / "after", t) for t in texts] == ["Ayush", "Ayush"]
    # and what is served (the classifier routed with the category paths) follows them
    served = [triage_text(text=t, models_directory=tmp_path / "after") for t in texts]
    assert [result.department.label for result in served] == ["Ayush", "Ayush"]


def _top_department(directory, text: str) -> str:
    from champions.triage.store import models_load

    return models_load(directory).models["department"].predict([text])[0]
