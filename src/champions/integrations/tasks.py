"""Integration tasks: thin wrappers that call one service each."""

import logging

from django.conf import settings
from django_tasks import task

from . import outbox
from .cpgrams import client, inbound, updates

log = logging.getLogger(__name__)


@task()
def deliver_outbox_task() -> None:
    """Send the CPGRAMS messages that are due (idempotent: a message is sent under its key)."""
    outbox.outbox_deliver_due()


@task()
def sync_cpgrams_task() -> None:
    """The periodic sync: resend what is due (including what a killed worker left), then pull.

    A CPGRAMS outage is logged, not raised: the next run simply tries again.
    """
    if not settings.CPGRAMS_ENABLED:
        return
    outbox.outbox_deliver_due()
    try:
        report = inbound.cpgrams_grievances_pull()
    except client.CpgramsError as exc:
        log.warning("CPGRAMS pull failed, will try again on the next run: %s", exc)
        return
    log.info("CPGRAMS pull: %s", report)


@task()
def pull_cpgrams_updates_task() -> None:
    """The periodic pull of status changes, remarks and closures made on CPGRAMS."""
    if not settings.CPGRAMS_ENABLED:
        return
    try:
        report = updates.cpgrams_updates_pull()
    except client.CpgramsError as exc:
        log.warning("CPGRAMS updates pull failed, will try again on the next run: %s", exc)
        return
    log.info("CPGRAMS updates pull: %s", dict(report.counts))
