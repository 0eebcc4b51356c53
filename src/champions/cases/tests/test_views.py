from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.cases.models import Case, CaseStep

from .factories import opened_case, pune_unit, step_for

pytestmark = pytest.mark.django_db


def test_officer_sees_the_whole_relationship_on_one_page(client, spoke_officer, entrepreneur):
    unit = pune_unit(entrepreneur)
    opened_case(spoke_officer, unit, goal="A CGTMSE loan sanctioned")
    client.force_login(spoke_officer)
    response = client.get(reverse("web:cases:overview", args=[unit.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    for heading in (
        "Hand-holding cases",
        "Grievances",
        "Schemes it is eligible for",
        "Finance matches",
        "Compliance due in the next 60 days",
        "Introductions and opportunities",
        "Sparks score",
        "A CGTMSE loan sanctioned",
        "Open a hand-holding case",
    ):
        assert heading in page, heading


def test_overview_is_404_outside_scope_and_read_only_for_leadership(
    client, other_spoke_officer, leadership, analyst, entrepreneur
):
    unit = pune_unit(entrepreneur)
    url = reverse("web:cases:overview", args=[unit.pk])
    client.force_login(other_spoke_officer)
    assert client.get(url).status_code == 404
    client.force_login(analyst)
    assert client.get(url).status_code == 404
    client.force_login(leadership)
    page = client.get(url)
    assert page.status_code == 200
    assert "Open a hand-holding case" not in page.content.decode()
    assert client.post(reverse("web:cases:open", args=[unit.pk]), {"goal": "x"}).status_code == 403
    assert Case.objects.count() == 0


def test_the_journey_open_add_step_note_and_close(client, spoke_officer, entrepreneur):
    unit = pune_unit(entrepreneur)
    client.force_login(spoke_officer)
    response = client.post(reverse("web:cases:open", args=[unit.pk]), {"goal": "Export order"})
    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("web:cases:detail", args=[case.pk])
    url = response.url
    due = (timezone.localdate() + timedelta(days=5)).isoformat()
    form = {
        "form": "step",
        "step-title": "Send samples",
        "step-owner": entrepreneur.pk,
        "step-due_on": due,
    }
    assert client.post(url, form).status_code == 302
    assert (
        client.post(url, {"form": "note", "note-body": "Buyer asked for samples."}).status_code
        == 302
    )
    close = {"form": "close", "close-outcome": "achieved", "close-outcome_note": "Order placed."}
    assert client.post(url, close).status_code == 302
    case.refresh_from_db()
    assert (case.status, case.outcome, case.steps.count(), case.notes.count()) == (
        "closed",
        "achieved",
        1,
        1,
    )
    page = client.get(url).content.decode()
    assert "Goal achieved" in page
    assert "Close the case" not in page


def test_bad_step_shows_field_errors_with_400(client, spoke_officer, entrepreneur):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    client.force_login(spoke_officer)
    url = reverse("web:cases:detail", args=[case.pk])
    past = (timezone.localdate() - timedelta(days=3)).isoformat()
    response = client.post(
        url,
        {"form": "step", "step-title": "Visit", "step-owner": entrepreneur.pk, "step-due_on": past},
    )
    assert response.status_code == 400
    assert "The due date cannot be in the past." in response.content.decode()
    assert CaseStep.objects.count() == 0


def test_owner_sees_and_completes_their_steps(client, spoke_officer, entrepreneur):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    step = step_for(spoke_officer, case, entrepreneur, title="Upload the GST returns")
    client.force_login(entrepreneur)
    page = client.get(reverse("web:cases:my_steps")).content.decode()
    assert "Upload the GST returns" in page
    assert client.get(reverse("web:cases:detail", args=[case.pk])).status_code == 200
    assert client.post(reverse("web:cases:step_done", args=[step.pk])).status_code == 302
    step.refresh_from_db()
    assert step.done_by == entrepreneur


def test_another_owners_step_answers_404_and_stays_open(
    client, spoke_officer, entrepreneur, other_entrepreneur
):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    step = step_for(spoke_officer, case, entrepreneur, title="Upload the GST returns")
    client.force_login(other_entrepreneur)

    response = client.post(reverse("web:cases:step_done", args=[step.pk]))

    assert response.status_code == 404  # was a redirect with a notice, telling the step exists
    step.refresh_from_db()
    assert step.done_by is None


def test_queue_page_shows_counts_and_rows(client, spoke_officer, entrepreneur):
    opened_case(spoke_officer, pune_unit(entrepreneur), goal="Udyam update")
    client.force_login(spoke_officer)
    response = client.get(reverse("web:cases:queue"), {"view": "nonsense"})
    assert response.status_code == 200
    assert "Udyam update" in response.content.decode()
    assert response.context["counts"].open == 1


def test_queue_and_overview_query_counts_do_not_grow_with_cases(
    client, spoke_officer, entrepreneur, django_assert_max_num_queries
):
    unit = pune_unit(entrepreneur)
    for n in range(6):
        step_for(spoke_officer, opened_case(spoke_officer, unit, goal=f"Goal {n}"), entrepreneur)
    client.force_login(spoke_officer)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("web:cases:queue")).status_code == 200
    with django_assert_max_num_queries(45):
        assert client.get(reverse("web:cases:overview", args=[unit.pk])).status_code == 200
