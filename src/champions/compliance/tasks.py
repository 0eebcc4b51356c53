"""Compliance tasks: thin wrappers that call one service each."""

from django_tasks import task

from . import services


@task()
def send_compliance_reminders_task() -> None:
    """Periodic (daily): remind each enterprise of due dates within its window, once each."""
    services.reminders_send_due()
