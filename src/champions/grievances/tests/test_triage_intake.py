"""AI triage at intake: the fast models run while lodging, store their prediction and pre-fill
the grievance; without models lodging still works; messages and the thread are triaged too."""

import logging

import pytest
from django.urls import reverse

from champions.grievances.choices import FieldSource, TriageScope
from champions.grievances.models import Grievance, GrievanceVector, SlaPolicy, Triage
from champions.grievances.services import GrievanceInput, grievance_lodge, grievance_message_add
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.grievances.triage_link.predictions import grievance_triage_fill

pytestmark = pytest.mark.django_db

PAYMENT = {
    "subject": "PSU has not paid our invoices for 200 days",
    "description": (
        "A central PSU has not paid our invoices worth Rs 38 lakh for steel structures "
        "delivered in March. Under the MSMED Act they must pay within 45 days. Our workers "
        "have not been paid wages for two months."
    ),
    "category": "",
}


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def test_lodging_answers_before_triage_and_the_task_after_commit_fills_it(
    triage_models, entrepreneur, unit, django_capture_on_commit_callbacks
):
    # when: the MSME leaves the category empty
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        lodged = grievance_lodge(
            actor=entrepreneur, data=GrievanceInput(enterprise_id=unit.pk, **PAYMENT)
        ).grievance

    # then: committed without a prediction, priority at its default
    assert not Triage.objects.filter(grievance=lodged).exists()
    assert (lodged.priority, lodged.department, lodged.category_source) == ("normal", "", "")

    # when: the after-commit tasks run (the immediate backend in tests), twice
    for callback in callbacks:
        callback()
    for callback in callbacks:
        callback()

    # then: one prediction, the grievance filled in and embedded
    grievance = Grievance.objects.get(pk=lodged.pk)
    assert Triage.objects.filter(grievance=grievance, scope=TriageScope.GRIEVANCE).count() == 1
    assert grievance.department_source == FieldSource.TRIAGE
    assert GrievanceVector.objects.filter(grievance=grievance).exists()


def test_a_raised_priority_moves_the_due_dates(triage_models, entrepreneur, unit):
    # given: critical grievances are due in 3 working days, others in the default 30
    SlaPolicy.objects.create(priority="critical", assign_days=1, escalate_days=2, resolve_days=3)
    # and: a grievance whose text carries urgency signals (closure, unpaid wages)
    lodged = grievance_lodge(
        actor=entrepreneur,
        data=GrievanceInput(
            enterprise_id=unit.pk,
            subject="Unit shut, workers unpaid",
            description="Our factory is shut down and workers have not been paid wages.",
            category="",
        ),
    ).grievance
    before = lodged.resolution_due_at

    # when
    grievance_triage_fill(grievance_id=lodged.pk)

    # then
    lodged.refresh_from_db()
    assert lodged.priority == "critical"
    assert lodged.priority_source == FieldSource.TRIAGE
    assert lodged.resolution_due_at < before


def test_lodging_stores_the_prediction_and_prefills_the_grievance(
    triage_models, entrepreneur, unit
):
    # when: the MSME leaves the category empty
    grievance = lodge(entrepreneur, unit, **PAYMENT)

    # then
    triage = Triage.objects.get(grievance=grievance)
    grievance.refresh_from_db()
    assert triage.scope == TriageScope.GRIEVANCE
    assert triage.message_id is None
    assert triage.category == "delayed_payment"
    assert 0 < triage.category_confidence <= 1
    assert triage.model_versions
    assert (grievance.category, grievance.category_source) == ("delayed_payment", "triage")
    assert grievance.priority == triage.urgency
    assert grievance.priority_source == FieldSource.TRIAGE
    assert grievance.department == triage.department
    assert grievance.department_source == FieldSource.TRIAGE
    assert grievance.language == triage.language == "en"
    assert "large_amount" in triage.urgency_signals  # Rs 38 lakh
    assert triage.explanation


def test_the_msme_category_is_kept(triage_models, entrepreneur, unit):
    grievance = lodge(entrepreneur, unit, **{**PAYMENT, "category": "labour"})

    grievance.refresh_from_db()
    assert (grievance.category, grievance.category_source) == ("labour", "complainant")
    assert Triage.objects.get(grievance=grievance).category == "delayed_payment"


def test_a_hindi_grievance_is_marked_hindi(triage_models, entrepreneur, unit):
    grievance = lodge(
        entrepreneur,
        unit,
        subject="बिजली कटौती",
        description="हमारे औद्योगिक क्षेत्र में रोज़ आठ घंटे बिजली नहीं रहती, उत्पादन बंद है।",
        category="",
    )

    grievance.refresh_from_db()
    assert grievance.language == "hi"


def test_lodging_works_without_models(no_triage_models, entrepreneur, unit, caplog):
    # when
    with caplog.at_level(logging.WARNING, logger="champions.grievances.triage_link.predictions"):
        grievance = lodge(entrepreneur, unit, **PAYMENT)

    # then: lodged, nothing predicted, a warning says why
    grievance.refresh_from_db()
    assert Grievance.objects.filter(pk=grievance.pk).exists()
    assert not Triage.objects.filter(grievance=grievance).exists()
    assert (grievance.category, grievance.category_source) == ("other", "")
    assert (grievance.priority, grievance.language, grievance.department) == ("normal", "", "")
    assert "triage" in caplog.text.lower()


def test_backfill_triages_a_grievance_lodged_without_models(
    no_triage_models, settings, triage_models_dir, entrepreneur, unit
):
    grievance = lodge(entrepreneur, unit, **{**PAYMENT, "category": "labour"})
    settings.TRIAGE_MODEL_DIR = str(triage_models_dir)

    grievance_triage_fill(grievance_id=grievance.pk)

    grievance.refresh_from_db()
    assert Triage.objects.filter(grievance=grievance, scope="grievance").count() == 1
    assert (grievance.category, grievance.category_source) == ("labour", "complainant")
    assert grievance.department_source == FieldSource.TRIAGE


def test_a_message_and_the_thread_are_triaged_after_commit(
    triage_models, entrepreneur, unit, django_capture_on_commit_callbacks
):
    grievance = lodge(entrepreneur, unit, **PAYMENT)

    with django_capture_on_commit_callbacks(execute=True):
        message = grievance_message_add(
            grievance_id=grievance.pk,
            actor=entrepreneur,
            body="Still no payment. We are very angry and may have to shut the unit.",
        )

    assert Triage.objects.get(message=message).scope == TriageScope.MESSAGE
    thread = Triage.objects.get(grievance=grievance, scope=TriageScope.THREAD)
    assert thread.sentiment in {"negative", "very_negative"}
    assert thread.message_id is None


def test_internal_notes_are_not_triaged(triage_models, entrepreneur, unit, spoke_officer):
    grievance = lodge(entrepreneur, unit, **PAYMENT)

    note = grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="Call the PSU.", is_internal=True
    )

    assert not Triage.objects.filter(message=note).exists()


def test_the_officer_sees_the_triage_panel(
    triage_models, client, entrepreneur, unit, spoke_officer
):
    grievance = lodge(entrepreneur, unit, **PAYMENT)
    client.force_login(spoke_officer)

    html = client.get(reverse("web:grievances:detail", args=[grievance.pk])).content.decode()

    assert 'id="triage-panel"' in html
    assert "Delayed payment" in html
    assert "%" in html
    assert 'aria-live="polite"' in html
    assert "Urgency signals" in html


def test_the_msme_never_sees_triage(triage_models, client, entrepreneur, unit):
    grievance = lodge(entrepreneur, unit, **PAYMENT)
    grievance_message_add(grievance_id=grievance.pk, actor=entrepreneur, body="Any news?")
    client.force_login(entrepreneur)

    html = client.get(reverse("web:grievances:detail", args=[grievance.pk])).content.decode()

    assert "triage" not in html.lower()
    # (not a bare "AI": a random CSRF token may contain those two letters)
    assert "AI triage" not in html
    assert 'id="triage-panel"' not in html


def test_the_api_detail_does_not_carry_triage(triage_models, client, entrepreneur, unit):
    grievance = lodge(entrepreneur, unit, **PAYMENT)
    client.force_login(entrepreneur)

    body = client.get(f"/api/v1/grievances/{grievance.pk}").json()

    assert not {"triage", "department", "category_source"} & set(body)


def test_a_fresh_grievance_panel_polls_until_the_prediction_is_there(
    triage_models, client, entrepreneur, unit, spoke_officer
):
    grievance = grievance_lodge(
        actor=entrepreneur, data=GrievanceInput(enterprise_id=unit.pk, **PAYMENT)
    ).grievance
    client.force_login(spoke_officer)
    url = reverse("web:grievances:triage_panel", args=[grievance.pk])

    waiting = client.get(url).content.decode()
    grievance_triage_fill(grievance_id=grievance.pk)
    ready = client.get(url).content.decode()

    assert f'hx-get="{url}"' in waiting
    assert "being prepared" in waiting
    assert "hx-get" not in ready.split('<div id="triage-body">')[0]
    assert "Delayed payment" in ready


def test_the_panel_is_for_officers_only(triage_models, client, entrepreneur, unit):
    grievance = lodge(entrepreneur, unit, **PAYMENT)
    url = reverse("web:grievances:triage_panel", args=[grievance.pk])

    anonymous = client.get(url)
    client.force_login(entrepreneur)
    msme = client.get(url)

    assert anonymous.status_code == 302
    assert msme.status_code == 404
