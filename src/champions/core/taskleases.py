"""Tasks a killed worker left RUNNING are put back in the queue once their lease has passed.

django-tasks-db marks a task RUNNING (with `started_at` and the worker's id) when a worker
claims it, and SUCCESSFUL or FAILED when it ends; a worker killed in between leaves it RUNNING
for ever. Every task in the project is safe to run twice (each says how), so the periodic
`task-lease-reclaim` job makes such a task READY again for the next worker.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


@transaction.atomic
def abandoned_tasks_reclaim(*, lease: timedelta | None = None) -> int:
    """READY again: every RUNNING task started longer than `lease` ago. Returns how many."""
    lease = lease or timedelta(seconds=settings.TASK_LEASE_SECONDS)
    cutoff = timezone.now() - lease
    reclaimed = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)
    if reclaimed:
        logger.warning("re-queued %s task(s) RUNNING for over %s", reclaimed, lease)
    return reclaimed


@transaction.atomic
def worker_tasks_reclaim(*, worker_id: str) -> int:
    """READY again: every task still RUNNING under `worker_id`. Called when a worker starts
    with a fixed id (`champions task_worker`): a task RUNNING under its own id was claimed by a
    previous life of the same worker, which died, so there is no need to wait for the lease."""
    running = DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING)
    orphans = [row.pk for row in running if row.worker_ids and row.worker_ids[-1] == worker_id]
    reclaimed = DBTaskResult.objects.filter(pk__in=orphans).update(
        status=TaskResultStatus.READY, started_at=None
    )
    if reclaimed:
        logger.warning("re-queued %s task(s) left RUNNING by %s", reclaimed, worker_id)
    return reclaimed
