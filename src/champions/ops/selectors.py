"""Reads for the metrics: waiting tasks per queue and the CPGRAMS outbox lag."""

from dataclasses import dataclass
from datetime import UTC

import django_rq
from django.db.models import Count, Min
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from champions.integrations.selectors import cpgrams_outbox_lag


@dataclass(frozen=True)
class QueueBacklog:
    name: str
    depth: int
    oldest_age_seconds: float


@dataclass(frozen=True)
class OutboxLag:
    pending: int
    dead: int
    oldest_age_seconds: float


def _age(since) -> float:
    return max((timezone.now() - since).total_seconds(), 0.0) if since else 0.0


def _database_queues(queue_names) -> list[QueueBacklog]:
    waiting = (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        .values("queue_name")
        .annotate(depth=Count("id"), oldest=Min("enqueued_at"))
    )
    found = {row["queue_name"]: row for row in waiting}
    return [
        QueueBacklog(
            name=name,
            depth=found.get(name, {}).get("depth", 0),
            oldest_age_seconds=_age(found.get(name, {}).get("oldest")),
        )
        for name in sorted(set(queue_names) | set(found))
    ]


def _redis_queues(queue_names) -> list[QueueBacklog]:
    backlogs = []
    for name in sorted(queue_names):
        queue = django_rq.get_queue(name)
        first = queue.get_job_ids(0, 1)
        job = queue.fetch_job(first[0]) if first else None
        oldest = job.enqueued_at if job else None
        # RQ stores naive UTC datetimes.
        if oldest is not None and timezone.is_naive(oldest):
            oldest = timezone.make_aware(oldest, UTC)
        backlogs.append(QueueBacklog(name=name, depth=queue.count, oldest_age_seconds=_age(oldest)))
    return backlogs


def task_queues() -> list[QueueBacklog]:
    """Every queue of the default task backend, with how many tasks wait and for how long."""
    backend = task_backends["default"]
    names = backend.queues or {"default"}
    if backend.__class__.__name__ == "RQBackend":
        return _redis_queues(names)
    if backend.__class__.__name__ == "DatabaseBackend":
        return _database_queues(names)
    return []  # the immediate backend of the tests runs tasks at once: nothing ever waits


def outbox_lag() -> OutboxLag:
    pending, dead, oldest = cpgrams_outbox_lag()
    return OutboxLag(pending=pending, dead=dead, oldest_age_seconds=_age(oldest))
