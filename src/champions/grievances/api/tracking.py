"""Reads beside the list: public tracking, the referral list, attachment downloads."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Status

from champions.core.errors import NotFound
from champions.core.fields import DbId
from champions.core.http import file_download
from champions.core.schemas import ErrorOut
from champions.core.throttles import track_throttles

from .. import selectors
from ..attachments.services import SIGNATURES
from .router import operation_id, router
from .schemas import (
    TrackOut,
    TrackQuery,
    track_out,
)


@router.get(
    "/track",
    response={200: TrackOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    auth=None,
    throttle=track_throttles(),
    summary="Track a grievance with its number and the registered mobile or e-mail",
    operation_id=operation_id("grievance_track"),
)
def grievance_track(request: HttpRequest, query: Query[TrackQuery]):
    result = selectors.grievance_track_result(
        registration_number=query.number, contact=query.contact
    )
    if result is None:
        # The same answer whether the number exists or not, so numbers cannot be probed.
        raise NotFound(_("No grievance matches this number and contact."))
    return Status(200, track_out(result))


@router.get(
    "/referral-organisations",
    response={200: list[str]},
    summary="The departments and ministries a grievance can be referred to",
    description="The CPGRAMS organisation list (DARPG open data), plus the State Government.",
    operation_id=operation_id("referral_organisation_list"),
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
                    for _magic, content_type, _extension in SIGNATURES
                },
            }
        }
    },
    operation_id=operation_id("attachment_download"),
)
def attachment_download(request: HttpRequest, attachment_id: DbId):
    attachment = selectors.attachment_get_for_user(user=request.user, attachment_id=attachment_id)
    return file_download(
        attachment.file, name=attachment.original_name, content_type=attachment.content_type
    )
