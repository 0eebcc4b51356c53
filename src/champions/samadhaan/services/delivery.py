"""Sending queued applications to MSME Samadhaan and bringing their status back.

Delivery leases a batch (moves `next_attempt_at` past the time the sends may take) instead of
holding a transaction open over the network; a worker that dies leaves the lease to run out and
the next run sends again under the same idempotency key, so the portal files it once. Timeouts,
5xx and 429 are retried with exponential backoff and full jitter up to SAMADHAAN_MAX_ATTEMPTS;
a 4xx marks the filing failed at once (kept, shown to the officer, and replayable).
"""

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from champions.accounts.policy import Action as Can
from champions.accounts.policy import require
from champions.core.errors import DomainError
from champions.grievances.services import grievance_message_add

from .. import selectors
from ..choices import FINAL_STATUSES, Delivery, RemoteStatus
from ..client import SamadhaanClient, SamadhaanError, samadhaan_client
from ..errors import SamadhaanUnreachable
from ..models import Filing, FilingEvent

log = logging.getLogger(__name__)


@dataclass
class DeliveryReport:
    filed: int = 0
    retried: int = 0
    failed: int = 0


def _payload(filing: Filing) -> dict:
    enterprise = filing.enterprise
    return {
        "supplier": {
            "udyam_number": enterprise.udyam_number,
            "name": enterprise.name,
            "state": enterprise.state.name if enterprise.state is not None else "",
        },
        "buyer": {"name": filing.buyer_name, "type": filing.buyer_type},
        "invoices": filing.invoices,
        "principal_inr": str(filing.principal_inr),
        "interest_inr": str(filing.interest_inr),
        "source_reference": filing.grievance.registration_number,
    }


@transaction.atomic
def _claim(*, now: datetime, exclude: set[int]) -> list[Filing]:
    due = (
        Filing.objects.filter(delivery=Delivery.QUEUED, next_attempt_at__lte=now)
        .exclude(pk__in=exclude)
        .select_related("enterprise__state", "grievance")
        .order_by("id")
    )
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True, of=("self",))
    batch = list(due[: settings.SAMADHAAN_BATCH_SIZE])
    for position, filing in enumerate(batch):
        filing.attempts += 1
        filing.next_attempt_at = now + timedelta(
            seconds=settings.SAMADHAAN_TIMEOUT * (position + 2)
        )
        filing.save(update_fields=["attempts", "next_attempt_at"])
    return batch


def filings_deliver_due(
    *, client: SamadhaanClient | None = None, now: datetime | None = None
) -> DeliveryReport:
    """Send every queued filing that is due, each at most once per run."""
    client = client or samadhaan_client()
    report, tried = DeliveryReport(), set[int]()
    while batch := _claim(now=now or timezone.now(), exclude=tried):
        for filing in batch:
            tried.add(filing.pk)
            _deliver(filing, client=client, report=report)
    return report


def _deliver(filing: Filing, *, client: SamadhaanClient, report: DeliveryReport) -> None:
    try:
        reference = client.application_file(
            payload=_payload(filing), idempotency_key=filing.idempotency_key
        )
    except SamadhaanError as exc:
        _failed(filing, exc, report=report)
        return
    with transaction.atomic():
        filing.delivery, filing.reference, filing.last_error = Delivery.FILED, reference, ""
        filing.remote_status = RemoteStatus.SUBMITTED
        filing.save(update_fields=["delivery", "reference", "last_error", "remote_status"])
        _event(filing, RemoteStatus.SUBMITTED)
    report.filed += 1


def _failed(filing: Filing, exc: SamadhaanError, *, report: DeliveryReport) -> None:
    filing.last_error = str(exc)[:2000]
    if exc.retryable and filing.attempts < settings.SAMADHAAN_MAX_ATTEMPTS:
        delay = max(exc.retry_after, backoff_seconds(filing.attempts))
        filing.next_attempt_at = timezone.now() + timedelta(seconds=delay)
        report.retried += 1
    else:
        filing.delivery = Delivery.FAILED
        report.failed += 1
        log.warning("Samadhaan filing %s not accepted: %s", filing.pk, filing.last_error)
    filing.save(update_fields=["delivery", "next_attempt_at", "last_error"])


def backoff_seconds(attempts: int) -> float:
    """Full jitter: uniform in [0, min(cap, base * 2^(attempts - 1))]."""
    ceiling = min(
        settings.SAMADHAAN_RETRY_CAP_SECONDS,
        settings.SAMADHAAN_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0),
    )
    return random.uniform(0, ceiling)  # noqa: S311 - jitter, not a secret


# English message ids, rendered in the reader's language where shown (the grievance thread keeps
# the English words: it stores text, not message ids).
STATUS_WORDS = {
    RemoteStatus.SUBMITTED: gettext_noop("Filed on MSME Samadhaan as %(reference)s."),
    RemoteStatus.COUNCIL: gettext_noop("MSME Samadhaan %(reference)s: taken up by %(council)s."),
    RemoteStatus.HEARING: gettext_noop("MSME Samadhaan %(reference)s: hearing on %(hearing)s."),
    RemoteStatus.AWARD: gettext_noop("MSME Samadhaan %(reference)s: award passed for ₹%(award)s."),
    RemoteStatus.CLOSED: gettext_noop("MSME Samadhaan %(reference)s: closed."),
}


def status_words(filing: Filing, status: str) -> str:
    return STATUS_WORDS[RemoteStatus(status)] % {
        "reference": filing.reference,
        "council": filing.council or "-",
        "hearing": filing.hearing_on.isoformat() if filing.hearing_on else "-",
        "award": filing.award_inr if filing.award_inr is not None else "-",
    }


def _event(filing: Filing, status: str) -> None:
    """Record the status once on the filing's timeline and tell the owner in the grievance
    thread (as the officer who filed it; skipped if they no longer see the grievance)."""
    _event_row, created = FilingEvent.objects.get_or_create(
        filing=filing, status=status, defaults={"detail": status_words(filing, status)[:300]}
    )
    if not created:
        return
    try:
        with transaction.atomic():
            grievance_message_add(
                grievance_id=filing.grievance_id,
                actor=filing.filed_by,
                body=status_words(filing, status),
            )
    except DomainError as exc:
        log.info("Samadhaan status not posted to grievance %s: %s", filing.grievance_id, exc)


def filing_status_pull(*, filing_id: int, client: SamadhaanClient | None = None) -> Filing:
    """Ask MSME Samadhaan where one filed application stands; record what is new."""
    client = client or samadhaan_client()
    filing = Filing.objects.select_related("grievance").get(pk=filing_id)
    if filing.delivery != Delivery.FILED or filing.remote_status in FINAL_STATUSES:
        return filing
    answer = client.application_status(reference=filing.reference)
    if answer.status not in RemoteStatus.values:
        log.warning("Samadhaan answered an unknown status %r for %s", answer.status, filing)
        return filing
    with transaction.atomic():
        filing.remote_status, filing.status_checked_at = answer.status, timezone.now()
        filing.council = answer.council or filing.council
        filing.hearing_on = answer.hearing_on or filing.hearing_on
        filing.award_inr = answer.award_inr if answer.award_inr is not None else filing.award_inr
        filing.save()
        _event(filing, answer.status)
    return filing


def filings_status_pull_due(*, client: SamadhaanClient | None = None, limit: int = 200) -> int:
    """The periodic pull: every filed application not yet decided. An outage ends the run."""
    client = client or samadhaan_client()
    ids = list(
        Filing.objects.filter(delivery=Delivery.FILED)
        .exclude(remote_status__in=FINAL_STATUSES)
        .order_by("status_checked_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    for count, filing_id in enumerate(ids):
        try:
            filing_status_pull(filing_id=filing_id, client=client)
        except SamadhaanError as exc:
            log.warning("Samadhaan status pull stopped: %s", exc)
            return count
    return len(ids)


@transaction.atomic
def filings_replay(*, filing_ids: list[int]) -> int:
    """Queue failed filings again from scratch (same key: never filed twice)."""
    count = Filing.objects.filter(pk__in=filing_ids, delivery=Delivery.FAILED).update(
        delivery=Delivery.QUEUED, attempts=0, next_attempt_at=timezone.now()
    )
    if count:
        from .. import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

        transaction.on_commit(tasks.deliver_filings_task.enqueue)
    return count


def filing_refresh(*, actor, filing_id: int, client: SamadhaanClient | None = None) -> Filing:
    """The officer's "check now": send it if still queued, then ask for its status. A remote
    outage is a DomainError the page shows; the periodic job keeps trying either way."""
    filing = selectors.filing_get_for_user(user=actor, filing_id=filing_id)
    require(actor, Can.GRIEVANCE_REFER, filing.grievance)
    client = client or samadhaan_client()
    try:
        if filing.delivery == Delivery.QUEUED:
            Filing.objects.filter(pk=filing.pk).update(next_attempt_at=timezone.now())
            filings_deliver_due(client=client)
        return filing_status_pull(filing_id=filing.pk, client=client)
    except SamadhaanError as exc:
        raise SamadhaanUnreachable(
            _("MSME Samadhaan did not answer; the application is kept and tried again later.")
        ) from exc
