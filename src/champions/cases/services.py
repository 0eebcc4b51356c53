"""Writes of hand-holding cases. Every write checks the policy (`case.work` on the unit) and
runs in one transaction; a closed case takes nothing more."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import require
from champions.controlrooms.selectors import hub_get, room_for_district
from champions.core.errors import NotFound, ValidationFailed
from champions.grievances.selectors import officer_can_take, officer_get
from champions.registry.selectors import enterprise_get_for_user, enterprise_representatives

from . import notices, selectors
from .choices import CaseOutcome, CaseStatus
from .errors import CaseClosed
from .models import Case, CaseNote, CaseStep

MAX_TEXT = 300
MAX_NOTE = 5000


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, errors={field: [message]})


def _text(value: str, *, field: str, limit: int, empty: str) -> str:
    value = (value or "").strip()
    if not value:
        raise _invalid(field, empty)
    if len(value) > limit:
        raise _invalid(field, _("At most %(n)s characters.") % {"n": limit})
    return value


def _room_id_for(enterprise) -> int | None:
    room = room_for_district(district_id=enterprise.district_id) if enterprise.district_id else None
    room = room or hub_get()
    return room.pk if room else None


def _officer_in_room(*, user_id: int | None, room_id: int | None, field: str):
    if user_id is None:
        return None
    try:
        officer = officer_get(user_id=user_id)
    except NotFound as exc:  # not an officer at all
        raise _invalid(field, _("Choose an officer of the case's control room.")) from exc
    if room_id is None or not officer_can_take(user=officer, room_id=room_id):
        raise _invalid(field, _("Choose an officer of the case's control room."))
    return officer


@transaction.atomic
def case_open(*, actor, enterprise_id: int, goal: str, assignee_id: int | None = None) -> Case:
    """Open a hand-holding case for a unit the officer may work on; SLA from the settings."""
    enterprise = enterprise_get_for_user(user=actor, enterprise_id=enterprise_id)
    require(actor, Can.CASE_WORK, enterprise)
    goal = _text(goal, field="goal", limit=MAX_TEXT, empty=_("Say what the help should achieve."))
    room_id = _room_id_for(enterprise)
    assignee = _officer_in_room(user_id=assignee_id, room_id=room_id, field="assignee")
    return Case.objects.create(
        enterprise=enterprise,
        room_id=room_id,
        goal=goal,
        assignee=assignee or actor,
        opened_by=actor,
        due_on=timezone.localdate() + timedelta(days=settings.CASES_SLA_DAYS),
    )


def _open_case(*, actor, case_id: int) -> Case:
    case = selectors.case_get_for_user(user=actor, case_id=case_id, for_update=True)
    require(actor, Can.CASE_WORK, case.enterprise)
    if case.status != CaseStatus.OPEN:
        raise CaseClosed(_("This case is closed."))
    return case


@transaction.atomic
def case_assign(*, actor, case_id: int, assignee_id: int | None) -> Case:
    case = _open_case(actor=actor, case_id=case_id)
    if assignee_id is None:
        raise _invalid("assignee", _("Choose an officer of the case's control room."))
    case.assignee = _officer_in_room(user_id=assignee_id, room_id=case.room_id, field="assignee")
    case.save(update_fields=["assignee"])
    return case


def _step_owner(case: Case, owner_id: int | None):
    """An officer who can take the case, or a person who represents the unit."""
    representatives = enterprise_representatives(enterprise_ids=[case.enterprise_id]).get(
        case.enterprise_id, []
    )
    for person in representatives:
        if person.pk == owner_id:
            return person
    if owner_id is None:
        raise _invalid("owner", _("Choose who will take this step."))
    return _officer_in_room(user_id=owner_id, room_id=case.room_id, field="owner")


@transaction.atomic
def case_step_add(
    *, actor, case_id: int, title: str, owner_id: int | None, due_on: date | None
) -> CaseStep:
    case = _open_case(actor=actor, case_id=case_id)
    title = _text(title, field="title", limit=MAX_TEXT, empty=_("Describe the next step."))
    owner = _step_owner(case, owner_id)
    if due_on is None:
        raise _invalid("due_on", _("Give the date the step is due."))
    if due_on < timezone.localdate():
        raise _invalid("due_on", _("The due date cannot be in the past."))
    step = CaseStep.objects.create(case=case, title=title, owner=owner, due_on=due_on)
    notices.step_owner_tell_assigned(step, actor=actor)
    return step


@transaction.atomic
def case_step_done(*, actor, step_id: int) -> CaseStep:
    """The step's owner, or an officer working on the case, marks it done (once)."""
    step = selectors.step_get_for_user(user=actor, step_id=step_id)
    if step.owner_id != actor.pk:
        require(actor, Can.CASE_WORK, step.case.enterprise)
    if step.case.status != CaseStatus.OPEN:
        raise CaseClosed(_("This case is closed."))
    if step.done_at is None:
        step.done_at, step.done_by = timezone.now(), actor
        step.save(update_fields=["done_at", "done_by"])
    return step


@transaction.atomic
def case_note_add(*, actor, case_id: int, body: str) -> CaseNote:
    case = _open_case(actor=actor, case_id=case_id)
    body = _text(body, field="body", limit=MAX_NOTE, empty=_("Write a note."))
    return CaseNote.objects.create(case=case, author=actor, body=body)


@transaction.atomic
def case_close(*, actor, case_id: int, outcome: str, note: str = "") -> Case:
    case = _open_case(actor=actor, case_id=case_id)
    if outcome not in CaseOutcome.values:
        raise _invalid("outcome", _("Choose the outcome."))
    if len(note) > MAX_NOTE:
        raise _invalid("outcome_note", _("At most %(n)s characters.") % {"n": MAX_NOTE})
    case.status, case.outcome = CaseStatus.CLOSED, outcome
    case.outcome_note, case.closed_at = note.strip(), timezone.now()
    case.save(update_fields=["status", "outcome", "outcome_note", "closed_at"])
    return case
