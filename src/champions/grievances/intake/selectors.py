"""After lodging: the acknowledgement page and public tracking."""

from dataclasses import dataclass

from champions.core.errors import NotFound

from ..models import (
    Grievance,
    TimelineEntry,
)
from ..scope import grievance_get_for_user


def grievance_acknowledgement_get(*, user, grievance_id: int) -> Grievance:
    """What the acknowledgement page shows: a grievance in scope, or one the user lodged
    (an officer's intake may be routed to a room they cannot see)."""
    try:
        return grievance_get_for_user(user=user, grievance_id=grievance_id)
    except NotFound:
        grievance = (
            Grievance.objects.select_related("room")
            .filter(pk=grievance_id, lodged_by_id=user.pk)
            .first()
        )
    if grievance is None or not user.is_authenticated:
        raise NotFound("No such grievance.")
    return grievance


def grievance_track(*, registration_number: str, contact: str) -> Grievance | None:
    """Public tracking: the number plus the registered mobile or e-mail, else nothing."""
    contact = contact.strip().lower()
    if not contact:
        return None
    grievance = Grievance.objects.filter(
        registration_number=registration_number.strip().upper()
    ).first()
    if grievance is None:
        return None
    if contact in {grievance.contact_email.lower(), grievance.contact_phone}:
        return grievance
    return None


@dataclass(frozen=True)
class TrackResult:
    grievance: Grievance
    timeline: list[TimelineEntry]


def grievance_track_result(*, registration_number: str, contact: str) -> TrackResult | None:
    """Public tracking with the public timeline (no internal entries, no notes shown)."""
    grievance = grievance_track(registration_number=registration_number, contact=contact)
    if grievance is None:
        return None
    timeline = list(grievance.timeline.filter(is_internal=False).exclude(action="note"))
    return TrackResult(grievance=grievance, timeline=timeline)
