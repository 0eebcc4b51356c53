from django_tasks import task

from . import taskleases


@task()
def reclaim_abandoned_tasks_task() -> int:
    # Idempotent: a second run finds nothing older than the lease still RUNNING.
    return taskleases.abandoned_tasks_reclaim()
