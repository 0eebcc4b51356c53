"""Udyam tasks: thin wrappers; both are safe to run twice (a second check just adds a row)."""

from django_tasks import task

from . import services


@task()
def verify_enterprise_task(enterprise_id: int) -> None:
    services.udyam_verify(enterprise_id=enterprise_id)


@task()
def recheck_udyam_task() -> int:
    return services.udyam_verify_due()
