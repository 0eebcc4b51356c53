"""Writes of the room network: duty, reviews (scheduled by the hub; minutes and decisions by
the hub or the reviewed room's officers) and consultations between rooms on a grievance."""

from datetime import date, datetime
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import require
from champions.accounts.selectors import user_sees_whole_country
from champions.core.errors import Forbidden, ValidationFailed
from champions.grievances.selectors import grievance_get_for_user

from . import selectors
from .models import Consultation, ConsultationMessage, Decision, OnDuty, Review

MAX_TEXT = 5000


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, errors={field: [message]})


def _text(value: str, field: str, limit: int = MAX_TEXT) -> str:
    value = (value or "").strip()
    if not value:
        raise _invalid(field, _("This field is required."))
    if len(value) > limit:
        raise _invalid(field, _("At most %(n)s characters.") % {"n": limit})
    return value


@transaction.atomic
def duty_set(*, actor, on_duty: bool) -> bool:
    """Mark the officer on (or off) duty today in their own room."""
    require(actor, Can.ROOM_NETWORK)
    if actor.control_room_id is None:
        raise _invalid("room", _("You are not posted to a control room."))
    today = timezone.localdate()
    if not on_duty:
        OnDuty.objects.filter(room_id=actor.control_room_id, officer=actor, day=today).delete()
        return False
    try:
        with transaction.atomic():
            OnDuty.objects.get_or_create(room_id=actor.control_room_id, officer=actor, day=today)
    except IntegrityError:
        pass  # marked by a parallel click
    return True


def _video_link(link: str) -> str:
    link = (link or "").strip()
    if link and (urlsplit(link).scheme != "https" or not urlsplit(link).netloc or len(link) > 200):
        raise _invalid("video_link", _("Give an https:// link to the video conference."))
    return link


@transaction.atomic
def review_schedule(
    *, actor, room_id: int, scheduled_for: datetime | None, video_link: str = ""
) -> Review:
    """The hub schedules a review of a room; the agenda is built from the room's items now."""
    require(actor, Can.ROOM_NETWORK)
    if not user_sees_whole_country(actor):
        raise Forbidden(_("Reviews are scheduled by the hub."))
    room = selectors.room_get_for_user(user=actor, room_id=room_id)
    if scheduled_for is None:
        raise _invalid("scheduled_for", _("Give the date and time of the review."))
    return Review.objects.create(
        room=room,
        scheduled_for=scheduled_for,
        video_link=_video_link(video_link),
        agenda=selectors.agenda_build(user=actor, room_id=room.pk),
        agenda_built_at=timezone.now(),
        created_by=actor,
    )


def _review_for_work(actor, review_id: int) -> Review:
    require(actor, Can.ROOM_NETWORK)
    return selectors.review_get_for_user(user=actor, review_id=review_id)


@transaction.atomic
def review_agenda_refresh(*, actor, review_id: int) -> Review:
    review = _review_for_work(actor, review_id)
    review.agenda = selectors.agenda_build(user=actor, room_id=review.room_id)
    review.agenda_built_at = timezone.now()
    review.save(update_fields=["agenda", "agenda_built_at"])
    return review


@transaction.atomic
def review_minutes_save(*, actor, review_id: int, minutes: str, video_link: str = "") -> Review:
    """Record the minutes (the review is then held) and the video link."""
    review = _review_for_work(actor, review_id)
    review.minutes = _text(minutes, "minutes", limit=20000)
    review.video_link = _video_link(video_link)
    review.held_at = review.held_at or timezone.now()
    review.save(update_fields=["minutes", "video_link", "held_at"])
    return review


@transaction.atomic
def decision_add(
    *, actor, review_id: int, text: str, owner_id: int | None, due_on: date | None
) -> Decision:
    review = _review_for_work(actor, review_id)
    owners = {o.pk: o for o in selectors.room_officers(room_id=review.room_id)}
    if owner_id is not None and owner_id not in owners and owner_id != actor.pk:
        raise _invalid("owner", _("Choose an officer of the room."))
    return Decision.objects.create(
        review=review,
        text=_text(text, "text", limit=500),
        owner_id=owner_id,
        due_on=due_on,
    )


def consultation_grievance_get(*, actor, grievance_id: int):
    """The grievance `actor` may consult another room about: in their scope (else 404) and
    theirs to work on (else 403; its owner and the read-only roles may see it, not consult)."""
    grievance = grievance_get_for_user(user=actor, grievance_id=grievance_id)
    require(actor, Can.ROOM_NETWORK, grievance)
    return grievance


@transaction.atomic
def consultation_open(
    *, actor, grievance_id: int, to_room_id: int | None, body: str
) -> Consultation:
    """Ask another room about a grievance the officer's room holds (or the hub sees)."""
    grievance = consultation_grievance_get(actor=actor, grievance_id=grievance_id)
    body = _text(body, "body")
    rooms = {r.pk: r for r in selectors.rooms_to_consult(exclude_room_id=grievance.room_id)}
    if to_room_id is None or to_room_id not in rooms or grievance.room_id is None:
        raise _invalid("to_room", _("Choose another control room."))
    consultation = Consultation.objects.create(
        grievance=grievance, from_room_id=grievance.room_id, to_room_id=to_room_id, opened_by=actor
    )
    ConsultationMessage.objects.create(consultation=consultation, author=actor, body=body)
    return consultation


@transaction.atomic
def consultation_reply(*, actor, consultation_id: int, body: str) -> ConsultationMessage:
    require(actor, Can.ROOM_NETWORK)
    consultation = selectors.consultation_get_for_user(user=actor, consultation_id=consultation_id)
    return ConsultationMessage.objects.create(
        consultation=consultation, author=actor, body=_text(body, "body")
    )
