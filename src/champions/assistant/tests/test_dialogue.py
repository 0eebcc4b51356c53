"""Dialogue: the eligibility questions one at a time, the user's own grievances, the hand-off
to a person, ratings and the deletion of old transcripts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from champions.assistant.choices import CallbackStatus, Outcome, Rating
from champions.assistant.models import CallbackRequest, Conversation, Turn
from champions.assistant.services import transcripts_purge, turn_rate
from champions.controlrooms.selectors import hub_get, room_get_by_code
from champions.core.errors import NotFound
from champions.grievances.tests.factories import lodge, pune_enterprise

from .factories import ask

pytestmark = pytest.mark.django_db


def test_which_schemes_asks_one_fact_at_a_time_then_answers_with_the_engine(catalogue):
    first = ask("Which schemes can I get?")
    assert first.reply.outcome == Outcome.QUESTION
    assert first.reply.text.startswith("Who is applying?\n1. An individual")
    pending = first.conversation.state["eligibility"]["pending"]
    assert pending == "applicant_type"
    second = ask("1", conversation_id=str(first.conversation.pk))
    second.conversation.refresh_from_db()
    assert second.conversation.state["eligibility"]["facts"] == {"applicant_type": "individual"}
    assert second.reply.outcome == Outcome.QUESTION
    assert second.conversation.state["eligibility"]["pending"] != "applicant_type"


def test_the_questionnaire_ends_with_the_engines_result_after_skips(catalogue):
    result = ask("Which schemes can I get?")
    for _ in range(8):
        if result.reply.outcome != Outcome.QUESTION:
            break
        result = ask("skip", conversation_id=str(result.conversation.pk))
    assert result.reply.outcome == Outcome.ELIGIBILITY
    assert result.reply.text.startswith(
        "From your answers, you qualify for:\n• MSME Technology Centres and Tool Rooms: "
        "no conditions\n"
    )
    assert [s.id for s in result.reply.citations] == ["tool_rooms_tc"]


def test_an_unreadable_answer_repeats_the_question(catalogue):
    first = ask("Which schemes can I get?")
    again = ask("purple", conversation_id=str(first.conversation.pk))
    assert again.reply.text.startswith("Sorry, I could not read that answer.\nWho is applying?")


def test_where_is_my_grievance_answers_only_from_the_users_own(
    catalogue, entrepreneur, other_entrepreneur
):
    mine = lodge(entrepreneur, pune_enterprise(entrepreneur))
    reply = ask("Where is my grievance?", user=entrepreneur).reply
    assert reply.outcome == Outcome.GRIEVANCES
    assert mine.registration_number in reply.text
    other = ask("Where is my grievance?", user=other_entrepreneur).reply
    assert mine.registration_number not in other.text
    assert other.text == "You have no grievances yet. You can lodge one at /grievances/new/."


def test_anonymous_visitor_asking_for_their_grievance_is_sent_to_sign_in(catalogue):
    reply = ask("meri shikayat kahan hai?").reply
    assert reply.text.startswith("अपनी शिकायतें यहाँ देखने के लिए साइन इन करें")  # Hinglish → Hindi


def test_talk_to_a_person_asks_for_a_number_then_queues_a_call_back(catalogue):
    first = ask("I want to talk to a person")
    assert first.reply.outcome == Outcome.QUESTION
    assert CallbackRequest.objects.count() == 0
    second = ask("9876543210, Maharashtra", conversation_id=str(first.conversation.pk))
    assert second.reply.handoff is True
    callback = CallbackRequest.objects.get()
    assert callback.phone == "9876543210"
    assert callback.room == room_get_by_code(code="spoke-mh")
    assert callback.transcript.startswith("Visitor: I want to talk to a person\nAssistant: ")
    assert "\nVisitor: 9876543210, Maharashtra\nAssistant: Thank you." in callback.transcript


def test_a_call_back_without_a_known_state_goes_to_the_hub(catalogue):
    ask("please call me back on 9123456780")
    assert CallbackRequest.objects.get().room == hub_get()


def test_a_user_rates_only_answers_of_their_own_conversation(catalogue):
    mine = ask("udyam registration kaise kare")
    theirs = ask("gst return kab bharna hai")
    turn_rate(
        conversation_id=str(mine.conversation.pk), turn_id=mine.answer.pk, rating=Rating.NOT_HELPFUL
    )
    with pytest.raises(NotFound):
        turn_rate(
            conversation_id=str(mine.conversation.pk),
            turn_id=theirs.answer.pk,
            rating=Rating.HELPFUL,
        )
    assert Turn.objects.get(pk=mine.answer.pk).rating == Rating.NOT_HELPFUL
    assert Turn.objects.get(pk=theirs.answer.pk).rating == ""


def test_a_signed_in_users_conversation_is_not_continued_by_someone_else(
    catalogue, entrepreneur, other_entrepreneur
):
    mine = ask("udyam registration kaise kare", user=entrepreneur)
    theirs = ask(
        "and the fees?", user=other_entrepreneur, conversation_id=str(mine.conversation.pk)
    )
    assert theirs.conversation.pk != mine.conversation.pk
    assert mine.conversation.turns.count() == 2


def test_transcripts_older_than_the_retention_period_are_deleted(catalogue, settings):
    settings.ASSISTANT_TRANSCRIPT_DAYS = 90
    old = ask("udyam registration kaise kare").conversation
    ask("please call me on 9123456780")
    fresh = ask("gst return kab bharna hai").conversation
    Conversation.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=91))
    CallbackRequest.objects.update(
        status=CallbackStatus.DONE, handled_at=timezone.now() - timedelta(days=91)
    )
    counts = transcripts_purge()
    assert counts == {"conversations": 1, "turns": 2, "callbacks": 1}
    assert list(Conversation.objects.values_list("pk", flat=True).order_by("pk")) == sorted(
        [c.pk for c in Conversation.objects.all()]
    )
    assert Conversation.objects.filter(pk=fresh.pk).exists()
    assert not Conversation.objects.filter(pk=old.pk).exists()
    assert transcripts_purge() == {"conversations": 0, "turns": 0, "callbacks": 0}
