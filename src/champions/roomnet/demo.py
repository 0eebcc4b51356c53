"""Demo data for the room network: the Maharashtra spoke's officer on duty today, a review of
that room by the hub next week (its agenda drawn up from the demo grievances) and a
consultation with the Delhi room on one of its grievances. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from champions.controlrooms.selectors import room_get_by_code
from champions.grievances.selectors import grievance_queryset_for_user

from . import services
from .models import Review


def roomnet_demo_load(*, hub, spoke) -> int:
    if hub is None or spoke is None or spoke.control_room_id is None or Review.objects.exists():
        return 0
    services.duty_set(actor=spoke, on_duty=True)
    next_week = timezone.now().replace(hour=11, minute=0, second=0, microsecond=0) + timedelta(
        days=7
    )
    services.review_schedule(
        actor=hub,
        room_id=spoke.control_room_id,
        scheduled_for=next_week,
        video_link="https://vc.example.gov.in/champions/review-mh",
    )
    delhi = room_get_by_code(code="spoke-dl")
    grievance = (
        grievance_queryset_for_user(user=spoke)
        .filter(room_id=spoke.control_room_id)
        .order_by("id")
        .first()
    )
    if delhi and grievance:
        services.consultation_open(
            actor=spoke,
            grievance_id=grievance.pk,
            to_room_id=delhi.pk,
            body="Demo: the buyer is registered in Delhi. Have you seen complaints about it?",
        )
    return 1
