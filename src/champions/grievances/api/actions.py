"""One grievance: read it, and act on it (workflow, thread, rating, transfer, referral, files)."""

from django.http import HttpRequest
from ninja import File, Status
from ninja.files import UploadedFile

from champions.core.fields import DbId
from champions.core.schemas import ErrorOut

from .. import selectors, services
from ..models import Grievance
from .common import act
from .router import operation_id, router
from .schemas import (
    AttachmentOut,
    GrievanceDetailOut,
    GrievanceOut,
    MessageIn,
    MessageOut,
    RatingIn,
    ReferralIn,
    TransferIn,
    TransitionIn,
)


def _detail_out(detail: selectors.GrievanceDetail) -> Grievance:
    """The grievance carrying what the selector let this user see, for GrievanceDetailOut."""
    grievance = detail.grievance
    grievance.visible_timeline = detail.timeline
    grievance.visible_messages = detail.messages
    grievance.visible_attachments = detail.attachments
    return grievance


@router.get(
    "/{grievance_id}",
    response={200: GrievanceDetailOut, 404: ErrorOut},
    summary="A grievance with its timeline, thread, attachments and your possible actions",
    operation_id=operation_id("grievance_detail"),
)
def grievance_detail(request: HttpRequest, grievance_id: DbId):
    detail = selectors.grievance_detail_get_for_user(user=request.user, grievance_id=grievance_id)
    return Status(200, _detail_out(detail))


@router.post(
    "/{grievance_id}/transitions",
    response={200: GrievanceOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Take a workflow action (assign, start, resolve, reopen, appeal...)",
    operation_id=operation_id("grievance_transition"),
)
def grievance_transition(request: HttpRequest, grievance_id: DbId, payload: TransitionIn):
    return act(services.grievance_transition, request, grievance_id, payload)


@router.post(
    "/{grievance_id}/messages",
    response={201: MessageOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Write in the grievance's thread",
    operation_id=operation_id("grievance_message_add"),
)
def grievance_message_add(request: HttpRequest, grievance_id: DbId, payload: MessageIn):
    return act(
        services.grievance_message_add,
        request,
        grievance_id,
        payload,
        status=201,
        internal="is_internal",
    )


@router.post(
    "/{grievance_id}/rating",
    response={200: GrievanceOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Rate a resolved grievance 1-5 (closes it; after 1 or 2 an appeal is offered)",
    operation_id=operation_id("grievance_rate"),
)
def grievance_rate(request: HttpRequest, grievance_id: DbId, payload: RatingIn):
    return act(services.grievance_rate, request, grievance_id, payload)


@router.post(
    "/{grievance_id}/transfer",
    response={200: GrievanceOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Send a grievance to another control room (officers; at most three times)",
    operation_id=operation_id("grievance_transfer"),
)
def grievance_transfer(request: HttpRequest, grievance_id: DbId, payload: TransferIn):
    return act(services.grievance_transfer, request, grievance_id, payload)


@router.post(
    "/{grievance_id}/referral",
    response={200: GrievanceOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Refer a grievance to another department or ministry (officers; resolves it here)",
    description=(
        "Allowed while the grievance is assigned, in progress, awaiting the MSME or reopened. "
        'It is resolved with the note "Referred to <organisation>: <reason>"; the MSME is '
        "told and may reopen or rate it."
    ),
    operation_id=operation_id("grievance_refer"),
)
def grievance_refer(request: HttpRequest, grievance_id: DbId, payload: ReferralIn):
    return act(services.grievance_refer, request, grievance_id, payload)


@router.post(
    "/{grievance_id}/attachments",
    response={201: list[AttachmentOut], 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Attach PDF, JPG or PNG files (at most five, 5 MB each)",
    operation_id=operation_id("grievance_attachments_add"),
)
def grievance_attachments_add(
    request: HttpRequest, grievance_id: DbId, files: File[list[UploadedFile]]
):
    grievance = selectors.grievance_get_for_user(user=request.user, grievance_id=grievance_id)
    stored = services.attachments_add(grievance=grievance, files=files, actor=request.user)
    return Status(201, stored)
