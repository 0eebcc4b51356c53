"""The owner's grievance page as one conversation: the officer's question on top with the
reply box, where it stands in plain words, each step explained before the click."""

import pytest

from champions.grievances.models import Grievance
from champions.grievances.services import grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db
QUESTION = "Please send the invoice date and the PO number."


@pytest.fixture
def asked(entrepreneur, spoke_officer):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    for action, note in (("assign", ""), ("start", ""), ("ask_msme", QUESTION)):
        grievance_transition(
            grievance_id=grievance.pk, action=action, actor=spoke_officer, note=note
        )
    grievance.refresh_from_db()
    return grievance


def test_the_question_is_on_top_with_the_reply_box(client, entrepreneur, asked):
    client.force_login(entrepreneur)

    response = client.get(f"/grievances/{asked.pk}/")

    html = response.content.decode()
    assert response.context["question"].note == QUESTION
    assert html.index("The officer asks") < html.index(QUESTION) < html.index('id="message-form"')
    assert html.index('id="message-form"') < html.index('id="summary-heading"')
    assert html.count('id="message-form"') == 1
    assert "I have replied" not in html  # the reply is the answer
    assert "The officer needs an answer from you." in html


def test_answering_resumes_the_clock(client, entrepreneur, asked):
    client.force_login(entrepreneur)
    due = asked.resolution_due_at

    response = client.post(f"/grievances/{asked.pk}/messages/", {"body": "Invoice of 3 March."})

    grievance = Grievance.objects.get(pk=asked.pk)
    assert response.status_code == 302
    assert (grievance.status, grievance.paused_at) == ("in_progress", None)
    assert grievance.resolution_due_at >= due
    assert grievance.timeline.filter(action="msme_reply").count() == 1


def test_an_officer_message_does_not_end_the_wait(spoke_officer, asked, client):
    client.force_login(spoke_officer)

    client.post(f"/grievances/{asked.pk}/messages/", {"body": "Reminder."})

    assert Grievance.objects.get(pk=asked.pk).status == "awaiting_msme"


def test_the_officer_page_puts_the_complaint_before_the_ai(client, spoke_officer, asked):
    client.force_login(spoke_officer)

    html = client.get(f"/grievances/{asked.pk}/").content.decode()

    assert html.index('id="description-heading"') < html.index('id="summary-heading"')
    assert "Where it stands" not in html  # the owner's words are for the owner


def test_an_officer_recording_a_call_is_not_told_your_grievance(client, spoke_officer, asked):
    client.force_login(spoke_officer)

    html = client.get(f"/grievances/{asked.pk}/lodged/").content.decode()

    assert "The grievance is registered" in html
    assert "Your grievance is registered" not in html
