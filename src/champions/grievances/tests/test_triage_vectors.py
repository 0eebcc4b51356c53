"""After a lodging commits, a task stores the grievance's embedding and links earlier
grievances of the same MSME that say the same thing (in any of our languages)."""

import numpy as np
import pytest
from django.urls import reverse

from champions.grievances.models import DuplicateCandidate, GrievanceVector
from champions.grievances.tasks import grievance_embed_task
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.grievances.triage_link.predictions import grievance_embed, vector_of
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db

ENGLISH = {
    "subject": "Electricity board has not paid our bills",
    "description": (
        "The state electricity board has not paid our invoices of Rs 12 lakh for transformer "
        "parts supplied eight months ago. Please help us get our payment."
    ),
}
HINDI = {
    "subject": "बिजली बोर्ड ने हमारे बिलों का भुगतान नहीं किया",
    "description": (
        "राज्य बिजली बोर्ड ने आठ महीने पहले दिए गए ट्रांसफार्मर के पुर्जों के 12 लाख रुपये के "
        "हमारे बिलों का भुगतान नहीं किया है। कृपया हमें हमारा भुगतान दिलाने में मदद करें।"
    ),
}
UNRELATED = {
    "subject": "Udyam certificate shows the wrong NIC code",
    "description": "Our Udyam registration lists trading instead of manufacturing furniture.",
}


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def test_the_task_runs_after_commit_and_stores_a_vector(
    triage_models, django_capture_on_commit_callbacks, entrepreneur, unit
):
    # when: the lodging commits (the test backend runs tasks at once)
    with django_capture_on_commit_callbacks(execute=True):
        grievance = lodge(entrepreneur, unit, **ENGLISH)

    # then
    row = GrievanceVector.objects.get(grievance=grievance)
    vector = vector_of(row)
    assert row.dimensions == vector.shape[0] > 0
    assert vector.dtype == np.float32
    assert abs(float(np.linalg.norm(vector)) - 1) < 0.01
    assert row.model_version


def test_the_same_matter_in_hindi_is_a_duplicate_of_the_english_one(
    triage_models, entrepreneur, unit
):
    # given
    first = lodge(entrepreneur, unit, **ENGLISH)
    other = lodge(entrepreneur, unit, **UNRELATED)
    grievance_embed(grievance_id=first.pk)
    grievance_embed(grievance_id=other.pk)
    second = lodge(entrepreneur, unit, **HINDI)

    # when
    grievance_embed_task.call(second.pk)

    # then
    link = DuplicateCandidate.objects.get(grievance=second)
    assert link.earlier == first
    assert link.similarity >= 0.9


def test_running_twice_keeps_one_vector_and_one_link(triage_models, entrepreneur, unit):
    first = lodge(entrepreneur, unit, **ENGLISH)
    second = lodge(entrepreneur, unit, **HINDI)
    grievance_embed(grievance_id=first.pk)

    grievance_embed(grievance_id=second.pk)
    grievance_embed(grievance_id=second.pk)

    assert GrievanceVector.objects.filter(grievance=second).count() == 1
    assert DuplicateCandidate.objects.filter(grievance=second).count() == 1


def test_another_msme_saying_the_same_is_not_a_duplicate(
    triage_models, entrepreneur, other_entrepreneur, unit
):
    first = lodge(entrepreneur, unit, **ENGLISH)
    theirs = enterprise_create(
        data=enterprise_input(udyam_number="UDYAM-MH-26-0054321", name="Sahyadri Castings"),
        actor=other_entrepreneur,
    )
    second = lodge(other_entrepreneur, theirs, **HINDI)
    grievance_embed(grievance_id=first.pk)

    grievance_embed(grievance_id=second.pk)

    assert not DuplicateCandidate.objects.exists()


def test_a_grievance_deleted_before_the_task_runs_is_skipped(triage_models):
    assert grievance_embed(grievance_id=-1) is None
    assert not GrievanceVector.objects.exists()


def test_the_officer_can_merge_a_duplicate_in_one_click(
    triage_models, client, entrepreneur, unit, spoke_officer
):
    # given
    first = lodge(entrepreneur, unit, **ENGLISH)
    second = lodge(entrepreneur, unit, **HINDI)
    grievance_embed(grievance_id=first.pk)
    grievance_embed(grievance_id=second.pk)
    client.force_login(spoke_officer)

    # when: the page offers the merge, and the officer presses it
    html = client.get(reverse("web:grievances:detail", args=[second.pk])).content.decode()
    assert f'name="primary" value="{first.registration_number}"' in html
    client.post(
        reverse("web:grievances:merge", args=[second.pk]),
        {"primary": first.registration_number},
    )

    # then
    second.refresh_from_db()
    assert second.merged_into_id == first.pk
