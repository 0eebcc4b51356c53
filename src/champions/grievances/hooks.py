"""The seam between grievances and the integrations layered above it.

Grievances may not import `champions.integrations` (it sits above them), so apps above register
a hook here from their `AppConfig.ready()` and the services emit an event after each change.
Hooks run inside the service's transaction: they may only write rows (an outbox), never do
I/O, and an exception in a hook rolls the change back.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from .models import Grievance


@dataclass(frozen=True)
class GrievanceEvent:
    """What happened to a grievance (`lodged` or a workflow action) and its facts just after."""

    grievance_id: int
    action: str
    registration_number: str
    cpgrams_number: str | None
    channel: str
    kind: str
    status: str
    category: str
    subject: str
    description: str
    contact_name: str
    contact_email: str
    contact_phone: str
    lodged_at: datetime
    note: str = ""


GrievanceHook = Callable[[GrievanceEvent], None]
GRIEVANCE_EVENT_HOOKS: list[GrievanceHook] = []


def grievance_hook_register(hook: GrievanceHook) -> None:
    """Add a hook once (`ready()` may run more than once in tests)."""
    if hook not in GRIEVANCE_EVENT_HOOKS:
        GRIEVANCE_EVENT_HOOKS.append(hook)


def grievance_event_emit(grievance: Grievance, action: str, *, note: str = "") -> None:
    if not GRIEVANCE_EVENT_HOOKS:
        return
    event = GrievanceEvent(
        grievance_id=grievance.pk,
        action=str(action),
        registration_number=grievance.registration_number,
        cpgrams_number=grievance.cpgrams_number,
        channel=grievance.channel,
        kind=grievance.kind,
        status=grievance.status,
        category=grievance.category,
        subject=grievance.subject,
        description=grievance.description,
        contact_name=grievance.contact_name,
        contact_email=grievance.contact_email,
        contact_phone=grievance.contact_phone,
        lodged_at=grievance.lodged_at,
        note=note,
    )
    for hook in GRIEVANCE_EVENT_HOOKS:
        hook(event)


@transaction.atomic
def grievance_cpgrams_number_set(*, grievance_id: int, cpgrams_number: str) -> None:
    """Record the CPGRAMS registration number of a grievance pulled from CPGRAMS.

    `grievance_lodge` takes no external number, so the CPGRAMS pull calls this in the same
    transaction as the lodging. The unique constraint on `cpgrams_number` makes a second
    grievance with the same number fail (IntegrityError), which is the pull's last guard
    against importing a grievance twice.
    """
    Grievance.objects.filter(pk=grievance_id).update(cpgrams_number=cpgrams_number)
