"""Thin task wrappers (django-tasks); the work is in services."""

from django_tasks import task

from .services import transcripts_purge


@task()
def purge_transcripts_task() -> dict[str, int]:
    return transcripts_purge()
