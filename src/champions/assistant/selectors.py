"""Reads of the assistant, scoped: a conversation by its (unguessable) id and, when it belongs
to a signed-in user, only by that user; call-backs by the officer's room; the review page and
the mood figures for the hub and the insights dashboards."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from champions.accounts.selectors import (
    user_is_officer,
    user_is_spoke_officer,
    user_sees_whole_country,
)
from champions.core.errors import NotFound

from .choices import CallbackStatus, Outcome, Rating, Role
from .models import CallbackRequest, Conversation, Turn


def conversation_get(*, conversation_id: str, user=None, for_update: bool = False) -> Conversation:
    try:
        key = uuid.UUID(str(conversation_id))
    except ValueError:
        raise NotFound(_("No such conversation.")) from None
    qs = Conversation.objects.select_for_update() if for_update else Conversation.objects
    conversation = qs.filter(pk=key).first()
    if conversation is None:
        raise NotFound(_("No such conversation."))
    if conversation.user_id is not None and (
        user is None or not user.is_authenticated or user.pk != conversation.user_id
    ):
        raise NotFound(_("No such conversation."))
    return conversation


def conversation_turns(*, conversation: Conversation) -> list[Turn]:
    return list(conversation.turns.order_by("created_at", "id"))


def user_reviews_answers(user) -> bool:
    """The hub (and administrators) review unanswered and poorly rated questions."""
    return bool(user.is_authenticated and user_sees_whole_country(user))


def review_queryset() -> QuerySet[Turn]:
    """Questions the assistant could not answer, and answers rated not helpful, newest first."""
    return (
        Turn.objects.filter(role=Role.ASSISTANT)
        .filter(Q(outcome=Outcome.UNKNOWN) | Q(rating=Rating.NOT_HELPFUL))
        .order_by("-created_at", "-id")
    )


def callback_queryset_for_user(*, user) -> QuerySet[CallbackRequest]:
    """A spoke officer: their room's requests; the hub and administrators: every room's."""
    qs = CallbackRequest.objects.select_related("room")
    if not user.is_authenticated or not user_is_officer(user):
        return qs.none()
    if user_sees_whole_country(user):
        return qs
    if user_is_spoke_officer(user):
        return qs.filter(room_id=user.control_room_id)
    return qs.none()


def callback_list_for_user(*, user, status: str = CallbackStatus.OPEN) -> QuerySet[CallbackRequest]:
    return callback_queryset_for_user(user=user).filter(status=status).order_by("created_at", "id")


def callback_get_for_user(*, user, callback_id: int, for_update: bool = False) -> CallbackRequest:
    qs = callback_queryset_for_user(user=user)
    if for_update:
        qs = qs.select_for_update(of=("self",))
    callback = qs.filter(pk=callback_id).first()
    if callback is None:
        raise NotFound(_("No such call-back request."))
    return callback


@dataclass(frozen=True)
class MoodCount:
    language: str
    sentiment: str
    emotion: str
    count: int


def message_moods_since(*, since: datetime) -> list[MoodCount]:
    """Visitors' messages since a moment by language, sentiment and emotion (from triage),
    for the insights dashboards. Only counts: no text leaves the app."""
    rows = (
        Turn.objects.filter(role=Role.USER, created_at__gte=since)
        .exclude(sentiment="")
        .values("language", "sentiment", "emotion")
        .annotate(count=Count("id"))
        .order_by("language", "sentiment", "emotion")
    )
    return [MoodCount(r["language"], r["sentiment"], r["emotion"], r["count"]) for r in rows]


def assistant_personal_data(*, user) -> dict:
    """The user's own chats and call-back requests, for the DPDP "download my data" file."""
    conversations = Conversation.objects.filter(user=user).prefetch_related("turns")
    return {
        "conversations": [
            {
                "id": str(chat.id),
                "language": chat.language,
                "created_at": chat.created_at,
                "messages": [
                    {"role": turn.role, "text": turn.text, "at": turn.created_at}
                    for turn in chat.turns.all()
                ],
            }
            for chat in conversations
        ],
        "callback_requests": list(
            CallbackRequest.objects.filter(user=user).values(
                "phone", "language", "transcript", "status", "created_at"
            )
        ),
    }
