"""Grievance endpoints under /api/v1/grievances: lodge, list, act on, and track grievances."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Header, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import StrictBool, StrictInt, field_validator

from champions.core.errors import NotFound
from champions.core.fields import NOT_BLANK, BodyId, Cursor, DbId
from champions.core.pagination import keyset_page, prefix_q
from champions.core.schemas import ErrorOut
from champions.core.throttles import track_throttles

from . import attachments, selectors, services
from .choices import Category, Channel, ComplainantType, Kind, Priority, SlaState
from .choices import Status as State
from .filters import GrievanceQueueFilterSet
from .models import Grievance, Message, TimelineEntry
from .workflow import Action, actions_for

router = Router()

IntakeChannel = Literal["api", "phone", "video", "email", "letter"]


def _expected_resolution(due: datetime | None) -> date | None:
    return timezone.localdate(due) if due else None


class RoomOut(Schema):
    id: int
    name: str


class PersonOut(Schema):
    id: int
    full_name: str


class GrievanceOut(Schema):
    id: int
    registration_number: str
    kind: str
    channel: str
    subject: str
    category: str
    priority: str
    status: str
    sla_state: str
    escalation_level: int
    room: RoomOut
    assignee: PersonOut | None
    enterprise_id: int | None
    cpgrams_number: str | None = Field(
        None,
        description="The registration number CPGRAMS gave this grievance, once it acknowledged "
        "it (null before).",
    )
    lodged_at: datetime
    resolution_due_at: datetime | None
    expected_resolution_date: date | None = Field(
        None, description="The resolution due date in India (IST)."
    )
    actions: list[str] = Field(
        default_factory=list, description="The workflow actions you may take now."
    )

    @staticmethod
    def resolve_expected_resolution_date(obj: Grievance) -> date | None:
        return _expected_resolution(obj.resolution_due_at)

    @staticmethod
    def resolve_actions(obj: Grievance, context) -> list[str]:
        kind = services.actor_kind(user=context["request"].user, grievance=obj)
        return [str(action) for action in actions_for(obj.status, kind)] if kind else []


class TimelineEntryOut(Schema):
    id: int
    action: str
    from_status: str
    to_status: str
    note: str
    internal: bool
    actor: PersonOut | None
    created_at: datetime

    @staticmethod
    def resolve_internal(obj: TimelineEntry) -> bool:
        return obj.is_internal


class MessageOut(Schema):
    id: int
    body: str
    internal: bool
    author: PersonOut | None
    created_at: datetime

    @staticmethod
    def resolve_internal(obj: Message) -> bool:
        return obj.is_internal


class AttachmentOut(Schema):
    id: int
    message_id: int | None
    original_name: str
    content_type: str
    size: int
    created_at: datetime
    download_url: str

    @staticmethod
    def resolve_download_url(obj) -> str:
        return reverse("api:grievance_attachment_download", kwargs={"attachment_id": obj.pk})


class GrievanceDetailOut(GrievanceOut):
    complainant_type: str
    contact_name: str
    contact_email: str
    contact_phone: str
    description: str
    state_id: int | None
    district_id: int | None
    transfer_count: int
    referred_to: str = Field(
        ..., description="The department or ministry the grievance was referred to, if any."
    )
    assign_due_at: datetime | None
    appeal_due_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    rating: int | None
    feedback: str
    timeline: list[TimelineEntryOut] = Field(
        default_factory=list, description="Internal entries are shown to officers only."
    )
    messages: list[MessageOut] = Field(
        default_factory=list, description="Internal notes are shown to officers only."
    )
    attachments: list[AttachmentOut] = Field(default_factory=list)

    @staticmethod
    def resolve_timeline(obj) -> list:
        return obj.visible_timeline

    @staticmethod
    def resolve_messages(obj) -> list:
        return obj.visible_messages

    @staticmethod
    def resolve_attachments(obj) -> list:
        return obj.visible_attachments


def _detail_out(detail: selectors.GrievanceDetail) -> Grievance:
    """The grievance carrying what the selector let this user see, for GrievanceDetailOut."""
    grievance = detail.grievance
    grievance.visible_timeline = detail.timeline
    grievance.visible_messages = detail.messages
    grievance.visible_attachments = detail.attachments
    return grievance


class GrievanceIn(Schema):
    """What a client may set. Status, room, assignee, priority and the number are not here."""

    subject: str = Field(..., max_length=200, json_schema_extra=NOT_BLANK)
    description: str = Field(..., max_length=services.MAX_DESCRIPTION, json_schema_extra=NOT_BLANK)
    kind: Kind = Kind.GRIEVANCE
    complainant_type: ComplainantType = ComplainantType.ENTERPRISE
    enterprise_id: BodyId | None = None
    category: Category | None = None
    district_id: BodyId | None = Field(None, description="Where it arose, when there is no unit.")
    is_national: StrictBool = Field(False, description="Sends it to the hub instead of a spoke.")
    channel: IntakeChannel = Field(
        "api", description="phone, video, email or letter: officers recording an intake."
    )
    contact_name: str = Field("", max_length=150)
    contact_email: str = Field("", max_length=254)
    contact_phone: str = Field("", max_length=15, examples=["9876543210"])

    @field_validator("contact_email")
    @classmethod
    def check_email(cls, value: str) -> str:
        value = value.strip()
        if value:
            try:
                validate_email(value)
            except DjangoValidationError as exc:
                raise ValueError("Enter a valid e-mail address.") from exc
        return value

    def to_input(self) -> services.GrievanceInput:
        values = self.model_dump(exclude={"channel"})
        values["category"] = values["category"] or ""
        return services.GrievanceInput(**values)


@router.post(
    "",
    response={200: GrievanceOut, 201: GrievanceOut, 403: ErrorOut, 422: ErrorOut},
    summary="Lodge a grievance or suggestion",
    description=(
        "Send an `Idempotency-Key` header to retry safely: a repeated key answers 200 with "
        "the first grievance and `Idempotent-Replayed: true` instead of creating another. "
        "The same key with a different subject, description, kind, complainant type, "
        "enterprise or district answers 422 with code `idempotency_key_reused`."
    ),
)
def grievance_lodge(
    request: HttpRequest,
    response: HttpResponse,
    payload: GrievanceIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=100),
):
    result = services.grievance_lodge(
        actor=request.user,
        data=payload.to_input(),
        channel=Channel(payload.channel),
        idempotency_key=idempotency_key,
    )
    if result.replayed:
        response["Idempotent-Replayed"] = "true"
        return Status(200, result.grievance)
    return Status(201, result.grievance)


class GrievanceListQuery(Schema):
    status: State | None = None
    category: Category | None = None
    priority: Priority | None = None
    sla_state: SlaState | None = None
    channel: Channel | None = None
    kind: Kind | None = None
    room: DbId | None = Field(None, description="A control room id.")
    view: Literal["mine", "unassigned", "due_soon", "overdue", "awaiting_owner"] | None = Field(
        None, description="A saved view: mine, unassigned, due in 2 days, overdue, awaiting MSME."
    )
    q: str | None = Field(None, max_length=24, description="A registration number prefix.")
    after: Cursor | None = Field(None, description="Cursor: rows older than this id.")
    before: Cursor | None = Field(None, description="Cursor: rows newer than this id.")
    size: int = Field(25, ge=1, le=100)


class GrievancePageOut(Schema):
    items: list[GrievanceOut]
    next_cursor: int | None
    previous_cursor: int | None
    counts: dict[str, int] = Field(
        ..., description="Grievances per status matching every filter except `status`."
    )


QUEUE_FILTERS = ("category", "priority", "sla_state", "channel", "kind", "view")


def _filtered(qs: QuerySet, query: GrievanceListQuery, request=None) -> QuerySet:
    """Every filter but `status` (the counts per status follow the others)."""
    params = {name: getattr(query, name) for name in QUEUE_FILTERS if getattr(query, name)}
    qs = GrievanceQueueFilterSet(params, queryset=qs, request=request).qs
    if query.room is not None:
        qs = qs.filter(room_id=query.room)
    if query.q and query.q.strip():
        qs = qs.filter(prefix_q("registration_number", query.q.strip().upper()))
    return qs


@router.get(
    "",
    response={200: GrievancePageOut, 422: ErrorOut},
    summary="List the grievances you may see, filtered, newest first",
)
def grievance_list(request: HttpRequest, query: Query[GrievanceListQuery]):
    qs = _filtered(selectors.grievance_queryset_for_user(user=request.user), query, request)
    narrowed = any(getattr(query, name) for name in QUEUE_FILTERS) or bool(
        query.q and query.q.strip()
    )
    counts = selectors.queue_counts_for_user(
        user=request.user, qs=qs, narrowed=narrowed, room_id=query.room
    )
    if query.status is not None:
        qs = qs.filter(status=query.status)
    page = keyset_page(
        qs.select_related("room", "assignee"),
        after=query.after,
        before=query.before,
        size=query.size,
    )
    return Status(
        200,
        {
            "items": page.items,
            "next_cursor": page.next_cursor,
            "previous_cursor": page.previous_cursor,
            "counts": counts,
        },
    )


class PublicTimelineEntryOut(Schema):
    action: str
    from_status: str
    to_status: str
    created_at: datetime


class TrackOut(Schema):
    registration_number: str
    kind: str
    status: str
    lodged_at: datetime
    expected_resolution_date: date | None
    timeline: list[PublicTimelineEntryOut] = Field(
        ..., description="Public entries only, without notes."
    )


class TrackQuery(Schema):
    number: str = Field(..., max_length=24, examples=["CHMP/2026/MH/0001234"])
    contact: str = Field(..., max_length=254, description="The registered mobile or e-mail.")


@router.get(
    "/track",
    response={200: TrackOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    auth=None,
    throttle=track_throttles(),
    summary="Track a grievance with its number and the registered mobile or e-mail",
)
def grievance_track(request: HttpRequest, query: Query[TrackQuery]):
    result = selectors.grievance_track_result(
        registration_number=query.number, contact=query.contact
    )
    if result is None:
        # The same answer whether the number exists or not, so numbers cannot be probed.
        raise NotFound(_("No grievance matches this number and contact."))
    grievance = result.grievance
    return Status(
        200,
        {
            "registration_number": grievance.registration_number,
            "kind": grievance.kind,
            "status": grievance.status,
            "lodged_at": grievance.lodged_at,
            "expected_resolution_date": _expected_resolution(grievance.resolution_due_at),
            "timeline": result.timeline,
        },
    )


@router.get(
    "/referral-organisations",
    response={200: list[str]},
    summary="The departments and ministries a grievance can be referred to",
    description="The CPGRAMS organisation list (DARPG open data), plus the State Government.",
)
def referral_organisation_list(request: HttpRequest):
    return Status(200, list(selectors.referral_organisation_list()))


@router.get(
    "/attachments/{attachment_id}",
    response={404: ErrorOut},
    url_name="grievance_attachment_download",
    summary="Download an attachment",
    openapi_extra={
        "responses": {
            200: {
                "description": "The file, as a download.",
                "content": {
                    content_type: {"schema": {"type": "string", "format": "binary"}}
                    for _magic, content_type, _extension in attachments.SIGNATURES
                },
            }
        }
    },
)
def attachment_download(request: HttpRequest, attachment_id: DbId):
    attachment = attachments.attachment_get_for_user(user=request.user, attachment_id=attachment_id)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@router.get(
    "/{grievance_id}",
    response={200: GrievanceDetailOut, 404: ErrorOut},
    summary="A grievance with its timeline, thread, attachments and your possible actions",
)
def grievance_detail(request: HttpRequest, grievance_id: DbId):
    detail = selectors.grievance_detail_get_for_user(user=request.user, grievance_id=grievance_id)
    return Status(200, _detail_out(detail))


class TransitionIn(Schema):
    action: Action
    note: str = Field("", max_length=services.MAX_DESCRIPTION)


@router.post(
    "/{grievance_id}/transitions",
    response={200: GrievanceOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Take a workflow action (assign, start, resolve, reopen, appeal...)",
)
def grievance_transition(request: HttpRequest, grievance_id: DbId, payload: TransitionIn):
    grievance = services.grievance_transition(
        grievance_id=grievance_id, action=payload.action, actor=request.user, note=payload.note
    )
    return Status(200, grievance)


class MessageIn(Schema):
    body: str = Field(..., max_length=services.MAX_DESCRIPTION)
    internal: StrictBool = Field(False, description="An officers-only note (ignored for others).")


@router.post(
    "/{grievance_id}/messages",
    response={201: MessageOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Write in the grievance's thread",
)
def grievance_message_add(request: HttpRequest, grievance_id: DbId, payload: MessageIn):
    message = services.grievance_message_add(
        grievance_id=grievance_id,
        actor=request.user,
        body=payload.body,
        is_internal=payload.internal,
    )
    return Status(201, message)


class RatingIn(Schema):
    rating: StrictInt = Field(..., ge=1, le=5)
    comment: str = Field("", max_length=2000)


@router.post(
    "/{grievance_id}/rating",
    response={200: GrievanceOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Rate a resolved grievance 1-5 (closes it; after 1 or 2 an appeal is offered)",
)
def grievance_rate(request: HttpRequest, grievance_id: DbId, payload: RatingIn):
    grievance = services.grievance_rate(
        grievance_id=grievance_id,
        actor=request.user,
        rating=payload.rating,
        comment=payload.comment,
    )
    return Status(200, grievance)


class TransferIn(Schema):
    room_id: BodyId
    reason: str = Field(..., max_length=2000)


@router.post(
    "/{grievance_id}/transfer",
    response={200: GrievanceOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Send a grievance to another control room (officers; at most three times)",
)
def grievance_transfer(request: HttpRequest, grievance_id: DbId, payload: TransferIn):
    grievance = services.grievance_transfer(
        grievance_id=grievance_id,
        room_id=payload.room_id,
        actor=request.user,
        reason=payload.reason,
    )
    return Status(200, grievance)


class ReferralIn(Schema):
    organisation: str = Field(
        ...,
        max_length=200,
        description="A name from `GET /referral-organisations`.",
        examples=["Banking"],
    )
    reason: str = Field(..., max_length=2000)


@router.post(
    "/{grievance_id}/referral",
    response={200: GrievanceOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Refer a grievance to another department or ministry (officers; resolves it here)",
    description=(
        "Allowed while the grievance is assigned, in progress, awaiting the MSME or reopened. "
        'It is resolved with the note "Referred to <organisation>: <reason>"; the MSME is '
        "told and may reopen or rate it."
    ),
)
def grievance_refer(request: HttpRequest, grievance_id: DbId, payload: ReferralIn):
    grievance = services.grievance_refer(
        grievance_id=grievance_id,
        actor=request.user,
        organisation=payload.organisation,
        reason=payload.reason,
    )
    return Status(200, grievance)


@router.post(
    "/{grievance_id}/attachments",
    response={201: list[AttachmentOut], 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Attach PDF, JPG or PNG files (at most five, 5 MB each)",
)
def grievance_attachments_add(
    request: HttpRequest, grievance_id: DbId, files: File[list[UploadedFile]]
):
    grievance = selectors.grievance_get_for_user(user=request.user, grievance_id=grievance_id)
    stored = attachments.attachments_add(grievance=grievance, files=files, actor=request.user)
    return Status(201, stored)
