"""What step owners and case officers are told (in-app and e-mail, through the notifications
app, each in their own language): a step given to them, and a step or case follow-up that has
come due or gone past its date (the daily `case-followups` job)."""

from datetime import date

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_is_officer
from champions.notifications.choices import NotificationKind
from champions.notifications.services import notify

from .choices import CaseStatus
from .models import Case, CaseStep

BATCH = 1000  # at most this many steps and cases a run; the next run takes the rest


def _in_language_of(user):
    return translation.override(user.preferred_language or translation.get_language())


def _link(user, step: CaseStep) -> str:
    """The unit's representatives see their steps on their list; officers open the case."""
    if user_is_officer(user):
        return reverse("web:cases:detail", args=[step.case_id])
    return reverse("web:cases:my_steps")


def step_owner_tell_assigned(step: CaseStep, *, actor) -> None:
    """Once per step; nobody is told of a step they gave themselves."""
    owner = step.owner
    if owner.pk == actor.pk or not owner.is_active:
        return
    with _in_language_of(owner):
        values = {
            "title": step.title,
            "unit": step.case.enterprise.name,
            "due": date_format(step.due_on, "j F Y"),
        }
        notify(
            recipient_user=owner,
            kind=NotificationKind.CASE_STEP_ASSIGNED,
            title=_("A step for you: %(title)s") % values,
            body=_("%(unit)s: %(title)s, due on %(due)s.") % values,
            link=_link(owner, step),
            idempotency_key=f"case-step-assigned:{step.pk}",
        )


def _tell_step_due(step: CaseStep, *, today: date) -> None:
    overdue = step.due_on < today
    values = {
        "title": step.title,
        "unit": step.case.enterprise.name,
        "due": date_format(step.due_on, "j F Y"),
    }
    with _in_language_of(step.owner):
        title = (_("Overdue: %(title)s") if overdue else _("Due today: %(title)s")) % values
        notify(
            recipient_user=step.owner,
            kind=NotificationKind.CASE_STEP_DUE,
            title=title,
            body=_("%(unit)s: %(title)s was due on %(due)s.") % values
            if overdue
            else _("%(unit)s: %(title)s is due today.") % values,
            link=_link(step.owner, step),
            # once when due, once when overdue; a new due date is a new pair
            idempotency_key=f"case-step-{'overdue' if overdue else 'due'}:{step.pk}:{step.due_on}",
        )


def _tell_case_overdue(case: Case) -> None:
    values = {"goal": case.goal, "unit": case.enterprise.name}
    values["due"] = date_format(case.due_on, "j F Y")
    with _in_language_of(case.assignee):
        notify(
            recipient_user=case.assignee,
            kind=NotificationKind.CASE_STEP_DUE,
            title=_("Follow-up overdue: %(unit)s") % values,
            body=_("The case “%(goal)s” was to be followed up by %(due)s.") % values,
            link=reverse("web:cases:detail", args=[case.pk]),
            idempotency_key=f"case-overdue:{case.pk}:{case.due_on}",
        )


def followups_notify(*, today: date | None = None) -> int:
    """Tell owners of open steps due today or past due, and assignees of cases past their
    follow-up date. Idempotent: each message has a key, so a second run the same day (or a
    doubled job) sends nothing. Returns how many steps and cases were considered."""
    today = today or timezone.localdate()
    steps = (
        CaseStep.objects.filter(
            case__status=CaseStatus.OPEN, done_at__isnull=True, due_on__lte=today
        )
        .filter(owner__is_active=True)
        .select_related("case__enterprise", "owner")
        .order_by("due_on", "id")[:BATCH]
    )
    for step in steps:
        _tell_step_due(step, today=today)
    cases = (
        Case.objects.filter(status=CaseStatus.OPEN, due_on__lt=today)
        .filter(assignee__is_active=True)
        .select_related("enterprise", "assignee")
        .order_by("due_on", "id")[:BATCH]
    )
    for case in cases:
        _tell_case_overdue(case)
    return len(steps) + len(cases)
