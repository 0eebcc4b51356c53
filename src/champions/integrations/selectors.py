"""Reads for the integrations, always through the grievances' scoped selectors."""

from datetime import datetime

from django.utils import formats
from django.utils.translation import gettext as _

from champions.core.errors import NotFound
from champions.grievances.selectors import grievance_queryset_for_user
from champions.insights.hooks import Panel

from .models import OutboxMessage, OutboxStatus
from .open311 import MAX_REQUESTS, RequestQuery


def open311_request_list(*, user, query: RequestQuery) -> list:
    """The grievances matching the Open311 filters that `user` may see, newest first."""
    qs = grievance_queryset_for_user(user=user)
    if query.service_request_ids:
        qs = qs.filter(registration_number__in=query.service_request_ids)
    else:
        qs = qs.filter(lodged_at__gte=query.start, lodged_at__lte=query.end)
        if query.service_codes:
            qs = qs.filter(category__in=query.service_codes)
        if query.statuses:
            qs = qs.filter(status__in=query.statuses)
    # distinct: an entrepreneur's scope joins the enterprise's representatives.
    qs = qs.select_related("room", "enterprise").distinct().order_by("-lodged_at", "-id")
    return list(qs[:MAX_REQUESTS])


def open311_request_get(*, user, service_request_id: str):
    found = open311_request_list(
        user=user, query=RequestQuery(service_request_ids=(service_request_id.strip().upper(),))
    )
    if not found:
        raise NotFound(f"service_request_id '{service_request_id[:50]}' was not found.")
    return found[0]


def cpgrams_sync_health() -> dict:
    """The CPGRAMS outbox at a glance: messages waiting, dead letters, the last delivery.
    Three small queries (the status index; the newest ids for the last delivery)."""
    last = (
        OutboxMessage.objects.filter(status=OutboxStatus.DELIVERED)
        .order_by("-id")
        .values_list("delivered_at", flat=True)
        .first()
    )
    return {
        "queued": OutboxMessage.objects.filter(status=OutboxStatus.PENDING).count(),
        "failed": OutboxMessage.objects.filter(status=OutboxStatus.DEAD).count(),
        "last_success": last,
    }


def cpgrams_outbox_lag() -> tuple[int, int, datetime | None]:
    """(pending, dead letters, when the oldest pending message was written), for the metrics.
    The oldest is the lowest pending id: ids grow with `created_at`."""
    oldest = (
        OutboxMessage.objects.filter(status=OutboxStatus.PENDING)
        .order_by("id")
        .values_list("created_at", flat=True)
        .first()
    )
    health = cpgrams_sync_health()
    return health["queued"], health["failed"], oldest


def cpgrams_sync_panel(*, user=None):
    """The dashboard's CPGRAMS panel (registered with insights in `apps.ready()`)."""
    health = cpgrams_sync_health()
    last = health["last_success"]
    return Panel(
        title=_("CPGRAMS sync"),
        rows=[
            (_("Waiting to be sent"), str(health["queued"])),
            (_("Failed (dead letters)"), str(health["failed"])),
            (_("Last delivery"), formats.date_format(last, "DATETIME_FORMAT") if last else "-"),
        ],
        warning=bool(health["failed"]),
    )
