"""Writes of the assistant: a question and its answer (with the audit of what the answer rested
on), ratings, call-back requests, and the deletion of old transcripts."""

import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from champions.accounts.policy import Action, require
from champions.accounts.selectors import user_is_entrepreneur
from champions.accounts.types import AnyUser
from champions.controlrooms.selectors import hub_get, room_for_district
from champions.core.selectors import district_list, state_list
from champions.registry.selectors import enterprise_list_for_user
from champions.triage.errors import TriageModelsMissing
from champions.triage.services import triage_text

from . import llm
from .choices import CallbackStatus, Outcome, Rating, Role
from .conf import setting
from .engine import Reply, respond
from .errors import NotFound, RateLimited, ValidationFailed
from .models import CallbackRequest, Conversation, Turn
from .retrieval import index_get, model_version
from .selectors import callback_get_for_user, conversation_get


@dataclass(frozen=True)
class AskResult:
    conversation: Conversation
    question: Turn
    answer: Turn
    reply: Reply


def rate_limit_check(*, client_key: str) -> None:
    """At most ASSISTANT_RATE_LIMIT_PER_MINUTE questions per client in a clock minute."""
    window = int(time.time() // 60)
    key = f"assistant-rate:{client_key}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count > setting("ASSISTANT_RATE_LIMIT_PER_MINUTE"):
        raise RateLimited(_("Too many questions: please wait a minute and ask again."))


def question_clean(question: str) -> str:
    text = " ".join((question or "").split())
    if not text:
        raise ValidationFailed(_("Type a question."), errors={"question": [_("Type a question.")]})
    limit = setting("ASSISTANT_MAX_QUESTION_LENGTH")
    if len(text) > limit:
        message = _("Keep the question under %(limit)s characters.") % {"limit": limit}
        raise ValidationFailed(message, errors={"question": [message]})
    return text


@transaction.atomic
def turn_mood_record(*, turn_id: int) -> None:
    """Store the sentiment and emotion triage finds in a visitor's message (run by a task after
    the answer, so the answer does not wait; nothing stored when the models are not built)."""
    turn = Turn.objects.filter(pk=turn_id, role=Role.USER).first()
    if turn is None or turn.sentiment:
        return
    try:
        result = triage_text(text=turn.text, explain=False)  # the mood alone is kept
    except TriageModelsMissing:
        return
    turn.sentiment = str(result.sentiment.label)
    turn.emotion = str(result.emotion.label)
    turn.save(update_fields=["sentiment", "emotion"])


def _conversation(conversation_id: str | None, user) -> Conversation:
    if conversation_id:
        try:
            return conversation_get(conversation_id=conversation_id, user=user, for_update=True)
        except NotFound:
            pass  # expired or someone else's: start afresh, never reveal which
    owner = user if user is not None and user.is_authenticated else None
    return Conversation.objects.create(id=uuid.uuid4(), user=owner)


def _enqueue_mood(turn_id: int) -> None:
    from .tasks import record_mood_task

    record_mood_task.enqueue(turn_id)


def _hit_record(hit) -> dict:
    """What the audit trail keeps of one retrieved source: its id and every score."""
    return {
        "source_id": hit.source.id,
        "score": hit.score,
        "embedding": hit.embedding,
        "bm25": hit.bm25,
        "name": hit.name,
    }


@transaction.atomic
def assistant_ask(
    *, question: str, conversation_id: str | None = None, user: AnyUser | None = None
) -> AskResult:
    """Answer one question in its conversation; store both turns with the audit trail."""
    text = question_clean(question)
    started = time.perf_counter()
    conversation = _conversation(conversation_id, user)
    index = index_get()
    reply = respond(index=index, question=text, state=conversation.state, user=user)
    answered_ok = reply.outcome == Outcome.ANSWERED
    rephrased = llm.rephrase(composed=reply.text, sources=reply.citations) if answered_ok else None
    if rephrased:
        reply.text = rephrased
    latency_ms = round((time.perf_counter() - started) * 1000, 2)
    asked = Turn.objects.create(
        conversation=conversation,
        role=Role.USER,
        text=text,
        language=reply.language,
    )
    answered = Turn.objects.create(
        conversation=conversation,
        role=Role.ASSISTANT,
        text=reply.text,
        language=reply.language,
        outcome=reply.outcome,
        question=text,
        sources=[_hit_record(h) for h in reply.hits],
        confidence=round(reply.confidence, 4),
        model_version=model_version(index),
        latency_ms=latency_ms,
        rephrased=bool(rephrased),
    )
    conversation.state = reply.state
    conversation.language = reply.language
    conversation.save(update_fields=["state", "language", "updated_at"])
    if reply.wants_callback:
        callback_create(conversation=conversation, phone=reply.phone, text=text, user=user)
    transaction.on_commit(lambda: _enqueue_mood(asked.pk))
    return AskResult(conversation, asked, answered, reply)


def _room_for(*, text: str, user):
    if user is not None and user.is_authenticated and user_is_entrepreneur(user):
        enterprise = enterprise_list_for_user(user=user).order_by("pk").first()
        if enterprise and enterprise.district_id:
            room = room_for_district(district_id=enterprise.district_id)
            if room:
                return room
    lowered = text.lower()
    best = max(
        state_list(),
        key=lambda s: max(
            fuzz.partial_ratio(s.name.lower(), lowered),
            fuzz.partial_ratio(s.name_hi, text) if s.name_hi else 0,
        ),
        default=None,
    )
    if (
        best
        and max(
            fuzz.partial_ratio(best.name.lower(), lowered),
            fuzz.partial_ratio(best.name_hi, text) if best.name_hi else 0,
        )
        >= 90
    ):
        for district in district_list(state_id=best.pk)[:1]:
            room = room_for_district(district_id=district.pk)
            if room:
                return room
    return hub_get()


def _transcript(conversation: Conversation) -> str:
    lines = []
    for turn in conversation.turns.order_by("created_at", "id"):
        who = "Visitor" if turn.role == Role.USER else "Assistant"
        lines.append(f"{who}: {turn.text}")
    return "\n".join(lines)


@transaction.atomic
def callback_create(*, conversation: Conversation, phone: str, text: str, user=None):
    """A call-back request in the queue of the room covering the visitor (their enterprise's
    district, else the state named in the message, else the hub), with the transcript."""
    room = _room_for(text=text, user=user)
    return CallbackRequest.objects.create(
        conversation=conversation,
        room=room,
        phone=phone,
        language=conversation.language,
        user=user if user is not None and user.is_authenticated else None,
        transcript=_transcript(conversation),
    )


@transaction.atomic
def callback_mark_done(*, user, callback_id: int) -> CallbackRequest:
    callback = callback_get_for_user(user=user, callback_id=callback_id, for_update=True)
    require(user, Action.ASSISTANT_CALLBACK, callback)
    if callback.status != CallbackStatus.DONE:
        callback.status = CallbackStatus.DONE
        callback.handled_by = user
        callback.handled_at = timezone.now()
        callback.save(update_fields=["status", "handled_by", "handled_at"])
    return callback


@transaction.atomic
def turn_rate(*, conversation_id: str, turn_id: int, rating: str, user=None) -> Turn:
    """Rate an answer of the caller's own conversation helpful or not helpful."""
    if rating not in Rating.values:
        raise ValidationFailed(
            _("Choose helpful or not helpful."),
            errors={"rating": [_("Choose helpful or not helpful.")]},
        )
    conversation = conversation_get(conversation_id=conversation_id, user=user)
    turn = conversation.turns.filter(pk=turn_id, role=Role.ASSISTANT).first()
    if turn is None:
        raise NotFound(_("No such answer."))
    turn.rating = rating
    turn.save(update_fields=["rating"])
    return turn


@transaction.atomic
def transcripts_purge(*, now: datetime | None = None) -> dict[str, int]:
    """Delete conversations (with their turns) idle for ASSISTANT_TRANSCRIPT_DAYS, and call-back
    requests handled that long ago. Open call-backs keep their transcript until handled."""
    cutoff = (now or timezone.now()) - timedelta(days=setting("ASSISTANT_TRANSCRIPT_DAYS"))
    callbacks = CallbackRequest.objects.filter(
        status=CallbackStatus.DONE, handled_at__lt=cutoff
    ).delete()[0]
    old = Conversation.objects.filter(updated_at__lt=cutoff)
    counts = {
        "conversations": old.count(),
        "turns": Turn.objects.filter(conversation__in=old).count(),
        "callbacks": callbacks,
    }
    old.delete()
    return counts


@transaction.atomic
def assistant_erase_for_user(*, user) -> int:
    """DPDP erasure: the user's chats (with their messages) and call-back requests go. Returns
    how many chats were deleted."""
    CallbackRequest.objects.filter(user=user).delete()
    chats = Conversation.objects.filter(user=user)
    count = chats.count()
    chats.delete()
    return count
