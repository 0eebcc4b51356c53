"""Reads for grievances, always scoped to what the user may see (404 otherwise)."""

import csv
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

import numpy as np
from django.contrib.auth import get_user_model
from django.db.models import Count, DateField, F, Q, QuerySet
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone

from champions.accounts.choices import OFFICER_ROLES, Role
from champions.accounts.policy import Action as Can
from champions.accounts.policy import can
from champions.accounts.selectors import (
    user_is_entrepreneur,
    user_is_officer,
    user_is_spoke_officer,
    user_sees_whole_country,
)
from champions.controlrooms.selectors import control_room_list
from champions.core.errors import NotFound
from champions.core.pagination import Page
from champions.registry.selectors import enterprise_queryset_for_user

from .choices import Status, TriageField, TriageScope
from .models import (
    Attachment,
    CannedReply,
    DuplicateCandidate,
    Grievance,
    GrievanceVector,
    Holiday,
    Message,
    SlaPolicy,
    TimelineEntry,
    Triage,
    TriageOverride,
)
from .rerouting import open_grievance_count as open_grievance_count
from .rerouting import open_grievance_counts_by_room as open_grievance_counts_by_room
from .sla import Calendar, Policy
from .tallies import tally_counts


def grievance_queryset_for_user(*, user) -> QuerySet[Grievance]:
    """An entrepreneur: grievances they lodged or of enterprises they represent; a spoke
    officer: their room's; hub officers, leadership and administrators: all; analysts: none."""
    qs = Grievance.objects.all()
    if not user.is_authenticated:
        return qs.none()
    if user_sees_whole_country(user):
        return qs
    if user_is_spoke_officer(user):
        return qs.filter(room_id=user.control_room_id)
    if user_is_entrepreneur(user):
        # A subquery, not a join: a join through the representatives would repeat a
        # grievance once per representative of its enterprise.
        represented = enterprise_queryset_for_user(user=user).values("pk")
        return qs.filter(Q(complainant=user) | Q(enterprise_id__in=represented))
    return qs.none()


def grievance_get_for_user(*, user, grievance_id: int) -> Grievance:
    grievance = (
        grievance_queryset_for_user(user=user)
        .select_related("room", "assignee", "enterprise", "state", "district")
        .filter(pk=grievance_id)
        .first()
    )
    if grievance is None:
        raise NotFound("No such grievance.")
    return grievance


def grievance_track(*, registration_number: str, contact: str) -> Grievance | None:
    """Public tracking: the number plus the registered mobile or e-mail, else nothing."""
    contact = contact.strip().lower()
    if not contact:
        return None
    grievance = Grievance.objects.filter(
        registration_number=registration_number.strip().upper()
    ).first()
    if grievance is None:
        return None
    if contact in {grievance.contact_email.lower(), grievance.contact_phone}:
        return grievance
    return None


def sla_policy_for(*, category: str, priority: str) -> Policy:
    rows = {(p.category, p.priority): p for p in SlaPolicy.objects.all()}
    for key in ((category, priority), (category, ""), ("", priority), ("", "")):
        if key in rows:
            p = rows[key]
            return Policy(
                assign_days=p.assign_days,
                escalate_days=p.escalate_days,
                resolve_days=p.resolve_days,
                appeal_days=p.appeal_days,
            )
    return Policy()


def calendar_for(*, state_id: int | None) -> Calendar:
    national = Q(state__isnull=True)
    scope = national | Q(state_id=state_id) if state_id else national
    return Calendar(holidays=frozenset(Holiday.objects.filter(scope).values_list("day", flat=True)))


def canned_reply_list() -> list[CannedReply]:
    return list(CannedReply.objects.all())


ORGANISATIONS_FILE = Path(__file__).resolve().parent / "data" / "cpgrams_organisations.csv"


@cache
def referral_organisation_list() -> tuple[str, ...]:
    """The departments and ministries a grievance can be referred to: the CPGRAMS
    organisation list (DARPG open data) plus "State Government", read once."""
    with ORGANISATIONS_FILE.open(encoding="utf-8", newline="") as f:
        return tuple(row["name"] for row in csv.DictReader(f))


# --- Service levels and the holiday calendar, as the hub edits them -----------------------------


def user_edits_service_levels(user) -> bool:
    """Hub officers and administrators keep the SLA policies and the holiday calendar."""
    return can(user, Can.SLA_EDIT)


def sla_policy_list() -> list[SlaPolicy]:
    """Every policy, the (any, any) default first."""
    return list(SlaPolicy.objects.order_by("category", "priority"))


def sla_policy_get(*, policy_id: int) -> SlaPolicy:
    policy = SlaPolicy.objects.filter(pk=policy_id).first()
    if policy is None:
        raise NotFound("No such policy.")
    return policy


def holiday_list(*, year: int) -> list[Holiday]:
    """The year's holidays by date, national before state ones on the same day."""
    return list(
        Holiday.objects.filter(day__year=year)
        .select_related("state")
        .order_by("day", F("state__name").asc(nulls_first=True))
    )


def holiday_years() -> list[int]:
    """Years that have holidays, and the current one."""
    years = {moment.year for moment in Holiday.objects.dates("day", "year")}
    return sorted(years | {timezone.localdate().year})


# --- Web pages: the work queue, the grievance page, acknowledgement and tracking ---------------

QUEUE_SORTS = ("newest", "oldest", "due")


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def queue_counts_by_status(qs: QuerySet[Grievance]) -> list[StatusCount]:
    """How many grievances of `qs` are in each status (one GROUP BY query), in workflow order."""
    return _in_workflow_order(_count_by_status(qs))


def queue_counts_for_user(
    *, user, qs: QuerySet[Grievance], narrowed: bool, room_id: int | None = None
) -> dict[str, int]:
    """Grievances per status in `qs`, the user's queue (of one room when `room_id`) narrowed
    by filters or not. An officer's whole queue is read from the tallies (one small query,
    whatever the number of grievances); a narrowed one is counted."""
    if not narrowed and user_is_officer(user):
        if user_sees_whole_country(user):
            return _every_status(tally_counts(room_id=room_id))
        if user_is_spoke_officer(user) and room_id in (None, user.control_room_id):
            return _every_status(tally_counts(room_id=user.control_room_id))
    return _every_status(_count_by_status(qs))


def queue_status_counts_for_user(*, user, qs: QuerySet[Grievance], narrowed: bool):
    """`queue_counts_for_user` as (status, label, count) rows in workflow order."""
    return _in_workflow_order(queue_counts_for_user(user=user, qs=qs, narrowed=narrowed))


def _count_by_status(qs: QuerySet[Grievance]) -> dict[str, int]:
    # COUNT(*), not COUNT(id): PostgreSQL can then answer from an index alone.
    return dict(qs.order_by().values_list("status").annotate(total=Count("*")))


def _every_status(counts: dict[str, int]) -> dict[str, int]:
    return {value: counts.get(value, 0) for value in Status.values}


def _in_workflow_order(counts: dict[str, int]) -> list[StatusCount]:
    return [StatusCount(value, label, counts.get(value, 0)) for value, label in Status.choices]


def grievance_queue_for_user(*, user) -> QuerySet[Grievance]:
    """An officer's work queue: their room's grievances (hub officers: all); else nothing."""
    if not user_is_officer(user):
        return Grievance.objects.none()
    return grievance_queryset_for_user(user=user).select_related("room", "assignee")


def _queue_ordering(sort: str, *, reverse: bool) -> list:
    """Newest or oldest first (the due-soonest order is `_due_rows`)."""
    newest_first = (sort != "oldest") != reverse
    return ["-id" if newest_first else "id"]


def _queue_beyond(qs: QuerySet, sort: str, cursor: int, *, forward: bool) -> QuerySet:
    """The rows after (forward) or before the cursor row, newest or oldest first."""
    newest_first = sort != "oldest"
    return qs.filter(pk__lt=cursor) if newest_first == forward else qs.filter(pk__gt=cursor)


def _due_rows(qs: QuerySet, *, cursor: int | None, forward: bool, limit: int) -> list:
    """Up to `limit` rows after (forward) or before the cursor in "due soonest" order: rows
    with a due date by (due, id), then those without one (suggestions) by id.

    Each part is its own query with a plain range on (resolution_due_at, id), so an index on
    (room, resolution_due_at, id) starts at the cursor; one condition with an OR for the
    undated rows made PostgreSQL walk the index from its start (deep page 240 ms at 1 M)."""
    dated = qs.filter(resolution_due_at__isnull=False)
    undated = qs.filter(resolution_due_at__isnull=True)
    by_due, by_due_reversed = ("resolution_due_at", "id"), ("-resolution_due_at", "-id")
    due = None
    if cursor is not None:
        due = qs.filter(pk=cursor).values_list("resolution_due_at", flat=True).first()
    if forward:
        if cursor is None:
            parts = [dated.order_by(*by_due), undated.order_by("id")]
        elif due is not None:
            later = Q(resolution_due_at__gt=due) | Q(pk__gt=cursor)
            later &= Q(resolution_due_at__gte=due)
            parts = [dated.filter(later).order_by(*by_due), undated.order_by("id")]
        else:
            parts = [undated.filter(pk__gt=cursor).order_by("id")]
    elif due is not None:
        earlier = Q(resolution_due_at__lt=due) | Q(pk__lt=cursor)
        earlier &= Q(resolution_due_at__lte=due)
        parts = [dated.filter(earlier).order_by(*by_due_reversed)]
    else:
        parts = [undated.filter(pk__lt=cursor).order_by("-id"), dated.order_by(*by_due_reversed)]
    rows: list = []
    for part in parts:
        rows += part[: limit - len(rows)]
        if len(rows) >= limit:
            break
    return rows


def grievance_queue_page(
    qs: QuerySet[Grievance], *, sort: str, after: int | None, before: int | None, size: int
) -> Page:
    """One keyset page of the queue in `sort` order (newest, oldest, due soonest): no OFFSET,
    so the hundredth page costs what the first does. Cursors are grievance ids."""
    sort = sort if sort in QUEUE_SORTS else "newest"
    if before is not None:
        if sort == "due":
            rows = _due_rows(qs, cursor=before, forward=False, limit=size + 1)
        else:
            beyond = _queue_beyond(qs, sort, before, forward=False)
            rows = list(beyond.order_by(*_queue_ordering(sort, reverse=True))[: size + 1])
        has_more = len(rows) > size
        rows = list(reversed(rows[:size]))
        return Page(
            items=rows,
            next_cursor=rows[-1].pk if rows else None,
            previous_cursor=rows[0].pk if rows and has_more else None,
        )
    if sort == "due":
        rows = _due_rows(qs, cursor=after, forward=True, limit=size + 1)
    else:
        if after is not None:
            qs = _queue_beyond(qs, sort, after, forward=True)
        rows = list(qs.order_by(*_queue_ordering(sort, reverse=False))[: size + 1])
    has_more = len(rows) > size
    rows = rows[:size]
    return Page(
        items=rows,
        next_cursor=rows[-1].pk if has_more else None,
        previous_cursor=rows[0].pk if rows and after is not None else None,
    )


def grievance_list_for_user(*, user) -> QuerySet[Grievance]:
    """'My grievances': an entrepreneur's own and their enterprises', with the room."""
    # The scope is a subquery on the represented enterprises, not a join, so each grievance
    # comes once without DISTINCT.
    return grievance_queryset_for_user(user=user).select_related("room")


def grievance_list_by_ids_for_user(*, user, grievance_ids: list[int]) -> list[Grievance]:
    """The grievances among `grievance_ids` that the user may see (others are left out)."""
    return list(
        grievance_queryset_for_user(user=user)
        .select_related("room", "assignee")
        .filter(pk__in=grievance_ids)
        .order_by("-id")
    )


def grievance_acknowledgement_get(*, user, grievance_id: int) -> Grievance:
    """What the acknowledgement page shows: a grievance in scope, or one the user lodged
    (an officer's intake may be routed to a room they cannot see)."""
    try:
        return grievance_get_for_user(user=user, grievance_id=grievance_id)
    except NotFound:
        grievance = (
            Grievance.objects.select_related("room")
            .filter(pk=grievance_id, lodged_by_id=user.pk)
            .first()
        )
    if grievance is None or not user.is_authenticated:
        raise NotFound("No such grievance.")
    return grievance


def grievance_get_by_number_for_user(*, user, registration_number: str) -> Grievance:
    grievance = (
        grievance_queryset_for_user(user=user)
        .filter(registration_number=registration_number.strip().upper())
        .first()
    )
    if grievance is None:
        raise NotFound("No such grievance.")
    return grievance


def room_officer_list(*, room_id: int) -> list:
    """Active officers who work in a room: the people a grievance there can be assigned to."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, role__in=OFFICER_ROLES, control_room_id=room_id)
        .order_by("full_name", "email")
    )


def officer_can_take(*, user, room_id: int) -> bool:
    """May `user` be the assignee of a grievance held by this room? Its officers, or the hub."""
    return bool(
        user.is_active
        and (
            user.role == Role.HUB_OFFICER
            or (user.role in OFFICER_ROLES and user.control_room_id == room_id)
        )
    )


def officer_get(*, user_id: int):
    officer = get_user_model().objects.filter(pk=user_id, role__in=OFFICER_ROLES).first()
    if officer is None:
        raise NotFound("No such officer.")
    return officer


@dataclass(frozen=True)
class TriagePanel:
    """What AI triage said about a grievance, for officers: the prediction on its own text and
    on the thread, per message, the latest decision per field, and same-MSME duplicates."""

    grievance: Triage | None
    thread: Triage | None
    messages: dict[int, Triage]
    decisions: dict[str, TriageOverride]
    duplicates: list[DuplicateCandidate]


def triage_panel_get(*, grievance: Grievance) -> TriagePanel:
    """Officers' view of triage (the caller has checked the user is an officer in scope)."""
    rows = list(Triage.objects.filter(grievance=grievance).order_by("id"))
    latest = {row.scope: row for row in rows if row.scope != TriageScope.MESSAGE}
    decisions: dict[str, TriageOverride] = {}
    for decision in TriageOverride.objects.filter(grievance=grievance).select_related("officer"):
        decisions.setdefault(decision.field, decision)  # newest first
    duplicates = list(
        DuplicateCandidate.objects.filter(grievance=grievance, earlier__merged_into__isnull=True)
        .select_related("earlier")
        .order_by("-similarity")
    )
    return TriagePanel(
        grievance=latest.get(TriageScope.GRIEVANCE),
        thread=latest.get(TriageScope.THREAD),
        messages={row.message_id: row for row in rows if row.message_id},
        decisions={field: decisions[field] for field in TriageField.values if field in decisions},
        duplicates=duplicates,
    )


@dataclass(frozen=True)
class GrievanceDetail:
    """Everything the grievance page shows to this user (internal notes only to officers;
    AI triage only to officers)."""

    grievance: Grievance
    timeline: list[TimelineEntry]
    messages: list[Message]
    attachments: list[Attachment]
    is_officer: bool
    canned_replies: list[CannedReply]
    rooms: list
    officers: list
    triage: TriagePanel | None = None


def grievance_detail_get_for_user(*, user, grievance_id: int) -> GrievanceDetail:
    grievance = grievance_get_for_user(user=user, grievance_id=grievance_id)
    is_officer = user_is_officer(user)
    timeline = grievance.timeline.select_related("actor")
    messages = grievance.messages.select_related("author")
    attachments = grievance.attachments.order_by("created_at", "id")
    if not is_officer:
        timeline = timeline.filter(is_internal=False)
        messages = messages.filter(is_internal=False)
        attachments = attachments.exclude(message__is_internal=True)
    return GrievanceDetail(
        grievance=grievance,
        timeline=list(timeline),
        messages=list(messages),
        attachments=list(attachments),
        is_officer=is_officer,
        canned_replies=canned_reply_list() if is_officer else [],
        rooms=[r for r in control_room_list() if r.pk != grievance.room_id] if is_officer else [],
        officers=room_officer_list(room_id=grievance.room_id) if is_officer else [],
        triage=triage_panel_get(grievance=grievance) if is_officer else None,
    )


@dataclass(frozen=True)
class TrackResult:
    grievance: Grievance
    timeline: list[TimelineEntry]


def grievance_track_result(*, registration_number: str, contact: str) -> TrackResult | None:
    """Public tracking with the public timeline (no internal entries, no notes shown)."""
    grievance = grievance_track(registration_number=registration_number, contact=contact)
    if grievance is None:
        return None
    timeline = list(grievance.timeline.filter(is_internal=False).exclude(action="note"))
    return TrackResult(grievance=grievance, timeline=timeline)


# --- For insights: grievance embeddings and how officers answered triage -----------------------


@dataclass(frozen=True)
class GrievanceVectorRow:
    grievance_id: int
    vector: np.ndarray
    text: str
    lodged_at: datetime
    msme: str  # who lodged it: "enterprise:<id>", else "user:<id>", else "grievance:<id>"


def _msme_key(grievance: Grievance) -> str:
    if grievance.enterprise_id:
        return f"enterprise:{grievance.enterprise_id}"
    if grievance.complainant_id:
        return f"user:{grievance.complainant_id}"
    return f"grievance:{grievance.pk}"


def grievance_vectors_since(*, since: datetime, limit: int = 20000) -> list[GrievanceVectorRow]:
    """The embeddings of grievances lodged since `since` (not merged away), newest first, at
    most `limit`: what the systemic-issue clustering reads. Aggregates, so no user scope."""
    rows = (
        GrievanceVector.objects.filter(
            grievance__lodged_at__gte=since, grievance__merged_into__isnull=True
        )
        .select_related("grievance")
        .only(
            "vector",
            "grievance__subject",
            "grievance__description",
            "grievance__lodged_at",
            "grievance__enterprise_id",
            "grievance__complainant_id",
        )
        .order_by("-grievance_id")[:limit]
    )
    return [
        GrievanceVectorRow(
            grievance_id=row.grievance_id,
            vector=np.frombuffer(bytes(row.vector), dtype=np.float32),
            text=f"{row.grievance.subject}\n{row.grievance.description}",
            lodged_at=row.grievance.lodged_at,
            msme=_msme_key(row.grievance),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class TriageReviewCount:
    period: date  # the first day of the week (Monday) or month
    category: str  # as predicted
    triaged: int  # grievances the model put in this category
    overridden: int  # of those, grievances whose category an officer changed


def triage_review_counts(*, since: datetime, period: str = "week") -> list[TriageReviewCount]:
    """Per week (or month) of prediction and predicted category: how many grievances were
    triaged and how many of their categories officers overrode. Two GROUP BY queries."""
    trunc = TruncMonth if period == "month" else TruncWeek
    triaged = (
        Triage.objects.filter(scope=TriageScope.GRIEVANCE, created_at__gte=since)
        .annotate(period=trunc("created_at", output_field=DateField()))
        .values_list("period", "category")
        .annotate(total=Count("grievance", distinct=True))
        .order_by()
    )
    overridden = {
        (period_start, category): total
        for period_start, category, total in TriageOverride.objects.filter(
            field=TriageField.CATEGORY, triage__created_at__gte=since
        )
        .exclude(chosen=F("predicted"))
        .annotate(period=trunc("triage__created_at", output_field=DateField()))
        .values_list("period", "predicted")
        .annotate(total=Count("grievance", distinct=True))
        .order_by()
    }
    return sorted(
        (
            TriageReviewCount(
                period=period_start,
                category=category,
                triaged=total,
                overridden=overridden.get((period_start, category), 0),
            )
            for period_start, category, total in triaged
        ),
        key=lambda row: (row.period, row.category),
    )


def triage_decision_totals() -> dict[str, dict[str, int]]:
    """Per reviewed field, how many decisions were acceptances and how many overrides."""
    totals = {field: {"accepted": 0, "overridden": 0} for field in TriageField.values}
    rows = (
        TriageOverride.objects.values_list("field")
        .annotate(
            total=Count("id"),
            overridden=Count("id", filter=~Q(chosen=F("predicted"))),
        )
        .order_by()
    )
    for field, total, overridden in rows:
        if field in totals:
            totals[field] = {"accepted": total - overridden, "overridden": overridden}
    return totals


def grievance_outcomes_by_enterprise(*, enterprise_ids: list[int]) -> dict[int, tuple[int, int]]:
    """enterprise id → (grievances lodged, grievances resolved or closed), for the sparks score."""
    done = [Status.RESOLVED, Status.CLOSED, Status.APPEAL_DECIDED]
    rows = (
        Grievance.objects.filter(enterprise_id__in=enterprise_ids)
        .values("enterprise_id")
        .annotate(lodged=Count("id"), resolved=Count("id", filter=Q(status__in=done)))
    )
    return {row["enterprise_id"]: (row["lodged"], row["resolved"]) for row in rows}


# --- Feeds for the dashboards' rollups (aggregates only: no user scope, no text) ---------------


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
