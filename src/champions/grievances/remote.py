"""What CPGRAMS says about a grievance, written here: the registration number it gave our push,
and the status changes, remarks and closures its officers made on their side.

The integrations layer (above grievances) fetches them and calls these services; it also drops
duplicates and updates older than one already applied. The conflict rule (docs/CPGRAMS.md):

- a remark or a status change other than a closure is recorded in the timeline, nothing more
  (the working statuses belong to the officers here);
- a closure closes the grievance here and the owner is told, unless the grievance changed here
  *after* the closure was made on CPGRAMS (both sides changed): then the later change wins, the
  status here stands, the officer sees why in an internal timeline entry, and the status here
  is sent to CPGRAMS again so that both sides agree.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from .choices import Status
from .hooks import grievance_event_emit
from .models import Grievance
from .records import event_write

# Statuses here from which a CPGRAMS closure has nothing to close.
FINAL = frozenset({Status.CLOSED, Status.APPEALED, Status.APPEAL_DECIDED})
CPGRAMS_CLOSED = "closed"
ACKNOWLEDGED, REMARK, CONFLICT = "cpgrams_registered", "cpgrams_remark", "cpgrams_conflict"


def _entry(grievance, *, actor, action, message, params, **fields) -> None:
    event_write(grievance, actor=actor, action=action, message=(message, params), **fields)


@transaction.atomic
def grievance_cpgrams_acknowledged(*, grievance_id: int, cpgrams_number: str) -> bool:
    """CPGRAMS acknowledged our push with `cpgrams_number`: store it once, say so in the
    timeline. False when the grievance already had it (a repeated acknowledgement)."""
    grievance = Grievance.objects.select_for_update().get(pk=grievance_id)
    if grievance.cpgrams_number:
        return False
    grievance.cpgrams_number = cpgrams_number
    grievance.save(update_fields=["cpgrams_number", "updated_at"])
    message = gettext_noop("Registered on CPGRAMS as %(number)s.")
    _entry(
        grievance,
        actor=None,
        action=ACKNOWLEDGED,
        message=message,
        params={"number": cpgrams_number},
    )
    return True


def grievance_for_cpgrams(*, cpgrams_number: str, registration_number: str = "") -> int | None:
    """The grievance CPGRAMS means: by its number, else by ours (sent as source_reference)."""
    found = Grievance.objects.filter(cpgrams_number=cpgrams_number).values_list("pk", flat=True)
    if not found and registration_number:
        found = Grievance.objects.filter(registration_number=registration_number).values_list(
            "pk", flat=True
        )
    return found.first()


@transaction.atomic
def grievance_remote_change(
    *, grievance_id: int, status: str, remarks: str, changed_at: datetime, actor, apply: bool = True
) -> str:
    """Write one CPGRAMS update into the grievance's record; returns what happened: "closed",
    "recorded" or "conflict". `apply=False` records it only (an out-of-order update)."""
    grievance = Grievance.objects.select_for_update().get(pk=grievance_id)
    params = {"status": status, "remarks": remarks.strip() or "-"}
    if not (apply and status == CPGRAMS_CLOSED and grievance.status not in FINAL):
        message = gettext_noop("CPGRAMS: status %(status)s. Remarks: %(remarks)s")
        _entry(grievance, actor=actor, action=REMARK, message=message, params=params)
        return "recorded"
    changed_here = _last_change_here(grievance)
    if changed_here is not None and changed_here > changed_at:
        _conflict(grievance, actor=actor, params=params)
        return "conflict"
    _close(grievance, actor=actor, params=params)
    return "closed"


def _last_change_here(grievance: Grievance) -> datetime | None:
    return (
        grievance.timeline.exclude(to_status="")
        .exclude(action__startswith="cpgrams")
        .order_by("-id")
        .values_list("created_at", flat=True)
        .first()
    )


def _close(grievance: Grievance, *, actor, params: dict) -> None:
    from . import tasks  # tasks import services, never the reverse at module level

    before = grievance.status
    grievance.status = Status.CLOSED
    grievance.closed_at = timezone.now()
    grievance.paused_at = None
    grievance.save()
    message = gettext_noop("Closed on CPGRAMS. Remarks: %(remarks)s")
    _entry(
        grievance,
        actor=actor,
        action="close",
        message=message,
        params=params,
        from_status=before,
        to_status=Status.CLOSED,
    )
    # Not sent back to CPGRAMS (it came from there); the owner is told as for any closure.
    transaction.on_commit(lambda: tasks.notify_status_change_task.enqueue(grievance.pk))


def _conflict(grievance: Grievance, *, actor, params: dict) -> None:
    message = gettext_noop(
        "CPGRAMS closed this grievance (remarks: %(remarks)s), but it changed here after "
        "that. Rule: the later change wins, so the status here stands and is sent to CPGRAMS "
        "again."
    )
    _entry(
        grievance, actor=actor, action=CONFLICT, message=message, params=params, is_internal=True
    )
    grievance_event_emit(grievance, "sync", note="Status in Champions after a conflict.")
