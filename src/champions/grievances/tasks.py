"""Grievance tasks: thin wrappers that load ids and call one function."""

from django_tasks import task

from . import notifications, retention
from .queue import tallies
from .sla import sweep
from .triage_link import predictions


@task()
def send_acknowledgement_task(grievance_id: int) -> None:
    notifications.acknowledgement_send(grievance_id=grievance_id)


@task()
def grievance_lodged_task(grievance_id: int) -> None:
    """After a lodging commits, one task instead of two enqueued (one row fewer to write on
    the request path): the acknowledgement, then the triage (both idempotent). The triage runs
    even if the acknowledgement failed; the first error is raised afterwards."""
    failure = None
    for step in (notifications.acknowledgement_send, predictions.grievance_triage_after_lodging):
        try:
            step(grievance_id=grievance_id)
        except Exception as exc:  # the other step still runs; the first error is raised below
            failure = failure or exc
    if failure is not None:
        raise failure


@task()
def notify_status_change_task(grievance_id: int) -> None:
    notifications.status_change_send(grievance_id=grievance_id)


@task()
def notify_message_task(message_id: int) -> None:
    notifications.message_send(message_id=message_id)


@task()
def notify_escalation_task(grievance_id: int, level: int) -> None:
    notifications.escalation_send(grievance_id=grievance_id, level=level)


@task()
def notify_escalations_task(pairs: list[list[int]]) -> None:
    """One sweep batch's escalations, as [grievance id, level] pairs."""
    for grievance_id, level in pairs:
        notifications.escalation_send(grievance_id=grievance_id, level=level)


@task()
def sla_sweep_task() -> None:
    sweep.sla_sweep()


@task()
def queue_recount_task() -> None:
    tallies.tally_recount()


@task()
def contacts_expire_task() -> int:
    return retention.grievance_contacts_expire()


@task()
def grievance_triage_task(grievance_id: int) -> None:
    """After a lodging commits: the fast prediction (idempotent), then the embedding and the
    same MSME's near-duplicates."""
    predictions.grievance_triage_after_lodging(grievance_id=grievance_id)


@task()
def message_triage_task(message_id: int) -> None:
    """After a message commits: its triage and the thread's aggregate (idempotent)."""
    predictions.message_triage(message_id=message_id)


@task()
def grievance_embed_task(grievance_id: int) -> None:
    """After a lodging commits: the embedding (slow) and the same MSME's near-duplicates."""
    predictions.grievance_embed(grievance_id=grievance_id)
