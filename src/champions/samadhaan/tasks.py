"""Samadhaan tasks: thin wrappers, each calling the services; safe to run twice."""

from django_tasks import task

from . import services


@task()
def deliver_filings_task() -> None:
    """Send the queued applications that are due (each under its own idempotency key)."""
    services.filings_deliver_due()


@task()
def sync_samadhaan_task() -> None:
    """The periodic job: resend what is due, then bring back the status of open applications."""
    services.filings_deliver_due()
    services.filings_status_pull_due()
