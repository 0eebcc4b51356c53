"""Lodging a grievance or suggestion: checks, routing, numbering, due dates."""

from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from champions.accounts.policy import Action as Can
from champions.accounts.policy import can, require
from champions.accounts.selectors import user_is_officer
from champions.controlrooms.selectors import hub_get, room_for_district
from champions.core.enqueue import enqueue_on_commit
from champions.core.errors import Forbidden, NotFound, ValidationFailed
from champions.core.selectors import district_exists
from champions.registry.selectors import enterprise_get_for_user

from .. import hooks
from ..attachments.services import attachments_add
from ..choices import (
    OFFICER_INTAKE_CHANNELS,
    Category,
    Channel,
    ComplainantType,
    FieldSource,
    Kind,
    Priority,
    SlaState,
    Status,
)
from ..models import (
    Grievance,
    IdempotencyKey,
    RegistrationCounter,
)
from ..numbering import grievance_place
from ..queue.tallies import tally_key, tally_moved
from ..records import english, event_write
from ..sla.clock import add_working_days
from ..sla.selectors import calendar_for, sla_policy_for

MAX_DESCRIPTION = 10000


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
    serial = _serial_next(year=year, code=code)
    if serial is None:  # the first of its year and code
        RegistrationCounter.objects.get_or_create(year=year, code=code)
        serial = _serial_next(year=year, code=code)
    return f"CHMP/{year}/{code}/{serial:07d}"


def _serial_next(*, year: int, code: str) -> int | None:
    """The counter's next serial in one statement (UPDATE ... RETURNING, on PostgreSQL and
    SQLite 3.35+), None when the counter is not there yet. The row stays locked until the
    lodging commits, so serials are never given twice."""
    quote = connection.ops.quote_name
    table, last = quote(RegistrationCounter._meta.db_table), quote("last")
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {last} = {last} + 1 "  # noqa: S608 - names, not input
            f"WHERE {quote('year')} = %s AND {quote('code')} = %s RETURNING {last}",
            [year, code],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def _route(*, data: GrievanceInput, district_id: int | None):
    """The spoke covering the district; the hub for suggestions and national grievances."""
    if data.kind == Kind.SUGGESTION or data.is_national or district_id is None:
        return hub_get()
    return room_for_district(district_id=district_id) or hub_get()


def _set_due_dates(grievance: Grievance) -> None:
    if grievance.kind == Kind.SUGGESTION:
        return  # suggestions are acknowledged, but run no SLA clock
    policy = sla_policy_for(category=grievance.category, priority=grievance.priority)
    calendar = calendar_for(state_id=grievance.state_id)
    start = grievance.lodged_at
    grievance.assign_due_at = add_working_days(start, policy.assign_days, calendar)
    grievance.escalate_due_at = add_working_days(start, policy.escalate_days, calendar)
    grievance.resolution_due_at = add_working_days(start, policy.resolve_days, calendar)


@dataclass(frozen=True)
class LodgeResult:
    grievance: Grievance
    replayed: bool  # True when an Idempotency-Key matched an earlier request


def grievance_lodge(
    *, actor, data: GrievanceInput, channel: str = Channel.WEB, idempotency_key: str | None = None
) -> LodgeResult:
    """Lodge a grievance or suggestion; with an idempotency key a retry returns the first."""
    key = (idempotency_key or "").strip()[:100]
    # No lookup first: the key's unique constraint (user, key) refuses a retry inside the
    # lodging's transaction, which then rolls back whole; only a retry pays for the lookup.
    try:
        grievance = _lodge(actor=actor, data=data, channel=channel, key=key)
    except IntegrityError:
        # An earlier (or concurrent) request with the same key won: answer with its grievance.
        earlier = (
            IdempotencyKey.objects.filter(user=actor, key=key).select_related("grievance").first()
        )
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


def _checked_enterprise(*, actor, data: GrievanceInput, channel: str):
    """The enterprise lodged for (None without one), once every input is checked."""
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
    return enterprise


def _new_grievance(*, actor, data: GrievanceInput, channel: str, enterprise) -> Grievance:
    """The grievance as lodged: routed, numbered and with its due dates (not saved yet)."""
    is_officer = user_is_officer(actor)
    district_id = enterprise.district_id if enterprise else data.district_id
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
        room=_route(data=data, district_id=district_id),
        lodged_at=now,
        sla_state=SlaState.NONE if data.kind == Kind.SUGGESTION else SlaState.ON_TRACK,
        registration_number=_registration_number(year=timezone.localdate(now).year, code=code),
    )
    if data.category:
        grievance.category_source = FieldSource.COMPLAINANT
    _set_due_dates(grievance)
    return grievance


@transaction.atomic
def _lodge(*, actor, data: GrievanceInput, channel: str, key: str) -> Grievance:
    enterprise = _checked_enterprise(actor=actor, data=data, channel=channel)
    grievance = _new_grievance(actor=actor, data=data, channel=channel, enterprise=enterprise)
    grievance.save()
    tally_moved(before=None, after=tally_key(grievance))
    if key:
        IdempotencyKey.objects.create(user=actor, key=key, grievance=grievance)
    event_write(
        grievance,
        actor=actor,
        action="lodged",
        to_status=Status.SUBMITTED,
        message=(
            gettext_noop("Lodged by %(channel)s, routed to %(room)s."),
            {"channel": english(Channel(channel).label), "room": grievance.room.name},
        ),
        starts_chain=True,  # the grievance was inserted just above, in this transaction
    )
    hooks.grievance_event_emit(grievance, "lodged")
    from .. import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    # Started only if this commits (its row written in this transaction with the database
    # backend), off the request path, one task: the acknowledgement, then the AI triage (it
    # fills the category, priority (and so the due dates) and department where nobody chose
    # them, then embeds the grievance).
    enqueue_on_commit(tasks.grievance_lodged_task, grievance.pk)
    return grievance


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
        attachments_add(grievance=result.grievance, files=files, actor=actor)
    return result
