"""What the assistant answers, in the three languages, and that its figures are the rule
tables'. The two questions of the issue's "Done when" are the first two tests."""

import pytest

from champions.assistant.choices import Outcome
from champions.assistant.sources import sources_build
from champions.compliance.delayed_payment import bank_rate_on

from .factories import ask

pytestmark = pytest.mark.django_db


def test_hinglish_buyer_has_not_paid_gets_the_45_day_rule_interest_and_samadhaan(catalogue):
    result = ask("Buyer ne 60 din se payment nahi kiya, main kya karun?")
    reply = result.reply
    assert reply.language == "hinglish"
    assert reply.outcome == Outcome.ANSWERED
    assert reply.citations[0].id == "delayed_payment"
    # Asked in Hindi typed in Latin letters: answered in Hindi (compose.answer_language).
    assert "अधिकतम 45 दिन बाद" in reply.text
    assert "धारा 16" in reply.text
    assert "आरबीआई बैंक दर के तीन गुना" in reply.text
    assert "एमएसएमई समाधान (https://samadhaan.msme.gov.in)" in reply.text


def test_hinglish_system_messages_are_in_hindi_and_english_ones_stay_english(catalogue):
    assert ask("mujhe kisi se baat karni hai").reply.text.startswith("मैं आपके राज्य")
    assert ask("I want to talk to a person").reply.text.startswith("I can ask a person")


def test_hindi_carpenter_gets_pm_vishwakarma_toolkit_support_in_hindi(catalogue):
    reply = ask("मैं बढ़ई हूँ, औज़ार के लिए मदद?").reply
    assert reply.language == "hi"
    assert reply.citations[0].id == "pm_vishwakarma"
    assert reply.text.startswith("पीएम विश्वकर्मा:")
    assert "₹15,000 टूलकिट प्रोत्साहन" in reply.text


def test_figures_in_the_classification_page_come_from_the_registry_rules(catalogue):
    _, sources = sources_build()
    page = next(s for s in sources if s.id == "classification")
    assert "at most ₹2.5 crore and its turnover at most ₹10 crore" in page.answer_en
    assert "₹125 करोड़" in page.answer_hi
    assert "₹1 crore/₹5 crore (micro)" in page.answer_en  # the 2020 limits


def test_the_interest_rate_in_the_delayed_payment_page_is_three_times_the_bank_rate(catalogue):
    _, sources = sources_build()
    page = next(s for s in sources if s.id == "delayed_payment")
    rate = bank_rate_on(__import__("datetime").date.today()).rate_pct
    assert (
        f"bank rate {rate.normalize():f}% now, so {(rate * 3).normalize():f}% a year"
        in page.answer_en
    )


def test_every_catalogue_scheme_and_the_five_topics_are_sources(catalogue):
    ids = [s.id for s in catalogue.sources]
    assert len(ids) == 30
    assert ids[-5:] == [
        "classification",
        "delayed_payment",
        "compliance_calendar",
        "grievance_help",
        "udyam",
    ]
    assert "pmegp" in ids


def test_follow_up_keeps_the_context_and_speaks_of_women(catalogue):
    first = ask("What is the subsidy under PMEGP?")
    assert first.reply.citations[0].id == "pmegp"
    second = ask("and for a woman entrepreneur?", conversation_id=str(first.conversation.pk))
    assert second.reply.citations[0].id == "pmegp"
    assert second.reply.text.startswith("Subsidy of 15% (urban) or 25% (rural)")
    assert "women" in second.reply.text.split("\n\n")[0]


def test_off_topic_question_is_refused_politely_without_citations(catalogue):
    reply = ask("Who won the cricket world cup?").reply
    assert reply.outcome == Outcome.REFUSED
    assert reply.citations == []
    assert reply.text.startswith("Sorry, I can only help with questions about MSME schemes")


def test_abusive_message_is_refused(catalogue):
    reply = ask("you are an idiot bot").reply
    assert reply.outcome == Outcome.REFUSED
    assert reply.text.startswith("I understand you may be upset.")


def test_weak_on_topic_question_says_it_does_not_know_and_offers_next_steps(catalogue):
    reply = ask("Which bank branch has the shortest queue for my business?").reply
    assert reply.outcome == Outcome.UNKNOWN
    assert reply.text.startswith("I don't know the answer to that")
    assert reply.follow_up == [
        "Which schemes can I get?",
        "How do I lodge a grievance?",
        "Talk to a person",
    ]


def test_each_answer_logs_sources_scores_model_version_and_latency(catalogue):
    result = ask("udyam registration kaise kare")
    answer = result.answer
    assert answer.sources[0]["source_id"] == "udyam"
    assert set(answer.sources[0]) == {"source_id", "score", "embedding", "bm25", "name"}
    assert answer.model_version.startswith("assistant-retrieval-1; multilingual-e5-small")
    assert answer.model_version.endswith(f"catalogue {catalogue.version}")
    assert answer.latency_ms > 0
    assert result.question.language == "hinglish"
    assert result.question.sentiment == ""  # filled by a task after the answer


def test_sentiment_and_emotion_of_the_question_are_stored_after_the_answer(
    catalogue, triage_models, django_capture_on_commit_callbacks
):
    from champions.assistant.selectors import message_moods_since

    with django_capture_on_commit_callbacks(execute=True):
        result = ask("Buyer ne 6 mahine se paisa nahi diya, bahut pareshan hoon")
    result.question.refresh_from_db()
    assert result.question.sentiment in {"very_negative", "negative"}
    assert result.question.emotion != ""
    moods = message_moods_since(since=result.question.created_at)
    assert [(m.language, m.sentiment, m.count) for m in moods] == [
        ("hinglish", result.question.sentiment, 1)
    ]


def test_index_is_rebuilt_when_the_catalogue_changes(catalogue, hub_officer):
    from champions.assistant.retrieval import index_get
    from champions.schemes.selectors import scheme_get
    from champions.schemes.services import scheme_update

    data = dict(scheme_get(slug="pms").data)
    data["purpose_en"] = data["purpose_en"] + " Also zanzibar exhibitions."
    scheme_update(actor=hub_officer, slug="pms", data=data, summary="test edit")
    rebuilt = index_get(check_version=True)
    assert rebuilt.version != catalogue.version
    assert "zanzibar" in next(s for s in rebuilt.sources if s.id == "pms").answer_en
