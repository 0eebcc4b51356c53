"""Writes for grievances: lodging, routing, the workflow, the thread, feedback, transfers and
referrals; and the hub's service levels and holiday calendar."""

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can, conflict_of_interest, refusal_message, require
from champions.accounts.selectors import user_is_officer, user_sees_whole_country
from champions.controlrooms.selectors import control_room_get, hub_get, room_for_district
from champions.core.errors import DomainError, Forbidden, NotFound, ValidationFailed
from champions.core.selectors import district_exists, state_list
from champions.registry.selectors import enterprise_get_for_user

from . import attachments, hooks, predictions, selectors, tasks
from .choices import (
    OFFICER_INTAKE_CHANNELS,
    OPEN_STATUSES,
    Category,
    Channel,
    ComplainantType,
    FieldSource,
    Kind,
    Priority,
    SlaState,
    Status,
    TriageField,
)
from .models import (
    MAX_SLA_DAYS,
    Grievance,
    Holiday,
    IdempotencyKey,
    Message,
    RegistrationCounter,
    SlaPolicy,
    TimelineEntry,
    TriageOverride,
)
from .numbering import grievance_place
from .rerouting import grievances_reroute as grievances_reroute  # the network changed
from .sla import add_working_days, shift_for_pause
from .workflow import (
    MAX_TRANSFERS,
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
    if data.district_id is not None and not district_exists(district_id=data.district_id):
        errors["district_id"] = [_("Unknown district.")]
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
    message: tuple[str, dict] | None = None,
) -> None:
    """One timeline entry. System-written words come as `message`: an English message id
    (marked with gettext_noop) and its values, rendered in each reader's language."""
    message_id, params = message or ("", {})
    TimelineEntry.objects.create(
        grievance=grievance,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=(message_id % params) if message_id else note,
        message={"id": message_id, "params": params} if message_id else {},
        is_internal=is_internal,
    )


def _english(label) -> str:
    """A label's English words (a message parameter, translated again when read)."""
    with translation.override("en"):
        return str(label)


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
            return _replay(earlier.grievance, data)
    try:
        grievance = _lodge(actor=actor, data=data, channel=channel, key=key)
    except IntegrityError:
        # A concurrent request with the same key won the race: answer with its grievance.
        earlier = IdempotencyKey.objects.filter(user=actor, key=key).first()
        if not key or earlier is None:
            raise
        return _replay(earlier.grievance, data)
    return LodgeResult(grievance, replayed=False)


def _replay(grievance: Grievance, data: GrievanceInput) -> LodgeResult:
    """The first grievance for a retried key; a key reused for a different request is refused.

    Compared: what the client wrote and chose (not what triage or routing decided since).
    """
    same = (
        grievance.subject == data.subject.strip()
        and grievance.description == data.description.strip()
        and grievance.kind == data.kind
        and grievance.complainant_type == data.complainant_type
        and grievance.enterprise_id == data.enterprise_id
        and (data.enterprise_id is not None or grievance.district_id == data.district_id)
    )
    if not same:
        message = _("This Idempotency-Key was already used for a different grievance.")
        raise ValidationFailed(
            message, code="idempotency_key_reused", errors={"Idempotency-Key": [message]}
        )
    return LodgeResult(grievance, replayed=True)


@transaction.atomic
def _lodge(*, actor, data: GrievanceInput, channel: str, key: str) -> Grievance:
    is_officer = user_is_officer(actor)
    if channel in OFFICER_INTAKE_CHANNELS and not can(actor, Can.GRIEVANCE_INTAKE):
        raise Forbidden(_("Only officers record grievances received by phone, e-mail or letter."))
    require(actor, Can.GRIEVANCE_LODGE)
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
    state, code = grievance_place(
        district_id=district_id, enterprise=enterprise, is_national=data.is_national
    )
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
        registration_number=_registration_number(year=timezone.localdate(now).year, code=code),
    )
    if data.category:
        grievance.category_source = FieldSource.COMPLAINANT
    _set_due_dates(grievance)
    grievance.save()
    if key:
        IdempotencyKey.objects.create(user=actor, key=key, grievance=grievance)
    _event(
        grievance,
        actor=actor,
        action="lodged",
        to_status=Status.SUBMITTED,
        message=(
            gettext_noop("Lodged by %(channel)s, routed to %(room)s."),
            {"channel": _english(Channel(channel).label), "room": room.name},
        ),
    )
    hooks.grievance_event_emit(grievance, "lodged")
    transaction.on_commit(lambda: tasks.send_acknowledgement_task.enqueue(grievance.pk))
    # AI triage runs after commit, off the request path: it fills the category, priority (and
    # so the due dates) and department where nobody chose them, then embeds the grievance.
    transaction.on_commit(lambda: tasks.grievance_triage_task.enqueue(grievance.pk))
    return grievance


def _lock(grievance_id: int) -> Grievance:
    qs = Grievance.objects.filter(pk=grievance_id)
    if connection.vendor == "postgresql":
        qs = qs.select_for_update()
    return qs.get()


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
    """Apply one workflow action under a row lock; an illegal move changes nothing."""
    selectors.grievance_get_for_user(user=actor, grievance_id=grievance_id)  # scope: 404
    if action == Action.REFER:
        # A referral must name the organisation, which only `grievance_refer` records.
        raise TransitionRefused(
            _("A referral names the department or ministry: use the referral form.")
        )
    return _move(grievance_id=grievance_id, action=action, actor=actor, note=note)


def _move(*, grievance_id: int, action: str, actor, note: str, referred_to: str = "") -> Grievance:
    """The workflow move itself, for callers that have checked the scope."""
    grievance = _lock(grievance_id)
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
    now = timezone.now()
    from_status = grievance.status
    _apply_side_effects(grievance, action=Action(action), actor=actor, now=now)
    if action == Action.REFER:
        grievance.referred_to = referred_to
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
    hooks.grievance_event_emit(grievance, action, note=note.strip())
    transaction.on_commit(lambda: tasks.notify_status_change_task.enqueue(grievance.pk))
    return grievance


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
        policy = selectors.sla_policy_for(category=grievance.category, priority=grievance.priority)
        grievance.appeal_due_at = add_working_days(
            now, policy.appeal_days, selectors.calendar_for(state_id=grievance.state_id)
        )
        grievance.room = hub_get()


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
def grievance_transfer(*, grievance_id: int, room_id: int, actor, reason: str) -> Grievance:
    """Send a grievance to another control room, at most three times (the CPGRAMS rule)."""
    seen = selectors.grievance_get_for_user(user=actor, grievance_id=grievance_id)
    require(actor, Can.GRIEVANCE_TRANSFER, seen)
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
        message=(
            gettext_noop("%(from)s → %(to)s: %(reason)s"),
            {"from": previous.name, "to": target.name, "reason": reason.strip()},
        ),
    )
    hooks.grievance_event_emit(grievance, "transferred", note=reason.strip())
    return grievance


@transaction.atomic
def grievance_refer(*, grievance_id: int, actor, organisation: str, reason: str) -> Grievance:
    """Refer a matter to another department or ministry (officers in scope).

    The grievance is resolved here with the note "Referred to <organisation>: <reason>", so the
    MSME is told and can still reopen or rate it; the organisation is kept in `referred_to`.
    """
    seen = selectors.grievance_get_for_user(user=actor, grievance_id=grievance_id)  # scope: 404
    require(actor, Can.GRIEVANCE_REFER, seen)
    errors: dict[str, list[str]] = {}
    if organisation not in selectors.referral_organisation_list():
        errors["organisation"] = [_("Choose a department or ministry from the list.")]
    if not reason.strip():
        errors["reason"] = [_("Give a reason.")]
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    note = _("Referred to %(organisation)s: %(reason)s") % {
        "organisation": organisation,
        "reason": reason.strip(),
    }
    return _move(
        grievance_id=grievance_id,
        action=Action.REFER,
        actor=actor,
        note=note,
        referred_to=organisation,
    )


@transaction.atomic
def grievance_message_add(
    *, grievance_id: int, actor, body: str, is_internal: bool = False
) -> Message:
    """Add to the thread; only officers may write internal notes."""
    grievance = selectors.grievance_get_for_user(user=actor, grievance_id=grievance_id)
    require(actor, Can.GRIEVANCE_MESSAGE, grievance)
    if not body.strip():
        raise ValidationFailed(_("Write a message."), errors={"body": [_("Write a message.")]})
    if len(body) > MAX_DESCRIPTION:
        raise ValidationFailed(
            _("At most 10,000 characters."), errors={"body": [_("At most 10,000 characters.")]}
        )
    if is_internal and not can(actor, Can.GRIEVANCE_NOTE_INTERNAL, grievance):
        is_internal = False
    message = Message.objects.create(
        grievance=grievance, author=actor, body=body.strip(), is_internal=is_internal
    )
    if grievance.status == Status.AWAITING_MSME and can(actor, Can.GRIEVANCE_RESPOND, grievance):
        # The MSME's answer to the officer's question is the reply: the clock starts again.
        grievance = _move(grievance_id=grievance.pk, action=Action.MSME_REPLY, actor=actor, note="")
    _event(
        grievance, actor=actor, action="note" if is_internal else "message", is_internal=is_internal
    )
    if not is_internal:
        transaction.on_commit(lambda: tasks.message_triage_task.enqueue(message.pk))
        transaction.on_commit(lambda: tasks.notify_message_task.enqueue(message.pk))
    return message


# --- Web pages: lodging and messages with files, named assignment, bulk work, merging ----------

BULK_LIMIT = 100


@transaction.atomic
def grievance_lodge_with_attachments(
    *,
    actor,
    data: GrievanceInput,
    files: list,
    channel: str = Channel.WEB,
    idempotency_key: str | None = None,
) -> LodgeResult:
    """Lodge and attach the files in one transaction: a refused file leaves no grievance.
    A replayed lodging (same key) attaches nothing again."""
    result = grievance_lodge(
        actor=actor, data=data, channel=channel, idempotency_key=idempotency_key
    )
    if files and not result.replayed:
        attachments.attachments_add(grievance=result.grievance, files=files, actor=actor)
    return result


@transaction.atomic
def grievance_message_add_with_attachments(
    *, grievance_id: int, actor, body: str, is_internal: bool = False, files: list
) -> Message:
    """A message and its files (up to five), stored together or not at all."""
    message = grievance_message_add(
        grievance_id=grievance_id, actor=actor, body=body, is_internal=is_internal
    )
    if files:
        attachments.attachments_add(
            grievance=message.grievance, files=files, actor=actor, message=message
        )
    return message


@transaction.atomic
def grievance_assign_to(*, grievance_id: int, assignee_id: int, actor) -> Grievance:
    """Make a named officer of the holding room (or a hub officer) responsible.

    From submitted, assigned or reopened this is the workflow's `assign`; an open grievance
    further on (in progress, awaiting the MSME, appealed) only changes hands.
    """
    seen = selectors.grievance_get_for_user(user=actor, grievance_id=grievance_id)  # scope: 404
    require(actor, Can.GRIEVANCE_ASSIGN, seen)
    grievance = _lock(grievance_id)
    assignee = selectors.officer_get(user_id=assignee_id)
    if not selectors.officer_can_take(user=assignee, room_id=grievance.room_id):
        message = _("Choose an officer of %(room)s.") % {"room": grievance.room.name}
        raise ValidationFailed(message, errors={"assignee": [message]})
    note = _("Assigned to %(name)s.") % {"name": assignee.full_name or assignee.email}
    if _assign_is_a_move(grievance.status):
        grievance.assignee = assignee
        grievance.save(update_fields=["assignee", "updated_at"])
        return grievance_transition(
            grievance_id=grievance_id, action=Action.ASSIGN, actor=actor, note=note
        )
    if grievance.status not in OPEN_STATUSES:
        raise TransitionRefused(
            _("A grievance that is %(status)s cannot be assigned.")
            % {"status": grievance.get_status_display().lower()}
        )
    grievance.assignee = assignee
    grievance.save(update_fields=["assignee", "updated_at"])
    _event(grievance, actor=actor, action="reassigned", note=note)
    return grievance


def _assign_is_a_move(status: str) -> bool:
    try:
        transition_for(status, Action.ASSIGN, Actor.OFFICER)
    except IllegalTransition:
        return False
    return True


@dataclass(frozen=True)
class BulkResult:
    done: list[Grievance]
    refused: list[tuple[int, str]]  # (grievance id, the service's message)


def _bulk(grievance_ids: list[int], operation) -> BulkResult:
    if len(grievance_ids) > BULK_LIMIT:
        message = _("Choose at most %(count)s grievances at a time.") % {"count": BULK_LIMIT}
        raise ValidationFailed(message, errors={"ids": [message]})
    done: list[Grievance] = []
    refused: list[tuple[int, str]] = []
    for grievance_id in dict.fromkeys(grievance_ids):
        # Each service runs in its own savepoint, so a refusal undoes only its own changes.
        try:
            done.append(operation(grievance_id))
        except DomainError as exc:
            refused.append((grievance_id, exc.message))
    return BulkResult(done=done, refused=refused)


@transaction.atomic
def grievances_bulk_assign_to_me(*, grievance_ids: list[int], actor) -> BulkResult:
    """Assign each grievance to the acting officer; those that cannot be are reported."""
    return _bulk(
        grievance_ids,
        lambda grievance_id: grievance_assign_to(
            grievance_id=grievance_id, assignee_id=actor.pk, actor=actor
        ),
    )


@transaction.atomic
def grievances_bulk_transfer(
    *, grievance_ids: list[int], room_id: int, actor, reason: str
) -> BulkResult:
    """Transfer each grievance to one room with one reason; refusals are reported."""
    if not reason.strip():
        raise ValidationFailed(_("Give a reason."), errors={"reason": [_("Give a reason.")]})
    try:
        control_room_get(room_id=room_id)
    except NotFound as exc:
        raise ValidationFailed(exc.message, errors={"room": [_("Choose a control room.")]}) from exc
    return _bulk(
        grievance_ids,
        lambda grievance_id: grievance_transfer(
            grievance_id=grievance_id, room_id=room_id, actor=actor, reason=reason
        ),
    )


@transaction.atomic
def grievance_merge(*, duplicate_id: int, primary_id: int, actor) -> Grievance:
    """Close a duplicate into the grievance that carries the matter.

    The duplicate is closed and points at the primary (`merged_into`), both timelines record
    it, and the duplicate's MSME is told by a message in its thread (e-mailed after commit).
    Merging is an officer's decision outside the MSME's workflow, so it is not a transition.
    """
    seen = selectors.grievance_get_for_user(user=actor, grievance_id=duplicate_id)
    require(actor, Can.GRIEVANCE_MERGE, seen)
    primary = selectors.grievance_get_for_user(user=actor, grievance_id=primary_id)
    if duplicate_id == primary_id:
        message = _("A grievance cannot be merged into itself.")
        raise ValidationFailed(message, errors={"primary": [message]})
    if primary.merged_into_id is not None:
        message = _("%(number)s was itself merged into another grievance.") % {
            "number": primary.registration_number
        }
        raise ValidationFailed(message, errors={"primary": [message]})
    duplicate = _lock(duplicate_id)
    if duplicate.merged_into_id is not None or duplicate.status in {
        Status.CLOSED,
        Status.APPEAL_DECIDED,
    }:
        raise TransitionRefused(_("This grievance is already closed."))
    from_status = duplicate.status
    duplicate.merged_into = primary
    duplicate.status = Status.CLOSED
    duplicate.closed_at = timezone.now()
    duplicate.paused_at = None
    duplicate.save(update_fields=["merged_into", "status", "closed_at", "paused_at", "updated_at"])
    numbers = {"duplicate": duplicate.registration_number, "primary": primary.registration_number}
    _event(
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
    _event(
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
    transaction.on_commit(lambda: tasks.notify_message_task.enqueue(notice.pk))
    return duplicate


# --- AI triage: an officer accepts or overrides a prediction -----------------------------------

# The Triage column each reviewed field compares with (priority is predicted as urgency).
PREDICTED_COLUMN = {
    TriageField.CATEGORY: "category",
    TriageField.DEPARTMENT: "department",
    TriageField.PRIORITY: "urgency",
}


class NothingToReview(DomainError):
    status = 409
    code = "no_prediction"


def _triage_choice_errors(field: str, chosen: str) -> dict[str, list[str]]:
    if field not in TriageField.values:
        return {"field": [_("Choose the category, the department or the priority.")]}
    allowed = {
        TriageField.CATEGORY: Category.values,
        TriageField.PRIORITY: Priority.values,
        TriageField.DEPARTMENT: selectors.referral_organisation_list(),
    }[TriageField(field)]
    if chosen not in allowed:
        return {"chosen": [_("Choose one of the values in the list.")]}
    return {}


def triage_value_label(field: str, value: str) -> str:
    """How a category, priority or department value reads to a person."""
    if field == TriageField.CATEGORY and value in Category.values:
        return str(Category(value).label)
    if field == TriageField.PRIORITY and value in Priority.values:
        return str(Priority(value).label)
    return value


def _model_version(versions, column: str) -> str:
    if isinstance(versions, dict):
        return str(versions.get(column) or versions.get("version") or "")[:100]
    return str(versions or "")[:100]


@transaction.atomic
def grievance_triage_decide(*, grievance_id: int, actor, field: str, chosen: str) -> TriageOverride:
    """An officer accepts a prediction (`chosen` is the predicted value) or overrides it.

    The grievance takes the chosen value, the decision is kept with the prediction and the
    model version (it is a training example for the next `champions triage train`), and the
    internal timeline records it. Officers in scope only; anyone else gets a 404.
    """
    seen = selectors.grievance_get_for_user(user=actor, grievance_id=grievance_id)  # scope: 404
    require(actor, Can.TRIAGE_DECIDE, seen)
    errors = _triage_choice_errors(field, chosen)
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    triage = predictions.current_triage(grievance_id)
    if triage is None:
        raise NothingToReview(_("There is no AI prediction for this grievance yet."))
    grievance = _lock(grievance_id)
    column = PREDICTED_COLUMN[TriageField(field)]
    predicted = getattr(triage, column)
    setattr(grievance, field, chosen)
    setattr(grievance, f"{field}_source", FieldSource.OFFICER)
    grievance.save(update_fields=[field, f"{field}_source", "updated_at"])
    decision = TriageOverride.objects.create(
        grievance=grievance,
        triage=triage,
        field=field,
        predicted=predicted,
        chosen=chosen,
        officer=actor,
        model_version=_model_version(triage.model_versions, column),
    )
    with translation.override("en"):
        values = {
            "field": str(TriageField(field).label),
            "chosen": triage_value_label(field, chosen),
            "predicted": triage_value_label(field, predicted),
        }
    if decision.is_override:
        msgid = gettext_noop("%(field)s set to %(chosen)s; the AI had suggested %(predicted)s.")
    else:
        msgid = gettext_noop("AI suggestion accepted for the %(field)s: %(chosen)s.")
    action = "triage_override" if decision.is_override else "triage_accept"
    _event(grievance, actor=actor, action=action, message=(msgid, values), is_internal=True)
    return decision


# --- Service levels and the holiday calendar, kept by the hub ----------------------------------
# Due dates are stored when a grievance is lodged (and an appeal opened), so a change here
# applies to grievances lodged from then on; due dates already set stay as they are.

SLA_DAY_FIELDS = ("assign_days", "escalate_days", "resolve_days", "appeal_days")


class DefaultPolicyKept(DomainError):
    status = 409
    code = "default_policy"


def _require_hub(actor) -> None:
    require(actor, Can.SLA_EDIT)


@dataclass(frozen=True)
class SlaPolicyInput:
    category: str  # blank: any category
    priority: str  # blank: any priority
    assign_days: int
    escalate_days: int
    resolve_days: int
    appeal_days: int


def _sla_policy_errors(policy: SlaPolicy, data: SlaPolicyInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.category and data.category not in Category.values:
        errors["category"] = [_("Unknown category.")]
    if data.priority and data.priority not in Priority.values:
        errors["priority"] = [_("Unknown priority.")]
    for name in SLA_DAY_FIELDS:
        value = getattr(data, name)
        if not isinstance(value, int) or not 1 <= value <= MAX_SLA_DAYS:
            errors[name] = [_("From 1 to %(max)s working days.") % {"max": MAX_SLA_DAYS}]
    if not errors.keys() & {"assign_days", "escalate_days", "resolve_days"}:
        # Assignment and escalation are steps on the way to a resolution.
        for name in ("assign_days", "escalate_days"):
            if getattr(data, name) > data.resolve_days:
                errors[name] = [_("At most the working days to resolve.")]
    is_default = policy.pk is not None and not (policy.category or policy.priority)
    if is_default and (data.category or data.priority):
        errors["category"] = [
            _("The default policy applies to any category and priority; add a new policy.")
        ]
    elif (
        "category" not in errors
        and SlaPolicy.objects.filter(category=data.category, priority=data.priority)
        .exclude(pk=policy.pk)
        .exists()
    ):
        errors["category"] = [_("There is a policy for this category and priority already.")]
    return errors


@transaction.atomic
def sla_policy_save(*, actor, data: SlaPolicyInput, policy_id: int | None = None) -> SlaPolicy:
    """Add a policy for a category and priority (blank: any), or change one (hub only)."""
    _require_hub(actor)
    policy = SlaPolicy() if policy_id is None else selectors.sla_policy_get(policy_id=policy_id)
    errors = _sla_policy_errors(policy, data)
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    for name in ("category", "priority", *SLA_DAY_FIELDS):
        setattr(policy, name, getattr(data, name))
    policy.full_clean()
    policy.save()
    return policy


@transaction.atomic
def sla_policy_delete(*, actor, policy_id: int) -> None:
    """Delete a policy (hub only); the (any, any) default stays, so every grievance has one."""
    _require_hub(actor)
    policy = selectors.sla_policy_get(policy_id=policy_id)
    if not (policy.category or policy.priority):
        raise DefaultPolicyKept(_("The default policy cannot be deleted; change its days instead."))
    policy.delete()


@transaction.atomic
def holiday_add(*, actor, day: date | None, name: str, state_id: int | None = None) -> Holiday:
    """Add a national holiday (no state) or a holiday of one state to the calendar (hub only)."""
    _require_hub(actor)
    errors: dict[str, list[str]] = {}
    if day is None:
        errors["day"] = [_("Give the date.")]
    if not name.strip():
        errors["name"] = [_("This field is required.")]
    elif len(name.strip()) > 100:
        errors["name"] = [_("At most 100 characters.")]
    if state_id is not None and state_id not in {state.pk for state in state_list()}:
        errors["state"] = [_("Unknown state.")]
    if not errors:
        # NULL never equals NULL, so the unique constraint does not stop a second national
        # holiday on a day: check both cases here.
        same_day = Holiday.objects.filter(day=day)
        if same_day.filter(state__isnull=True).exists():
            errors["day"] = [_("This day is a national holiday already.")]
        elif state_id is not None and same_day.filter(state_id=state_id).exists():
            errors["day"] = [_("This day is a holiday in this state already.")]
    if errors:
        raise ValidationFailed(_("Please correct the errors below."), errors=errors)
    holiday = Holiday(day=day, name=name.strip(), state_id=state_id)
    holiday.full_clean()
    holiday.save()
    return holiday


@transaction.atomic
def holiday_delete(*, actor, holiday_id: int) -> None:
    """Take a day off the holiday calendar (hub only)."""
    _require_hub(actor)
    deleted, _rows = Holiday.objects.filter(pk=holiday_id).delete()
    if not deleted:
        raise NotFound("No such holiday.")
