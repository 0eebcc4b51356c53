"""Notification tasks: thin wrappers that call one service each."""

from django_tasks import task

from . import services


@task()
def deliver_notification_task(delivery_id: int) -> None:
    """Send one delivery; a second run sends nothing (the service claims the row)."""
    services.delivery_send(delivery_id=delivery_id)


@task()
def retry_deliveries_task() -> None:
    """Periodic: enqueue deliveries due again after a passing failure or a lost worker."""
    services.deliveries_retry_due()
