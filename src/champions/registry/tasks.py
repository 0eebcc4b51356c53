"""Background tasks of the registry: thin wrappers that load ids and call one service."""

from django_tasks import task

from . import jobs


@task()
def import_enterprises_task(job_id: int) -> None:
    jobs.import_job_run(job_id=job_id)
