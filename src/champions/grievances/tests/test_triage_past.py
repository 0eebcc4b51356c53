"""The officer's explanation: the nearest past grievances with their outcome (found after the
grievance is embedded, shown only when the officer may see them), and the summary sentence
in the officer's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from champions.grievances.selectors import triage_panel_get
from champions.grievances.services import grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.grievances.triage_link.predictions import current_triage, grievance_embed
from champions.grievances.views.triage import triage_context
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db

PAST = {
    "subject": "BHEL has not paid our invoice for copper windings",
    "description": "BHEL has not paid our invoice of Rs 14 lakh for copper windings supplied "
    "in June, 150 days ago, beyond the 45 days of the MSMED Act.",
}
NEW = {
    "subject": "BHEL still owes us for copper windings",
    "description": "BHEL still owes us 14 lakh rupees for the copper windings we delivered in "
    "June; five months have passed and the 45-day limit is long over.",
}


@pytest.fixture
def resolved(triage_models, entrepreneur, spoke_officer):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur), **PAST)
    for action, note in (("assign", ""), ("start", ""), ("resolve", "Paid.")):
        grievance_transition(
            grievance_id=grievance.pk, action=action, actor=spoke_officer, note=note
        )
    grievance_embed(grievance_id=grievance.pk)
    return grievance


@pytest.fixture
def new(triage_models, other_entrepreneur, resolved):
    unit = enterprise_create(
        data=enterprise_input(udyam_number="UDYAM-MH-26-0054321", name="Sahyadri Castings"),
        actor=other_entrepreneur,
    )
    grievance = lodge(other_entrepreneur, unit, **NEW)
    grievance_embed(grievance_id=grievance.pk)
    return grievance


def test_the_nearest_finished_grievance_is_kept_in_the_explanation(new, resolved):
    stored = current_triage(new.pk).explanation["nearest_grievances"]

    assert [item["grievance_id"] for item in stored] == [resolved.pk]
    assert stored[0]["similarity"] >= 0.86


def test_an_open_grievance_is_not_a_past_one(resolved, new):
    # the new grievance is open: embedding the resolved one again does not name it
    grievance_embed(grievance_id=resolved.pk)

    assert current_triage(resolved.pk).explanation["nearest_grievances"] == []


def test_the_officer_sees_the_past_grievance_and_its_outcome(new, resolved, spoke_officer):
    panel = triage_panel_get(grievance=new, user=spoke_officer)

    with translation.override("en"):
        context = triage_context(new, panel)

    (past,) = context["explanation"]["past"]
    assert past["number"] == resolved.registration_number
    assert past["outcome"] == "resolved in 0 days"
    assert (
        f"The most similar past grievance, {resolved.registration_number}"
        in (context["explanation"]["summary"])
    )


def test_a_past_grievance_outside_the_officers_scope_is_not_shown(
    new, resolved, other_spoke_officer
):
    panel = triage_panel_get(grievance=new, user=other_spoke_officer)

    assert panel.past == []


def test_the_summary_is_in_hindi_on_a_hindi_page(new, resolved, spoke_officer):
    panel = triage_panel_get(grievance=new, user=spoke_officer)

    with translation.override("hi"):
        context = triage_context(new, panel)

    summary = context["explanation"]["summary"]
    assert "सबसे मिलती-जुलती पिछली शिकायत" in summary
    assert resolved.registration_number in summary
    assert "दिन में हल हुई" in context["explanation"]["past"][0]["outcome"]


def test_the_page_links_the_past_grievance(client, new, resolved, spoke_officer):
    client.force_login(spoke_officer)

    html = client.get(reverse("web:grievances:detail", args=[new.pk])).content.decode()

    assert reverse("web:grievances:detail", args=[resolved.pk]) in html
    assert "resolved in 0 days" in html
