"""One turn of the dialogue: decide what the message asks, answer from the sources or the
user's own data, and return the reply with the new conversation state. No writes here: the
services store the turns and create call-back requests."""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from champions.triage.services import language_identify

from . import intents, own, questionnaire
from .choices import Outcome
from .compose import (
    ANSWER_THRESHOLD,
    answer_language,
    compose_answer,
    compose_refusal,
    compose_unknown,
    concepts_in,
    next_steps,
)
from .retrieval import Hit, Index
from .sources import Source

FOLLOW_UP_BONUS = 0.15  # a follow-up keeps to the sources of the last answer


@dataclass
class Reply:
    text: str
    language: str
    outcome: str
    citations: list[Source] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    confidence: float = 0.0
    follow_up: list[str] = field(default_factory=list)
    handoff: bool = False
    wants_callback: bool = False  # the services create the call-back request
    phone: str = ""
    state: dict = field(default_factory=dict)


def detect_language(text: str) -> str:
    label = str(language_identify(text).label)
    if label == "hinglish" and not intents.has_hinglish_words(text):
        return "en"
    return label if label in {"hi", "hinglish"} else "en"


def _source(index: Index, source_id: str) -> Source | None:
    return next((s for s in index.sources if s.id == source_id), None)


def _retrieve(index: Index, question: str, state: dict) -> list[Hit]:
    last = state.get("last_sources", [])
    if not (last and intents.is_follow_up(question)):
        return index.search(question)
    # "and for a woman entrepreneur?": search with the last question, favour its sources.
    hits = index.search(f"{state.get('last_question', '')} {question}", k=8)
    boosted = [
        Hit(
            h.source,
            round(h.score + (FOLLOW_UP_BONUS if h.source.id in last else 0), 4),
            h.embedding,
            h.bm25,
            h.name,
        )
        for h in hits
    ]
    return sorted(boosted, key=lambda h: -h.score)[:5]


def _answer(index: Index, question: str, language: str, state: dict) -> Reply:
    hits = _retrieve(index, question, state)
    if not hits or hits[0].score < ANSWER_THRESHOLD:
        if not intents.mentions_domain(question):
            return Reply(
                compose_refusal(language, abusive=False),
                language,
                Outcome.REFUSED,
                hits=hits,
                confidence=hits[0].score if hits else 0.0,
                state=state,
            )
        return Reply(
            compose_unknown(language),
            language,
            Outcome.UNKNOWN,
            hits=hits,
            confidence=hits[0].score if hits else 0.0,
            follow_up=next_steps(language),
            state=state,
        )
    composed = compose_answer(hits, language=language, concepts=concepts_in(question))
    context = question
    if state.get("last_sources") and intents.is_follow_up(question):
        context = f"{state.get('last_question', '')} {question}"[-300:]
    new_state = {
        **state,
        "last_sources": [s.id for s in composed.citations],
        "last_question": context,
    }
    return Reply(
        composed.text,
        language,
        Outcome.ANSWERED,
        composed.citations,
        hits,
        composed.confidence,
        composed.follow_up,
        state=new_state,
    )


def _own(index: Index, user, topic: str, language: str, state: dict) -> Reply:
    """A question about the asker's own unit or grievances, answered from their records."""
    text, source_ids = own.own_answer(user=user, topic=topic, language=language)
    cited = [s for s in (_source(index, i) for i in source_ids) if s]
    outcome = Outcome.GRIEVANCES if topic == own.GRIEVANCES else Outcome.OWN
    return Reply(text, language, outcome, cited, confidence=1.0, state=state)


def _handoff(question: str, language: str, state: dict, user) -> Reply:
    phone = intents.phone_in(question) or state.get("phone", "")
    out = answer_language(language)
    if not phone:
        with translation.override(out):
            text = _(
                "I can ask a person from your state's control room to call you. Please "
                "type your 10-digit mobile number and your state."
            )
        return Reply(
            text,
            language,
            Outcome.QUESTION,
            confidence=1.0,
            state={**state, "awaiting_phone": True},
        )
    with translation.override(out):
        text = _(
            "Thank you. A person from the control room will call you on %(phone)s. "
            "This conversation has been passed on to them."
        ) % {"phone": phone}
    new_state = {**state, "awaiting_phone": False, "phone": phone}
    return Reply(
        text,
        language,
        Outcome.HANDOFF,
        confidence=1.0,
        handoff=True,
        wants_callback=True,
        phone=phone,
        state=new_state,
    )


def _questionnaire(index: Index, question: str | None, language: str, state: dict) -> Reply:
    text, eligibility, scheme_ids, finished = questionnaire.step(
        state=state.get("eligibility", {}), answer=question, language=language
    )
    new_state = {**state, "eligibility": eligibility if not finished else {}}
    if finished:
        new_state["last_sources"] = scheme_ids[:3]
        cited = [s for s in (_source(index, i) for i in scheme_ids[:3]) if s]
        return Reply(text, language, Outcome.ELIGIBILITY, cited, confidence=1.0, state=new_state)
    return Reply(text, language, Outcome.QUESTION, confidence=1.0, state=new_state)


def respond(*, index: Index, question: str, state: dict, user=None) -> Reply:
    """The reply to one message, given the conversation's state."""
    language = detect_language(question)
    if intents.is_abusive(question):
        return Reply(
            compose_refusal(language, abusive=True),
            language,
            Outcome.REFUSED,
            follow_up=next_steps(language)[2:],
            state=state,
        )
    if state.get("awaiting_phone") and intents.phone_in(question):
        return _handoff(question, language, state, user)
    if intents.wants_person(question):
        return _handoff(question, language, state, user)
    if state.get("eligibility", {}).get("pending") and not intents.asks_eligibility(question):
        return _questionnaire(index, question, language, state)
    if intents.asks_eligibility(question):
        return _questionnaire(index, None, language, {**state, "eligibility": {}})
    if intents.asks_own_grievance(question):
        return _own(index, user, own.GRIEVANCES, language, state)
    topic = own.own_topic(question)
    if topic and (topic == own.GRIEVANCES or own.is_owner(user)):
        return _own(index, user, topic, language, state)
    return _answer(index, question, language, state)
