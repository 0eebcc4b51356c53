"""Thin task wrappers (django-tasks); the work is in services."""

from django_tasks import task

from .services import transcripts_purge, turn_mood_record


@task()
def purge_transcripts_task() -> dict[str, int]:
    return transcripts_purge()


@task()
def record_mood_task(turn_id: int) -> None:
    turn_mood_record(turn_id=turn_id)
