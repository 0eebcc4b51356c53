"""Feeds for the dashboards' rollups and the sparks score (aggregates: no user scope, no text)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q

from ..choices import Status, TriageScope
from ..models import (
    Grievance,
    TimelineEntry,
    Triage,
)


def grievance_outcomes_by_enterprise(*, enterprise_ids: list[int]) -> dict[int, tuple[int, int]]:
    """enterprise id → (grievances lodged, grievances resolved or closed), for the sparks score."""
    done = [Status.RESOLVED, Status.CLOSED, Status.APPEAL_DECIDED]
    rows = (
        Grievance.objects.filter(enterprise_id__in=enterprise_ids)
        .values("enterprise_id")
        .annotate(lodged=Count("id"), resolved=Count("id", filter=Q(status__in=done)))
    )
    return {row["enterprise_id"]: (row["lodged"], row["resolved"]) for row in rows}


@dataclass(frozen=True)
class GrievanceFacts:
    """The dimensions a grievance is counted under, and what the rollups need of its state."""

    grievance_id: int
    room_id: int
    state: str  # the state's Udyam code, "" when not known
    category: str
    channel: str
    language: str
    kind: str
    status: str
    lodged_at: datetime
    assign_due_at: datetime | None
    resolution_due_at: datetime | None
    rating: int | None
    department: str
    referred_to: str


FACT_FIELDS = (
    "pk", "room_id", "state__udyam_code", "category", "channel", "language", "kind", "status",
    "lodged_at", "assign_due_at", "resolution_due_at", "rating", "department", "referred_to",
)  # fmt: skip


def grievance_facts(*, grievance_ids: list[int]) -> dict[int, GrievanceFacts]:
    """The facts of these grievances (missing ids were deleted). One query."""
    rows = Grievance.objects.filter(pk__in=grievance_ids).order_by().values_list(*FACT_FIELDS)
    return {row[0]: GrievanceFacts(row[0], row[1], row[2] or "", *row[3:]) for row in rows}


@dataclass(frozen=True)
class TimelineFeedRow:
    id: int
    grievance_id: int
    action: str
    from_status: str
    to_status: str
    created_at: datetime


def timeline_feed(*, after_id: int, limit: int) -> list[TimelineFeedRow]:
    """Timeline entries after `after_id`, oldest id first: what the rollups count."""
    rows = (
        TimelineEntry.objects.filter(pk__gt=after_id)
        .order_by("pk")
        .values_list("pk", "grievance_id", "action", "from_status", "to_status", "created_at")
    )[:limit]
    return [TimelineFeedRow(*row) for row in rows]


@dataclass(frozen=True)
class TriageFeedRow:
    id: int
    grievance_id: int
    sentiment: str
    emotion: str
    created_at: datetime


def triage_feed(*, after_id: int, limit: int) -> list[TriageFeedRow]:
    """Stored predictions of the grievances' own texts and of the MSME's messages, after
    `after_id`: the mood the dashboards chart. Thread summaries are left out (they repeat)."""
    rows = (
        Triage.objects.filter(pk__gt=after_id)
        .exclude(scope=TriageScope.THREAD)
        .order_by("pk")
        .values_list("pk", "grievance_id", "sentiment", "emotion", "created_at")
    )[:limit]
    return [TriageFeedRow(*row) for row in rows]
