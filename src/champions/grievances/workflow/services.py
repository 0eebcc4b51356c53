"""Workflow moves: transitions, assignment, rating, referral and merging."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can, conflict_of_interest, refusal_message, require
from champions.controlrooms.selectors import hub_get
from champions.core.errors import Forbidden, ValidationFailed

from .. import hooks
from ..choices import (
    OPEN_STATUSES,
    Status,
)
from ..errors import TransitionRefused
from ..models import (
    Grievance,
    Message,
)
from ..queue.selectors import officer_can_take, officer_get
from ..queue.tallies import tally_key, tally_moved
from ..records import english_text, event_write, grievance_lock
from ..scope import grievance_get_for_user
from ..sla.clock import add_working_days, shift_for_pause
from ..sla.selectors import calendar_for, sla_policy_for
from .selectors import referral_organisation_list
from .table import Action, Actor, IllegalTransition, transition_for

ASSIGNED_TO = gettext_noop("Assigned to %(name)s.")


def actor_kind(*, user, grievance: Grievance) -> Actor | None:
    """How the user stands to this grievance in the workflow (None: not at all; leadership and
    analysts read only)."""
    if grievance.status == Status.APPEALED and can(user, Can.GRIEVANCE_DECIDE_APPEAL, grievance):
        return Actor.APPELLATE
    if can(user, Can.GRIEVANCE_TRANSITION, grievance):
        return Actor.OFFICER
    if can(user, Can.GRIEVANCE_RESPOND, grievance):
        return Actor.MSME
    return None


@transaction.atomic
def grievance_transition(*, grievance_id: int, action: str, actor, note: str = "") -> Grievance:
    """Apply one workflow action under a row lock; an illegal move changes nothing.

    `assign` from someone who may assign makes them the assignee, whoever had it (it is
    `grievance_assign_to` with the actor): the web's "Assign to me" and the API's
    `{"action": "assign"}` do the same."""
    seen = grievance_get_for_user(user=actor, grievance_id=grievance_id)  # scope: 404
    if action == Action.REFER:
        # A referral must name the organisation, which only `grievance_refer` records.
        raise TransitionRefused(
            _("A referral names the department or ministry: use the referral form.")
        )
    if action == Action.ASSIGN and can(actor, Can.GRIEVANCE_ASSIGN, seen):
        # One rule from every door: `assign` names the actor, whoever had the grievance.
        return grievance_assign_to(grievance_id=grievance_id, assignee_id=actor.pk, actor=actor)
    return grievance_move(grievance_id=grievance_id, action=action, actor=actor, note=note)


def grievance_move(
    *,
    grievance_id: int,
    action: str,
    actor,
    note: str,
    referred_to: str = "",
    message: tuple[str, dict] | None = None,
) -> Grievance:
    """The workflow move itself, for callers that have checked the scope. A system-written
    note comes as `message` (id and values, read in each reader's language)."""
    grievance = grievance_lock(grievance_id)
    move = _allowed_move(grievance, action=action, actor=actor, note=note)
    counted = tally_key(grievance)
    now = timezone.now()
    from_status = grievance.status
    _apply_side_effects(grievance, action=Action(action), actor=actor, now=now)
    if action == Action.REFER:
        grievance.referred_to = referred_to
    grievance.status = move.to
    grievance.save()
    tally_moved(before=counted, after=tally_key(grievance))
    event_write(
        grievance,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=move.to,
        note=note.strip(),
        message=message,
    )
    hooks.grievance_event_emit(grievance, action, note=note.strip())
    from .. import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    transaction.on_commit(lambda: tasks.notify_status_change_task.enqueue(grievance.pk))
    return grievance


def _allowed_move(grievance: Grievance, *, action: str, actor, note: str):
    """The transition this actor may make now, or the refusal (403, 409, a missing note)."""
    if action == Action.DECIDE_APPEAL and (
        conflict := conflict_of_interest(actor, Can.GRIEVANCE_DECIDE_APPEAL, grievance)
    ):
        raise Forbidden(conflict)  # separation of duties (grievances/appellate.py)
    kind = actor_kind(user=actor, grievance=grievance)
    try:
        move = transition_for(grievance.status, action, kind) if kind else None
    except IllegalTransition as exc:
        raise TransitionRefused(str(exc)) from exc
    if move is None:
        raise Forbidden(refusal_message(actor))
    if move.needs_note and not note.strip():
        raise ValidationFailed(_("Please add a note."), errors={"note": [_("A note is needed.")]})
    return move


def _apply_side_effects(grievance: Grievance, *, action: Action, actor, now) -> None:
    if (
        action == Action.ASSIGN
        and grievance.assignee_id is None
        and can(actor, Can.GRIEVANCE_ASSIGN, grievance)
    ):
        grievance.assignee = actor
    if action == Action.ASK_MSME:
        grievance.paused_at = now
    if grievance.paused_at and action in {Action.MSME_REPLY, Action.START}:
        for name in ("assign_due_at", "escalate_due_at", "resolution_due_at"):
            setattr(
                grievance,
                name,
                shift_for_pause(
                    getattr(grievance, name), paused_at=grievance.paused_at, resumed_at=now
                ),
            )
        grievance.paused_at = None
    if action in {Action.RESOLVE, Action.REFER}:
        grievance.resolved_at = now
        grievance.paused_at = None  # a referral may end a wait for the MSME
    if action == Action.REOPEN:
        grievance.resolved_at = None
        grievance.referred_to = ""
    if action == Action.CLOSE:
        grievance.closed_at = now
    if action == Action.APPEAL:
        policy = sla_policy_for(category=grievance.category, priority=grievance.priority)
        grievance.appeal_due_at = add_working_days(
            now, policy.appeal_days, calendar_for(state_id=grievance.state_id)
        )
        grievance.room = hub_get() or grievance.room  # no hub configured: it stays put


@transaction.atomic
def grievance_rate(*, grievance_id: int, actor, rating: int, comment: str = "") -> Grievance:
    """The MSME rates a resolved grievance 1-5 and it closes. A poor rating (1-2) files no
    appeal by itself: the page offers one, which the MSME lodges with its reasons."""
    if not 1 <= rating <= 5:
        raise ValidationFailed(_("Rate from 1 to 5."), errors={"rating": [_("Rate from 1 to 5.")]})
    grievance = grievance_transition(
        grievance_id=grievance_id, action=Action.CLOSE, actor=actor, note=comment
    )
    grievance.rating = rating
    grievance.feedback = comment.strip()
    grievance.save(update_fields=["rating", "feedback", "updated_at"])
    return grievance


@transaction.atomic
def grievance_refer(*, grievance_id: int, actor, organisation: str, reason: str) -> Grievance:
    """Refer a matter to another department or ministry (officers in scope).

    The grievance is resolved here with the note "Referred to <organisation>: <reason>", so the
    MSME is told and can still reopen or rate it; the organisation is kept in `referred_to`.
    """
    seen = grievance_get_for_user(user=actor, grievance_id=grievance_id)  # scope: 404
    require(actor, Can.GRIEVANCE_REFER, seen)
    errors: dict[str, list[str]] = {}
    if organisation not in referral_organisation_list():
        errors["organisation"] = [_("Choose a department or ministry from the list.")]
    if not reason.strip():
        errors["reason"] = [_("Give a reason.")]
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    note = _("Referred to %(organisation)s: %(reason)s") % {
        "organisation": organisation,
        "reason": reason.strip(),
    }
    return grievance_move(
        grievance_id=grievance_id,
        action=Action.REFER,
        actor=actor,
        note=note,
        referred_to=organisation,
    )


@transaction.atomic
def grievance_assign_to(*, grievance_id: int, assignee_id: int, actor) -> Grievance:
    """Make a named officer of the holding room (or a hub officer) responsible.

    From submitted, assigned or reopened this is the workflow's `assign`; an open grievance
    further on (in progress, awaiting the MSME, appealed) only changes hands.
    """
    seen = grievance_get_for_user(user=actor, grievance_id=grievance_id)  # scope: 404
    require(actor, Can.GRIEVANCE_ASSIGN, seen)
    grievance = grievance_lock(grievance_id)
    assignee = officer_get(user_id=assignee_id)
    if not officer_can_take(user=assignee, room_id=grievance.room_id):
        refusal = _("Choose an officer of %(room)s.") % {"room": grievance.room.name}
        raise ValidationFailed(refusal, errors={"assignee": [refusal]})
    message = (ASSIGNED_TO, {"name": assignee.full_name or assignee.email})
    if _assign_is_a_move(grievance.status):
        grievance.assignee = assignee
        grievance.save(update_fields=["assignee", "updated_at"])
        return grievance_move(
            grievance_id=grievance_id,
            action=Action.ASSIGN,
            actor=actor,
            note=english_text(message),
            message=message,
        )
    if grievance.status not in OPEN_STATUSES:
        raise TransitionRefused(
            _("A grievance that is %(status)s cannot be assigned.")
            % {"status": grievance.get_status_display().lower()}
        )
    grievance.assignee = assignee
    grievance.save(update_fields=["assignee", "updated_at"])
    event_write(grievance, actor=actor, action="reassigned", message=message)
    return grievance


def _assign_is_a_move(status: str) -> bool:
    try:
        transition_for(status, Action.ASSIGN, Actor.OFFICER)
    except IllegalTransition:
        return False
    return True


@transaction.atomic
def grievance_merge(*, duplicate_id: int, primary_id: int, actor) -> Grievance:
    """Close a duplicate into the grievance that carries the matter.

    The duplicate is closed and points at the primary (`merged_into`), both timelines record
    it, and the duplicate's MSME is told by a message in its thread (e-mailed after commit).
    Merging is an officer's decision outside the MSME's workflow, so it is not a transition.
    """
    primary = _merge_primary(duplicate_id=duplicate_id, primary_id=primary_id, actor=actor)
    duplicate = grievance_lock(duplicate_id)
    if duplicate.merged_into_id is not None or duplicate.status in {
        Status.CLOSED,
        Status.APPEAL_DECIDED,
    }:
        raise TransitionRefused(_("This grievance is already closed."))
    from_status, counted = duplicate.status, tally_key(duplicate)
    duplicate.merged_into = primary
    duplicate.status = Status.CLOSED
    duplicate.closed_at = timezone.now()
    duplicate.paused_at = None
    duplicate.save(update_fields=["merged_into", "status", "closed_at", "paused_at", "updated_at"])
    tally_moved(before=counted, after=tally_key(duplicate))
    _merge_record(duplicate, primary, actor=actor, from_status=from_status)
    return duplicate


def _merge_primary(*, duplicate_id: int, primary_id: int, actor) -> Grievance:
    """The grievance to keep, once the actor may merge and the pair is possible."""
    seen = grievance_get_for_user(user=actor, grievance_id=duplicate_id)
    require(actor, Can.GRIEVANCE_MERGE, seen)
    primary = grievance_get_for_user(user=actor, grievance_id=primary_id)
    if duplicate_id == primary_id:
        message = _("A grievance cannot be merged into itself.")
        raise ValidationFailed(message, errors={"primary": [message]})
    if primary.merged_into_id is not None:
        message = _("%(number)s was itself merged into another grievance.") % {
            "number": primary.registration_number
        }
        raise ValidationFailed(message, errors={"primary": [message]})
    return primary


def _merge_record(duplicate: Grievance, primary: Grievance, *, actor, from_status: str) -> None:
    """Both timelines, the hook, and the message that tells the duplicate's MSME."""
    numbers = {"duplicate": duplicate.registration_number, "primary": primary.registration_number}
    event_write(
        duplicate,
        actor=actor,
        action="merged",
        from_status=from_status,
        to_status=Status.CLOSED,
        message=(
            gettext_noop("Merged into %(primary)s, which deals with the same matter."),
            numbers,
        ),
    )
    event_write(
        primary,
        actor=actor,
        action="merged_in",
        message=(gettext_noop("%(duplicate)s merged into this."), numbers),
    )
    hooks.grievance_event_emit(
        duplicate, "merged", note=_("Merged into %(primary)s.") % {"primary": numbers["primary"]}
    )
    notice = Message.objects.create(
        grievance=duplicate,
        author=actor,
        body=_(
            "Your grievance %(duplicate)s deals with the same matter as grievance %(primary)s, "
            "so it has been closed and merged into %(primary)s."
        )
        % numbers,
    )
    from .. import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    transaction.on_commit(lambda: tasks.notify_message_task.enqueue(notice.pk))
