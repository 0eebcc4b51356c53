"""What the grievance endpoints read and answer (ninja schemas)."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Schema
from pydantic import StrictBool, StrictInt, field_validator

from champions.core.fields import NOT_BLANK, BodyId, Cursor, DbId

from .. import selectors, services
from ..choices import Category, Channel, ComplainantType, Kind, Priority, SlaState
from ..choices import Status as State
from ..models import Grievance, Message, TimelineEntry
from ..workflow.table import Action, actions_for

IntakeChannel = Literal["api", "phone", "video", "email", "letter"]


def expected_resolution(due: datetime | None) -> date | None:
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
        return expected_resolution(obj.resolution_due_at)

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

    def lodging(self) -> dict:
        """What `grievance_lodge` takes from the body: the input and the channel."""
        return {"data": self.to_input(), "channel": Channel(self.channel)}


class GrievanceListQuery(Schema):
    """The work queue's filters (`GrievanceQueueFilterSet`, as on the officers' page), a cursor
    and a page size."""

    status: State | None = None
    category: Category | None = None
    priority: Priority | None = None
    sla_state: SlaState | None = None
    channel: Channel | None = None
    kind: Kind | None = None
    language: Literal["en", "hi", "hinglish"] | None = None
    room: DbId | None = Field(None, description="A control room id.")
    view: Literal["mine", "unassigned", "due_soon", "overdue", "awaiting_owner"] | None = Field(
        None, description="A saved view: mine, unassigned, due in 2 days, overdue, awaiting MSME."
    )
    q: str | None = Field(
        None,
        max_length=100,
        description="A registration number prefix (`CHMP/...`), or words of the MSME's name, "
        "the contact, the subject or the description.",
    )
    min_age: int | None = Field(None, ge=0, le=3650, description="At least this many days old.")
    max_age: int | None = Field(None, ge=0, le=3650, description="At most this many days old.")
    sort: Literal["newest", "oldest", "due"] = Field(
        "newest", description="Newest or oldest first, or the resolution due soonest first."
    )
    after: Cursor | None = Field(None, description="Cursor: the rows after this id in `sort`.")
    before: Cursor | None = Field(None, description="Cursor: the rows before this id in `sort`.")
    size: int = Field(25, ge=1, le=100)

    def filters(self) -> dict:
        """The FilterSet's part of the query (cursor and size are the pager's)."""
        values = self.model_dump(exclude={"after", "before", "size"})
        return {name: value for name, value in values.items() if value not in (None, "")}


class GrievancePageOut(Schema):
    items: list[GrievanceOut]
    next_cursor: int | None
    previous_cursor: int | None
    counts: dict[str, int] = Field(
        ..., description="Grievances per status matching every filter except `status`."
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


class TransitionIn(Schema):
    action: Action
    note: str = Field("", max_length=services.MAX_DESCRIPTION)


class MessageIn(Schema):
    body: str = Field(..., max_length=services.MAX_DESCRIPTION)
    internal: StrictBool = Field(False, description="An officers-only note (ignored for others).")


class RatingIn(Schema):
    rating: StrictInt = Field(..., ge=1, le=5)
    comment: str = Field("", max_length=2000)


class TransferIn(Schema):
    room_id: BodyId
    reason: str = Field(..., max_length=2000)
    from_room_id: BodyId | None = Field(
        None,
        description=(
            "The room the grievance was in when you looked: if someone has moved it since, "
            "the transfer is refused with 409 instead of moving it again."
        ),
    )


class ReferralIn(Schema):
    organisation: str = Field(
        ...,
        max_length=200,
        description="A name from `GET /referral-organisations`.",
        examples=["Banking"],
    )
    reason: str = Field(..., max_length=2000)


def track_out(result: selectors.TrackResult) -> dict:
    grievance = result.grievance
    return {
        "registration_number": grievance.registration_number,
        "kind": grievance.kind,
        "status": grievance.status,
        "lodged_at": grievance.lodged_at,
        "expected_resolution_date": expected_resolution(grievance.resolution_due_at),
        "timeline": result.timeline,
    }


def page_out(queue: selectors.QueueResult) -> dict:
    page = queue.page
    return {
        "items": page.items,
        "next_cursor": page.next_cursor,
        "previous_cursor": page.previous_cursor,
        "counts": queue.counts,
    }
