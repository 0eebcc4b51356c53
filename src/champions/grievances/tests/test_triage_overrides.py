"""Officers accept or override a triage suggestion in one click; every decision is stored,
written to the internal timeline, and becomes a training example."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from champions.core.errors import NotFound, ValidationFailed
from champions.grievances.models import Grievance, TimelineEntry, TriageOverride
from champions.grievances.services import (
    NothingToReview,
    grievance_transition,
    grievance_triage_decide,
)
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

PAYMENT = {
    "subject": "PSU has not paid our invoices for 200 days",
    "description": (
        "A central PSU has not paid our invoices worth Rs 38 lakh for steel structures "
        "delivered in March. Under the MSMED Act they must pay within 45 days."
    ),
    "category": "",
}


@pytest.fixture
def grievance(triage_models, entrepreneur):
    return lodge(entrepreneur, pune_enterprise(entrepreneur), **PAYMENT)


def _url(grievance) -> str:
    return reverse("web:grievances:triage", args=[grievance.pk])


def _snapshot(grievance) -> dict:
    row = Grievance.objects.get(pk=grievance.pk)
    return {
        "category": (row.category, row.category_source),
        "priority": (row.priority, row.priority_source),
        "department": (row.department, row.department_source),
        "decisions": TriageOverride.objects.count(),
        "timeline": TimelineEntry.objects.filter(grievance=grievance).count(),
    }


# --- The service -------------------------------------------------------------------------------


def test_an_override_changes_the_field_and_is_recorded(grievance, spoke_officer):
    # when
    decision = grievance_triage_decide(
        grievance_id=grievance.pk, actor=spoke_officer, field="category", chosen="credit"
    )

    # then
    grievance.refresh_from_db()
    assert (grievance.category, grievance.category_source) == ("credit", "officer")
    assert (decision.predicted, decision.chosen, decision.is_override) == (
        "delayed_payment",
        "credit",
        True,
    )
    assert decision.officer == spoke_officer
    assert decision.model_version
    entry = TimelineEntry.objects.get(grievance=grievance, action="triage_override")
    assert entry.is_internal
    assert entry.actor == spoke_officer
    assert "Credit and loans" in entry.note
    assert "Delayed payment" in entry.note


def test_an_acceptance_is_recorded_as_such(grievance, spoke_officer):
    decision = grievance_triage_decide(
        grievance_id=grievance.pk,
        actor=spoke_officer,
        field="department",
        chosen=grievance.department,
    )

    grievance.refresh_from_db()
    assert decision.is_override is False
    assert grievance.department_source == "officer"
    assert TimelineEntry.objects.get(grievance=grievance, action="triage_accept").is_internal


def test_a_priority_override(grievance, spoke_officer):
    grievance_triage_decide(
        grievance_id=grievance.pk, actor=spoke_officer, field="priority", chosen="critical"
    )

    grievance.refresh_from_db()
    assert (grievance.priority, grievance.priority_source) == ("critical", "officer")


@pytest.mark.parametrize(
    ("_case", "actor", "error"),
    [
        ("the MSME itself", "entrepreneur", NotFound),
        ("another entrepreneur", "other_entrepreneur", NotFound),
        ("an officer of another room", "other_spoke_officer", NotFound),
        ("an analyst", "analyst", NotFound),
    ],
)
def test_out_of_scope_is_not_found_and_changes_nothing(request, grievance, _case, actor, error):
    before = _snapshot(grievance)

    with pytest.raises(error):
        grievance_triage_decide(
            grievance_id=grievance.pk,
            actor=request.getfixturevalue(actor),
            field="category",
            chosen="credit",
        )

    assert _snapshot(grievance) == before


@pytest.mark.parametrize(
    ("_case", "field", "chosen"),
    [
        ("unknown field", "status", "closed"),
        ("unknown category", "category", "astrology"),
        ("unknown priority", "priority", "urgent"),
        ("department not in the list", "department", "Ministry of Magic"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(grievance, spoke_officer, _case, field, chosen):
    before = _snapshot(grievance)

    with pytest.raises(ValidationFailed):
        grievance_triage_decide(
            grievance_id=grievance.pk, actor=spoke_officer, field=field, chosen=chosen
        )

    assert _snapshot(grievance) == before


def test_no_prediction_no_review(no_triage_models, entrepreneur, spoke_officer):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur), **PAYMENT)
    before = _snapshot(grievance)

    with pytest.raises(NothingToReview):
        grievance_triage_decide(
            grievance_id=grievance.pk, actor=spoke_officer, field="category", chosen="credit"
        )

    assert _snapshot(grievance) == before


def test_missing_grievance(triage_models, spoke_officer):
    with pytest.raises(NotFound):
        grievance_triage_decide(
            grievance_id=-1, actor=spoke_officer, field="category", chosen="credit"
        )


# --- The view ----------------------------------------------------------------------------------


def test_htmx_override_returns_the_panel_with_the_outcome(client, grievance, spoke_officer):
    client.force_login(spoke_officer)

    response = client.post(
        _url(grievance),
        {"field": "category", "chosen": "credit"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<section class="card" id="triage-panel"')
    assert "Saved: the category is Credit and loans." in html
    assert Grievance.objects.get(pk=grievance.pk).category == "credit"


def test_htmx_refusal_is_read_out_and_changes_nothing(client, grievance, spoke_officer):
    client.force_login(spoke_officer)
    before = _snapshot(grievance)

    response = client.post(
        _url(grievance),
        {"field": "priority", "chosen": "yesterday"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "message-error" in response.content.decode()
    assert _snapshot(grievance) == before


def test_plain_post_accepts_and_goes_back_to_the_page(client, grievance, spoke_officer):
    client.force_login(spoke_officer)

    response = client.post(_url(grievance), {"field": "priority", "chosen": grievance.priority})

    assert response.status_code == 302
    assert response["Location"] == reverse("web:grievances:detail", args=[grievance.pk])
    assert TriageOverride.objects.get().is_override is False


def test_garbage_input_is_not_a_server_error(client, grievance, spoke_officer):
    client.force_login(spoke_officer)

    response = client.post(_url(grievance), {"field": "x" * 5000, "chosen": "\x00"})

    assert response.status_code == 302
    assert not TriageOverride.objects.exists()


@pytest.mark.parametrize(
    ("_case", "role", "status"),
    [
        ("anonymous", None, 302),
        ("the MSME", "entrepreneur", 404),
        ("officer of another room", "other_spoke_officer", 404),
        ("analyst", "analyst", 404),
        ("officer of the room", "spoke_officer", 302),
        ("hub officer", "hub_officer", 302),
    ],
)
def test_who_may_decide(request, client, grievance, _case, role, status):
    if role:
        client.force_login(request.getfixturevalue(role))
    before = _snapshot(grievance)

    response = client.post(_url(grievance), {"field": "category", "chosen": "credit"})

    assert response.status_code == status
    if status != 302 or role is None:
        assert _snapshot(grievance) == before


def test_the_department_row_links_to_a_prefilled_referral(client, grievance, spoke_officer):
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    client.force_login(spoke_officer)
    department = Grievance.objects.get(pk=grievance.pk).department

    page = client.get(reverse("web:grievances:detail", args=[grievance.pk]), {"refer": department})

    html = page.content.decode()
    assert "?refer=" in html
    assert f'<option value="{escape(department)}" selected>' in html
