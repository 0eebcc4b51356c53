"""The grievance page: timeline, thread, files, and what officers see besides."""

from dataclasses import dataclass

from champions.accounts.selectors import (
    user_is_officer,
)
from champions.controlrooms.selectors import control_room_list

from ..models import (
    Attachment,
    CannedReply,
    Grievance,
    Message,
    TimelineEntry,
)
from ..queue.selectors import room_officer_list
from ..scope import grievance_get_for_user
from ..triage_link.selectors import TriagePanel, triage_panel_get


def canned_reply_list() -> list[CannedReply]:
    return list(CannedReply.objects.all())


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
        triage=triage_panel_get(grievance=grievance, user=user) if is_officer else None,
    )


GRIEVANCE_PERSONAL_FIELDS = (
    "registration_number",
    "subject",
    "description",
    "contact_name",
    "contact_email",
    "contact_phone",
    "category",
    "status",
    "lodged_at",
    "resolved_at",
    "closed_at",
    "feedback",
)


def grievance_personal_data(*, user) -> list[dict]:
    """The grievances the user lodged or is the complainant of, with the thread they can see
    (internal notes left out), for the DPDP "download my data" file."""
    grievances = list(
        Grievance.objects.filter(complainant=user).values("pk", *GRIEVANCE_PERSONAL_FIELDS)
    )
    messages = Message.objects.filter(
        grievance_id__in=[g["pk"] for g in grievances], is_internal=False
    ).values("grievance_id", "author_id", "body", "created_at")
    by_grievance: dict[int, list[dict]] = {}
    for message in messages:
        by_grievance.setdefault(message["grievance_id"], []).append(
            {
                "from_you": message["author_id"] == user.pk,
                "body": message["body"],
                "at": message["created_at"],
            }
        )
    return [
        {**{k: v for k, v in g.items() if k != "pk"}, "messages": by_grievance.get(g["pk"], [])}
        for g in grievances
    ]
