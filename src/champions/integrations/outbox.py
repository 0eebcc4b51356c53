"""The CPGRAMS outbox: changes are recorded in the grievance's own transaction and delivered
later by the worker, so CPGRAMS being slow or down never blocks lodging or the workflow.

Delivery retries timeouts, 5xx and 429 with exponential backoff and full jitter, dead-letters a
message after `CPGRAMS_MAX_ATTEMPTS` tries (a 4xx at once), and the admin replays dead letters.
"""

import logging
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from champions.core.enqueue import enqueue_on_commit
from champions.grievances.choices import Channel, Kind
from champions.grievances.hooks import GrievanceEvent
from champions.grievances.services import grievance_cpgrams_acknowledged

from .cpgrams.client import CpgramsClient, CpgramsError, CpgramsRejected, cpgrams_client
from .models import OutboxKind, OutboxMessage, OutboxStatus

log = logging.getLogger(__name__)

SOURCE_SYSTEM = "champions"


def outbox_record_grievance_event(event: GrievanceEvent) -> OutboxMessage | None:
    """The grievance hook: queue the change for CPGRAMS, inside the grievance's transaction.

    New grievances are created on CPGRAMS (not those that came from it, nor suggestions);
    status changes are sent for every grievance CPGRAMS knows about.
    """
    if not settings.CPGRAMS_ENABLED:
        return None
    if event.action == "lodged":
        if event.channel == Channel.CPGRAMS or event.kind != Kind.GRIEVANCE:
            return None
        kind, payload = OutboxKind.GRIEVANCE_CREATE, _create_payload(event)
    elif event.cpgrams_number or _sent_to_cpgrams(event.grievance_id):
        kind, payload = OutboxKind.STATUS_UPDATE, _status_payload(event)
    else:
        return None  # lodged before the sync was switched on: CPGRAMS has no record of it
    message = OutboxMessage.objects.create(
        kind=kind,
        grievance_id=event.grievance_id,
        event=event.action,
        payload=payload,
        idempotency_key=uuid.uuid4().hex,
        next_attempt_at=timezone.now(),
    )
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    enqueue_on_commit(tasks.deliver_outbox_task)
    return message


def _sent_to_cpgrams(grievance_id: int) -> bool:
    return OutboxMessage.objects.filter(
        grievance_id=grievance_id, kind=OutboxKind.GRIEVANCE_CREATE
    ).exists()


def _create_payload(event: GrievanceEvent) -> dict:
    return {
        "org": settings.CPGRAMS_ORG_CODE,
        "source_system": SOURCE_SYSTEM,
        "source_reference": event.registration_number,
        "subject": event.subject,
        "description": event.description,
        "category": event.category,
        "complainant": {
            "name": event.contact_name,
            "email": event.contact_email,
            "mobile": event.contact_phone,
        },
        "status": event.status,
        "lodged_at": event.lodged_at.isoformat(),
    }


def _status_payload(event: GrievanceEvent) -> dict:
    payload = {
        "source_reference": event.registration_number,
        "status": event.status,
        "action": event.action,
        "remarks": event.note,
        "changed_at": timezone.now().isoformat(),
    }
    if event.cpgrams_number:
        payload["cpgrams_number"] = event.cpgrams_number
    return payload


@dataclass
class DeliveryReport:
    delivered: int = 0
    retried: int = 0
    dead: int = 0
    next_retry_at: datetime | None = None


def outbox_deliver_due(
    *, now: datetime | None = None, client: CpgramsClient | None = None
) -> DeliveryReport:
    """Send every message that is due, batch by batch; each message at most once per run."""
    client = client or cpgrams_client()
    report = DeliveryReport()
    tried: set[int] = set()
    while batch := _claim(now=now or timezone.now(), exclude=tried):
        for message in batch:
            tried.add(message.pk)
            _deliver(message, client=client, report=report)
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    backend = tasks.deliver_outbox_task.get_backend()
    if report.next_retry_at and backend.supports_defer:
        tasks.deliver_outbox_task.using(run_after=report.next_retry_at).enqueue()
    return report


@transaction.atomic
def _claim(*, now: datetime, exclude: set[int]) -> list[OutboxMessage]:
    """Lease a batch of due messages; each grievance's messages go strictly in order.

    The lease (`next_attempt_at` moved past the time the sends may take) keeps other workers
    off the batch without holding a transaction open during the HTTP calls. If this worker
    dies, the lease runs out and the next run sends the messages again, with the same key.
    """
    undelivered_before = OutboxMessage.objects.filter(
        grievance_id=OuterRef("grievance_id"), id__lt=OuterRef("id")
    ).exclude(status=OutboxStatus.DELIVERED)
    due = (
        OutboxMessage.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
        .exclude(pk__in=exclude)
        .exclude(Exists(undelivered_before))
        .order_by("id")
    )
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True)
    batch = list(due[: settings.CPGRAMS_BATCH_SIZE])
    for position, message in enumerate(batch):
        message.attempts += 1
        message.next_attempt_at = now + timedelta(seconds=settings.CPGRAMS_TIMEOUT * (position + 2))
        message.save(update_fields=["attempts", "next_attempt_at"])
    return batch


def _deliver(message: OutboxMessage, *, client: CpgramsClient, report: DeliveryReport) -> None:
    try:
        number = _send(message, client=client)
    except CpgramsError as exc:
        _failed(message, exc, report=report)
        return
    with transaction.atomic():
        message.status = OutboxStatus.DELIVERED
        message.delivered_at = timezone.now()
        message.remote_number = number
        message.last_error = ""
        message.save(update_fields=["status", "delivered_at", "remote_number", "last_error"])
        if message.kind == OutboxKind.GRIEVANCE_CREATE:  # acknowledged: the number is stored
            grievance_cpgrams_acknowledged(grievance_id=message.grievance_id, cpgrams_number=number)
    report.delivered += 1


def _send(message: OutboxMessage, *, client: CpgramsClient) -> str:
    """Send one message; returns the CPGRAMS registration number it concerns."""
    if message.kind == OutboxKind.GRIEVANCE_CREATE:
        return client.grievance_create(
            payload=message.payload, idempotency_key=message.idempotency_key
        )
    number = message.payload.get("cpgrams_number") or _created_as(message.grievance_id)
    if not number:
        raise CpgramsRejected("CPGRAMS has no record of this grievance to update.")
    client.grievance_status_update(
        number=number, payload=message.payload, idempotency_key=message.idempotency_key
    )
    return number


def _created_as(grievance_id: int) -> str:
    """The CPGRAMS number our (delivered) creation of the grievance was given."""
    created = OutboxMessage.objects.filter(
        grievance_id=grievance_id,
        kind=OutboxKind.GRIEVANCE_CREATE,
        status=OutboxStatus.DELIVERED,
    ).first()
    return created.remote_number if created else ""


def _failed(message: OutboxMessage, exc: CpgramsError, *, report: DeliveryReport) -> None:
    now = timezone.now()
    message.last_error = str(exc)[:2000]
    if exc.retryable and message.attempts < settings.CPGRAMS_MAX_ATTEMPTS:
        delay = max(exc.retry_after, backoff_seconds(message.attempts))
        message.next_attempt_at = now + timedelta(seconds=delay)
        report.retried += 1
        report.next_retry_at = min(
            report.next_retry_at or message.next_attempt_at, message.next_attempt_at
        )
    else:
        message.status = OutboxStatus.DEAD
        report.dead += 1
        log.warning("CPGRAMS message %s is a dead letter: %s", message.pk, message.last_error)
    message.save(update_fields=["status", "next_attempt_at", "last_error"])


def backoff_seconds(attempts: int) -> float:
    """Full jitter: uniform in [0, min(cap, base * 2^(attempts - 1))], after `attempts` tries.

    Spreading retries over the whole window stops many messages hitting CPGRAMS together
    when it comes back (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
    """
    ceiling = min(
        settings.CPGRAMS_RETRY_CAP_SECONDS,
        settings.CPGRAMS_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0),
    )
    return random.uniform(0, ceiling)  # noqa: S311 - jitter, not a secret


@transaction.atomic
def outbox_replay(*, message_ids: list[int]) -> int:
    """Send dead letters again from scratch (attempts reset); returns how many."""
    count = OutboxMessage.objects.filter(pk__in=message_ids, status=OutboxStatus.DEAD).update(
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    if count:
        from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

        transaction.on_commit(tasks.deliver_outbox_task.enqueue)
    return count
