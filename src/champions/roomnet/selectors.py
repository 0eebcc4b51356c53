"""Reads of the room network. Officers only: a spoke officer sees its own room's reviews and
the consultations its room is part of; the hub and leadership see every room."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_is_officer, user_sees_whole_country
from champions.controlrooms.selectors import control_room_get, hub_get, open_spokes
from champions.core.errors import NotFound
from champions.grievances.choices import OPEN_STATUSES, SlaState
from champions.grievances.selectors import grievance_queryset_for_user, room_officer_list
from champions.insights.selectors import systemic_cluster_list

from .models import Consultation, OnDuty, Review

AGENDA_ROWS = 10


def _check_officer(user) -> None:
    if not user_is_officer(user):
        raise NotFound(_("No such page."))


def sees_room(user, room_id: int | None) -> bool:
    return user_sees_whole_country(user) or (
        room_id is not None and user.control_room_id == room_id
    )


@dataclass(frozen=True)
class RoomRow:
    room: object
    on_duty: list
    next_review: Review | None


def network_overview(*, user) -> list[RoomRow]:
    """Every open room (hub first) with today's officers on duty and its next review."""
    _check_officer(user)
    hub = hub_get()
    rooms = ([hub] if hub else []) + open_spokes()
    duty: dict[int, list] = {}
    for row in OnDuty.objects.filter(day=timezone.localdate()).select_related("officer"):
        duty.setdefault(row.room_id, []).append(row.officer)
    upcoming: dict[int, Review] = {}
    for review in Review.objects.filter(scheduled_for__gte=timezone.now()).order_by(
        "scheduled_for"
    ):
        upcoming.setdefault(review.room_id, review)
    return [RoomRow(r, duty.get(r.pk, []), upcoming.get(r.pk)) for r in rooms]


def room_get_for_user(*, user, room_id: int):
    _check_officer(user)
    if not sees_room(user, room_id):
        raise NotFound(_("No such control room."))
    return control_room_get(room_id=room_id)


def reviews_for_room(*, room_id: int) -> list[Review]:
    return list(Review.objects.filter(room_id=room_id)[:20])


def review_get_for_user(*, user, review_id: int) -> Review:
    _check_officer(user)
    review = Review.objects.select_related("room").filter(pk=review_id).first()
    if review is None or not sees_room(user, review.room_id):
        raise NotFound(_("No such review."))
    return review


def agenda_build(*, user, room_id: int, now: datetime | None = None) -> dict:
    """The room's overdue and escalated open grievances and the systemic issues it has
    grievances in, as plain data (kept on the review as it was when built)."""
    now = now or timezone.now()
    open_here = grievance_queryset_for_user(user=user).filter(
        room_id=room_id, status__in=OPEN_STATUSES
    )

    def rows(qs: QuerySet) -> list[dict]:
        picked = qs.order_by("resolution_due_at", "id")[:AGENDA_ROWS]
        return [{"id": g.pk, "number": g.registration_number, "subject": g.subject} for g in picked]

    overdue = open_here.filter(Q(sla_state=SlaState.BREACHED) | Q(resolution_due_at__lt=now))
    escalated = open_here.filter(escalation_level__gt=0)
    room_ids = set(open_here.values_list("pk", flat=True)[:5000])
    systemic = [
        {"label": view.cluster.label, "size": view.cluster.size}
        for view in systemic_cluster_list(user=user)
        if any(member.pk in room_ids for member in view.members)
    ]
    return {
        "overdue_count": overdue.count(),
        "overdue": rows(overdue),
        "escalated_count": escalated.count(),
        "escalated": rows(escalated),
        "systemic": systemic[:AGENDA_ROWS],
    }


def room_officers(*, room_id: int) -> list:
    return room_officer_list(room_id=room_id)


def consultations_for_user(*, user, limit: int = 50) -> list[Consultation]:
    if not user_is_officer(user):
        return []
    qs = Consultation.objects.select_related("grievance", "from_room", "to_room")
    if not user_sees_whole_country(user):
        room = user.control_room_id
        qs = qs.filter(Q(from_room_id=room) | Q(to_room_id=room))
    return list(qs[:limit])


def consultation_get_for_user(*, user, consultation_id: int) -> Consultation:
    _check_officer(user)
    found = (
        Consultation.objects.select_related("grievance", "from_room", "to_room")
        .filter(pk=consultation_id)
        .first()
    )
    if found is None or not (
        sees_room(user, found.from_room_id) or sees_room(user, found.to_room_id)
    ):
        raise NotFound(_("No such consultation."))
    return found


def rooms_to_consult(*, exclude_room_id: int | None) -> list:
    hub = hub_get()
    rooms = ([hub] if hub else []) + open_spokes()
    return [r for r in rooms if r.pk != exclude_room_id]
