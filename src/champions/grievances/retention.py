"""Retention: the complainant's contact details typed on a grievance (name, e-mail, mobile)
are removed once the grievance has been closed longer than GRIEVANCE_CONTACT_RETENTION_DAYS.
The grievance, its timeline and its figures stay: it is a public record, and the timeline's
hash chain does not cover the contact fields, so it still verifies. What an erasure request
does for one person (thread.services.grievance_contacts_erase), this does by age."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .choices import Status
from .models import Grievance

ERASED = "(erased)"  # what an erasure writes in English; the name field cannot be empty
CLOSED_STATUSES = (Status.CLOSED, Status.APPEAL_DECIDED)


def grievance_contacts_expire(*, now=None, batch: int = 5000) -> int:
    """Remove the contact details of grievances closed before the retention period; returns
    how many grievances changed. Batched, one transaction per batch; a second run changes
    nothing."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.GRIEVANCE_CONTACT_RETENTION_DAYS)
    due = Grievance.objects.filter(status__in=CLOSED_STATUSES, closed_at__lt=cutoff).filter(
        ~Q(contact_name=ERASED) | ~Q(contact_email="") | ~Q(contact_phone="")
    )
    changed = 0
    while True:
        with transaction.atomic():
            ids = list(due.order_by("pk").values_list("pk", flat=True)[:batch])
            if not ids:
                return changed
            changed += Grievance.objects.filter(pk__in=ids).update(
                contact_name=ERASED, contact_email="", contact_phone=""
            )
