"""Cases and steps as a user may see them: officers their room's (the hub all), leadership
all (read-only), an entrepreneur the cases of their own units; analysts none."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can
from champions.accounts.selectors import (
    user_is_entrepreneur,
    user_is_spoke_officer,
    user_sees_whole_country,
)
from champions.core.errors import NotFound
from champions.grievances.selectors import room_officer_list
from champions.insights.hooks import Panel
from champions.registry.selectors import enterprise_queryset_for_user, enterprise_representatives

from ..choices import CaseStatus
from ..models import Case, CaseNote, CaseStep


def case_queryset_for_user(*, user) -> QuerySet[Case]:
    qs = Case.objects.select_related("enterprise", "room", "assignee")
    if not user.is_authenticated:
        return qs.none()
    if user_sees_whole_country(user):
        return qs
    if user_is_spoke_officer(user):
        return qs.filter(room_id=user.control_room_id)
    if user_is_entrepreneur(user):
        return qs.filter(enterprise__in=enterprise_queryset_for_user(user=user))
    return qs.none()


def case_get_for_user(*, user, case_id: int, for_update: bool = False) -> Case:
    qs = case_queryset_for_user(user=user)
    if for_update and connection.vendor == "postgresql":
        qs = qs.select_for_update(of=("self",))
    case = qs.filter(pk=case_id).first()
    if case is None:
        raise NotFound(_("No such case."))
    return case


def step_get_for_user(*, user, step_id: int) -> CaseStep:
    """A step the user owns, or one of a case the user may see."""
    seen = case_queryset_for_user(user=user).values("pk")
    step = (
        CaseStep.objects.select_related("case__enterprise", "owner")
        .filter(Q(owner_id=user.pk) | Q(case_id__in=seen), pk=step_id)
        .first()
    )
    if step is None:
        raise NotFound(_("No such step."))
    return step


@dataclass(frozen=True)
class CaseDetail:
    case: Case
    steps: list[CaseStep]
    notes: list[CaseNote]
    officers: list  # whom the case can be assigned to
    owners: list  # who can own a step: those officers and the unit's representatives
    may_work: bool
    is_overdue: bool


def case_detail(*, user, case_id: int) -> CaseDetail:
    case = case_get_for_user(user=user, case_id=case_id)
    officers = room_officer_list(room_id=case.room_id) if case.room_id else []
    if user.pk not in {o.pk for o in officers} and can(user, Can.CASE_WORK, case.enterprise):
        officers.append(user)  # the hub works every room's cases
    representatives = enterprise_representatives(enterprise_ids=[case.enterprise_id])
    return CaseDetail(
        case=case,
        steps=list(case.steps.select_related("owner", "done_by")),
        notes=list(case.notes.select_related("author")),
        officers=officers,
        owners=officers + representatives.get(case.enterprise_id, []),
        may_work=case.status == CaseStatus.OPEN and can(user, Can.CASE_WORK, case.enterprise),
        is_overdue=case.is_overdue,
    )


def cases_for_enterprise(*, user, enterprise_id: int) -> list[Case]:
    return list(
        case_queryset_for_user(user=user).filter(enterprise_id=enterprise_id).order_by("-id")[:20]
    )


@dataclass(frozen=True)
class QueueCounts:
    open: int
    overdue: int
    due_this_week: int
    mine: int
    closed_30_days: int


QUEUE_VIEWS = ("open", "mine", "overdue", "closed")


def _counts(qs: QuerySet[Case], *, user) -> QueueCounts:
    today = timezone.localdate()
    is_open = Q(status=CaseStatus.OPEN)
    found = qs.aggregate(
        open=Count("id", filter=is_open),
        overdue=Count("id", filter=is_open & Q(due_on__lt=today)),
        due_this_week=Count(
            "id", filter=is_open & Q(due_on__gte=today, due_on__lte=today + timedelta(days=7))
        ),
        mine=Count("id", filter=is_open & Q(assignee_id=user.pk)),
        closed_30_days=Count(
            "id",
            filter=Q(status=CaseStatus.CLOSED, closed_at__gte=timezone.now() - timedelta(days=30)),
        ),
    )
    return QueueCounts(**found)


def case_view_queryset(*, user, view: str = "open") -> QuerySet[Case]:
    """The cases of one queue view the user may see (the API pages it by id)."""
    qs = case_queryset_for_user(user=user)
    if view == "closed":
        return qs.filter(status=CaseStatus.CLOSED)
    qs = qs.filter(status=CaseStatus.OPEN)
    if view == "mine":
        return qs.filter(assignee_id=user.pk)
    if view == "overdue":
        return qs.filter(due_on__lt=timezone.localdate())
    return qs


def case_queue(*, user, view: str = "open", limit: int = 100) -> tuple[list[Case], QueueCounts]:
    """The room's cases (the hub: every room's) for one view, soonest due first, and the counts."""
    qs = case_queryset_for_user(user=user)
    if user_is_entrepreneur(user):
        qs = qs.none()
    rows = qs.filter(status=CaseStatus.OPEN)
    if view == "mine":
        rows = rows.filter(assignee_id=user.pk)
    elif view == "overdue":
        rows = rows.filter(due_on__lt=timezone.localdate())
    elif view == "closed":
        rows = qs.filter(status=CaseStatus.CLOSED).order_by("-closed_at", "-id")
    rows = rows.annotate(steps_open=Count("steps", filter=Q(steps__done_at__isnull=True)))
    return list(rows[:limit]), _counts(qs, user=user)


def steps_for_owner(*, user, include_done: bool = False) -> list[CaseStep]:
    """The steps meant for this person, on open cases, soonest due first."""
    if not user.is_authenticated:
        return []
    qs = CaseStep.objects.filter(owner_id=user.pk, case__status=CaseStatus.OPEN)
    if not include_done:
        qs = qs.filter(done_at__isnull=True)
    return list(qs.select_related("case__enterprise").order_by("due_on", "id")[:200])


def cases_dashboard_panel(*, user) -> Panel:
    """The dashboard's hand-holding panel: open, overdue, closed this month. A spoke officer
    counts their own room's cases (as the rest of their dashboard); the hub, leadership and
    analysts the whole country."""
    today = timezone.localdate()
    qs = Case.objects.all()
    if user_is_spoke_officer(user):
        qs = qs.filter(room_id=user.control_room_id)
    found = qs.aggregate(
        open=Count("id", filter=Q(status=CaseStatus.OPEN)),
        overdue=Count("id", filter=Q(status=CaseStatus.OPEN, due_on__lt=today)),
        closed=Count(
            "id",
            filter=Q(status=CaseStatus.CLOSED, closed_at__gte=timezone.now() - timedelta(days=30)),
        ),
    )
    return Panel(
        title=_("Hand-holding cases"),
        rows=[
            (_("Open"), str(found["open"])),
            (_("Past their follow-up date"), str(found["overdue"])),
            (_("Closed in the last 30 days"), str(found["closed"])),
        ],
        warning=bool(found["overdue"]),
    )
