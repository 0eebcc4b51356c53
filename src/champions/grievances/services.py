"""Writes for grievances: lodging, routing, the workflow, the thread, feedback and transfers."""

from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.selectors import (
    user_is_entrepreneur,
    user_is_officer,
    user_sees_whole_country,
)
from champions.controlrooms.selectors import control_room_get, hub_get, room_for_district
from champions.core.errors import DomainError, NotFound, ValidationFailed
from champions.registry.selectors import enterprise_get_for_user

from . import selectors, tasks
from .choices import (
    OFFICER_INTAKE_CHANNELS,
    Category,
    Channel,
    ComplainantType,
    Kind,
    Priority,
    SlaState,
    Status,
)
from .models import Grievance, IdempotencyKey, Message, RegistrationCounter, TimelineEntry
from .sla import add_working_days, shift_for_pause
from .workflow import (
    MAX_TRANSFERS,
    POOR_RATING_MAX,
    Action,
    Actor,
    IllegalTransition,
    transition_for,
)

MAX_DESCRIPTION = 10000


class TransitionRefused(DomainError):
    status = 409
    code = "illegal_transition"


@dataclass
class GrievanceInput:
    subject: str
    description: str
    kind: str = Kind.GRIEVANCE
    complainant_type: str = ComplainantType.ENTERPRISE
    enterprise_id: int | None = None
    category: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    district_id: int | None = None
    is_national: bool = False
    attachments: list = field(default_factory=list)


def _errors(data: GrievanceInput, *, channel: str, actor) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not data.subject.strip():
        errors["subject"] = [_("This field is required.")]
    elif len(data.subject) > 200:
        errors["subject"] = [_("At most 200 characters.")]
    if not data.description.strip():
        errors["description"] = [_("This field is required.")]
    elif len(data.description) > MAX_DESCRIPTION:
        errors["description"] = [_("At most 10,000 characters.")]
    if data.kind not in Kind.values:
        errors["kind"] = [_("Choose grievance or suggestion.")]
    if data.category and data.category not in Category.values:
        errors["category"] = [_("Unknown category.")]
    if data.complainant_type not in ComplainantType.values:
        errors["complainant_type"] = [_("Unknown type of complainant.")]
    if (
        data.complainant_type == ComplainantType.ENTERPRISE
        and data.enterprise_id is None
        and data.kind == Kind.GRIEVANCE
    ):
        errors["enterprise"] = [_("Choose the enterprise this grievance is about.")]
    if channel in OFFICER_INTAKE_CHANNELS:
        if not data.contact_name.strip():
            errors["contact_name"] = [_("Record the name of the person who called or wrote.")]
        if not (data.contact_email.strip() or data.contact_phone.strip()):
            errors["contact_phone"] = [_("Record a mobile number or an e-mail address.")]
    if data.contact_phone and not (data.contact_phone.isdigit() and len(data.contact_phone) == 10):
        errors["contact_phone"] = [_("A mobile number has 10 digits.")]
    return errors


def _registration_number(*, year: int, code: str) -> str:
    """CHMP/<year>/<state code or HQ>/<7-digit serial>, e.g. CHMP/2026/MH/0001234."""
    counter, _created = RegistrationCounter.objects.get_or_create(year=year, code=code)
    RegistrationCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    counter.refresh_from_db(fields=["last"])
    return f"CHMP/{year}/{code}/{counter.last:07d}"


def _route(*, data: GrievanceInput, district_id: int | None):
    """The spoke covering the district; the hub for suggestions and national grievances."""
    if data.kind == Kind.SUGGESTION or data.is_national or district_id is None:
        return hub_get()
    return room_for_district(district_id=district_id) or hub_get()


def _set_due_dates(grievance: Grievance) -> None:
    if grievance.kind == Kind.SUGGESTION:
        return  # suggestions are acknowledged, but run no SLA clock
    policy = selectors.sla_policy_for(category=grievance.category, priority=grievance.priority)
    calendar = selectors.calendar_for(state_id=grievance.state_id)
    start = grievance.lodged_at
    grievance.assign_due_at = add_working_days(start, policy.assign_days, calendar)
    grievance.escalate_due_at = add_working_days(start, policy.escalate_days, calendar)
    grievance.resolution_due_at = add_working_days(start, policy.resolve_days, calendar)


def _event(
    grievance: Grievance,
    *,
    actor,
    action: str,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
    is_internal: bool = False,
) -> None:
    TimelineEntry.objects.create(
        grievance=grievance,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        is_internal=is_internal,
    )


@dataclass(frozen=True)
class LodgeResult:
    grievance: Grievance
    replayed: bool  # True when an Idempotency-Key matched an earlier request


def grievance_lodge(
    *, actor, data: GrievanceInput, channel: str = Channel.WEB, idempotency_key: str | None = None
) -> LodgeResult:
    """Lodge a grievance or suggestion; with an idempotency key a retry returns the first."""
    key = (idempotency_key or "").strip()[:100]
    if key:
        earlier = (
            IdempotencyKey.objects.filter(user=actor, key=key).select_related("grievance").first()
        )
        if earlier is not None:
            return LodgeResult(earlier.grievance, replayed=True)
    try:
        grievance = _lodge(actor=actor, data=data, channel=channel, key=key)
    except IntegrityError:
        # A concurrent request with the same key won the race: answer with its grievance.
        earlier = IdempotencyKey.objects.filter(user=actor, key=key).first()
        if not key or earlier is None:
            raise
        return LodgeResult(earlier.grievance, replayed=True)
    return LodgeResult(grievance, replayed=False)


@transaction.atomic
def _lodge(*, actor, data: GrievanceInput, channel: str, key: str) -> Grievance:
    is_officer = user_is_officer(actor)
    if channel in OFFICER_INTAKE_CHANNELS and not is_officer:
        raise DomainError(
            _("Only officers record grievances received by phone, e-mail or letter."),
            status=403,
            code="permission_denied",
        )
    if not (is_officer or user_is_entrepreneur(actor)):
        raise DomainError(_("You may not lodge grievances."), status=403, code="permission_denied")
    errors = _errors(data, channel=channel, actor=actor)
    enterprise = None
    if data.enterprise_id is not None and "enterprise" not in errors:
        try:
            enterprise = enterprise_get_for_user(user=actor, enterprise_id=data.enterprise_id)
        except NotFound:
            errors["enterprise"] = [_("Choose one of your enterprises.")]
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    district_id = enterprise.district_id if enterprise else data.district_id
    room = _route(data=data, district_id=district_id)
    state = enterprise.state if enterprise else None
    now = timezone.now()
    grievance = Grievance(
        kind=data.kind,
        channel=channel,
        complainant_type=data.complainant_type,
        enterprise=enterprise,
        complainant=None if is_officer else actor,
        lodged_by=actor,
        contact_name=(data.contact_name or getattr(actor, "full_name", "") or actor.email)[:150],
        contact_email=(data.contact_email or ("" if is_officer else actor.email)).lower(),
        contact_phone=data.contact_phone or ("" if is_officer else actor.phone),
        subject=data.subject.strip(),
        description=data.description.strip(),
        category=data.category or Category.OTHER,
        priority=Priority.NORMAL,
        state=state,
        district_id=district_id,
        room=room,
        lodged_at=now,
        sla_state=SlaState.NONE if data.kind == Kind.SUGGESTION else SlaState.ON_TRACK,
        registration_number=_registration_number(
            year=timezone.localdate(now).year, code=state.udyam_code if state else "HQ"
        ),
    )
    _set_due_dates(grievance)
    grievance.save()
    if key:
        IdempotencyKey.objects.create(user=actor, key=key, grievance=grievance)
    _event(
        grievance,
        actor=actor,
        action="lodged",
        to_status=Status.SUBMITTED,
        note=_("Lodged by %(channel)s, routed to %(room)s.")
        % {"channel": Channel(channel).label, "room": room.name},
    )
    transaction.on_commit(lambda: tasks.send_acknowledgement_task.enqueue(grievance.pk))
    return grievance


def _lock(grievance_id: int) -> Grievance:
    qs = Grievance.objects.filter(pk=grievance_id)
    if connection.vendor == "postgresql":
        qs = qs.select_for_update()
    return qs.get()


def actor_kind(*, user, grievance: Grievance) -> Actor | None:
    """How the user stands to this grievance in the workflow (None: not at all)."""
    if user_is_officer(user):
        if (
            user_sees_whole_country(user)
            and user.role in {"hub_officer", "administrator"}
            and grievance.status == Status.APPEALED
        ):
            return Actor.APPELLATE
        return Actor.OFFICER
    if user_is_entrepreneur(user):
        return Actor.MSME
    return None


@transaction.atomic
def grievance_transition(*, grievance_id: int, action: str, actor, note: str = "") -> Grievance:
    """Apply one workflow action under a row lock; an illegal move changes nothing."""
    selectors.grievance_get_for_user(user=actor, grievance_id=grievance_id)  # scope: 404
    grievance = _lock(grievance_id)
    kind = actor_kind(user=actor, grievance=grievance)
    try:
        move = transition_for(grievance.status, action, kind) if kind else None
    except IllegalTransition as exc:
        raise TransitionRefused(str(exc)) from exc
    if move is None:
        raise TransitionRefused(_("You cannot act on this grievance."))
    if move.needs_note and not note.strip():
        raise ValidationFailed(_("Please add a note."), errors={"note": [_("A note is needed.")]})
    now = timezone.now()
    from_status = grievance.status
    _apply_side_effects(grievance, action=Action(action), actor=actor, now=now)
    grievance.status = move.to
    grievance.save()
    _event(
        grievance,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=move.to,
        note=note.strip(),
    )
    transaction.on_commit(lambda: tasks.notify_status_change_task.enqueue(grievance.pk))
    return grievance


def _apply_side_effects(grievance: Grievance, *, action: Action, actor, now) -> None:
    if action == Action.ASSIGN and grievance.assignee_id is None and user_is_officer(actor):
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
    if action == Action.RESOLVE:
        grievance.resolved_at = now
    if action == Action.REOPEN:
        grievance.resolved_at = None
    if action == Action.CLOSE:
        grievance.closed_at = now
    if action == Action.APPEAL:
        policy = selectors.sla_policy_for(category=grievance.category, priority=grievance.priority)
        grievance.appeal_due_at = add_working_days(
            now, policy.appeal_days, selectors.calendar_for(state_id=grievance.state_id)
        )
        grievance.room = hub_get()


@transaction.atomic
def grievance_rate(*, grievance_id: int, actor, rating: int, comment: str = "") -> Grievance:
    """The MSME rates a resolved grievance 1-5; it closes, and a poor rating opens an appeal."""
    if not 1 <= rating <= 5:
        raise ValidationFailed(_("Rate from 1 to 5."), errors={"rating": [_("Rate from 1 to 5.")]})
    grievance = grievance_transition(
        grievance_id=grievance_id, action=Action.CLOSE, actor=actor, note=comment
    )
    grievance.rating = rating
    grievance.feedback = comment.strip()
    grievance.save(update_fields=["rating", "feedback", "updated_at"])
    if rating <= POOR_RATING_MAX:
        grievance = grievance_transition(
            grievance_id=grievance_id,
            action=Action.APPEAL,
            actor=actor,
            note=comment.strip() or _("Rated %(rating)s out of 5.") % {"rating": rating},
        )
    return grievance


@transaction.atomic
def grievance_transfer(*, grievance_id: int, room_id: int, actor, reason: str) -> Grievance:
    """Send a grievance to another control room, at most three times (the CPGRAMS rule)."""
    selectors.grievance_get_for_user(user=actor, grievance_id=grievance_id)
    if not user_is_officer(actor):
        raise NotFound("No such grievance.")
    if not reason.strip():
        raise ValidationFailed(_("Give a reason."), errors={"reason": [_("Give a reason.")]})
    grievance = _lock(grievance_id)
    target = control_room_get(room_id=room_id)
    if grievance.transfer_count >= MAX_TRANSFERS and not user_sees_whole_country(actor):
        raise TransitionRefused(
            _("This grievance has been transferred three times; the hub decides where it goes.")
        )
    previous = grievance.room
    grievance.room = target
    grievance.assignee = None
    grievance.transfer_count += 1
    if grievance.status not in {Status.SUBMITTED, Status.RESOLVED, Status.CLOSED}:
        grievance.status = (
            Status.SUBMITTED if grievance.status == Status.ASSIGNED else grievance.status
        )
    grievance.save()
    _event(
        grievance,
        actor=actor,
        action="transferred",
        note=_("%(from)s → %(to)s: %(reason)s")
        % {"from": previous.name, "to": target.name, "reason": reason.strip()},
    )
    return grievance


@transaction.atomic
def grievance_message_add(
    *, grievance_id: int, actor, body: str, is_internal: bool = False
) -> Message:
    """Add to the thread; only officers may write internal notes."""
    grievance = selectors.grievance_get_for_user(user=actor, grievance_id=grievance_id)
    if not body.strip():
        raise ValidationFailed(_("Write a message."), errors={"body": [_("Write a message.")]})
    if len(body) > MAX_DESCRIPTION:
        raise ValidationFailed(
            _("At most 10,000 characters."), errors={"body": [_("At most 10,000 characters.")]}
        )
    if is_internal and not user_is_officer(actor):
        is_internal = False
    message = Message.objects.create(
        grievance=grievance, author=actor, body=body.strip(), is_internal=is_internal
    )
    _event(
        grievance, actor=actor, action="note" if is_internal else "message", is_internal=is_internal
    )
    if not is_internal:
        transaction.on_commit(lambda: tasks.notify_message_task.enqueue(message.pk))
    return message
