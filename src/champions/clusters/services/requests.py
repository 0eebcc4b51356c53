"""Service requests to technology centres: a unit asks, the centre quotes, schedules and
completes, the unit rates. Centre staff act only on their own centre's queue."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.core.errors import ValidationFailed
from champions.notifications.choices import NotificationKind
from champions.notifications.services import notify
from champions.registry.selectors import enterprise_get_for_user

from ..centres import centre_is_working
from ..choices import OPEN_REQUEST_STATUSES, RequestKind, RequestStatus, ServiceKind
from ..errors import PermissionDenied
from ..models import CentreService, ServiceRequest
from ..selectors.requests import service_request_get_for_user, user_centre_id
from ..uploads import original_name, upload_check


@dataclass(frozen=True)
class RequestInput:
    service_id: int
    enterprise_id: int
    note: str
    quantity: int = 1


def _fail(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, errors={field: [message]})


@transaction.atomic
def service_request_create(*, actor, data: RequestInput, upload=None) -> ServiceRequest:
    """A unit's representative asks a working centre for a job or a training seat."""
    enterprise = enterprise_get_for_user(user=actor, enterprise_id=data.enterprise_id)
    service = CentreService.objects.select_related("centre").filter(pk=data.service_id).first()
    if service is None or not centre_is_working(service.centre.status):
        raise _fail("service", _("Choose a service the centre offers."))
    if not data.note.strip():
        raise _fail("note", _("Say what you need."))
    if not 1 <= data.quantity <= 10_000:
        raise _fail("quantity", _("Enter a number from 1 to 10,000."))
    kind = RequestKind.TRAINING_SEAT if service.kind == ServiceKind.TRAINING else RequestKind.JOB
    request = ServiceRequest(
        centre=service.centre,
        service=service,
        enterprise=enterprise,
        requested_by=actor,
        kind=kind,
        note=data.note.strip(),
        quantity=data.quantity,
    )
    if upload is not None:
        content_type, stored_name = upload_check(upload, field="attachment")
        request.attachment_name = original_name(upload)
        request.attachment_type = content_type
        request.attachment.save(stored_name, upload, save=False)
    request.save()
    return request


def _staff_request(*, actor, request_id: int, allowed: set[str]) -> ServiceRequest:
    request = service_request_get_for_user(user=actor, request_id=request_id, for_update=True)
    if user_centre_id(actor) != request.centre_id:
        raise PermissionDenied(_("Only the centre's staff may do this."))
    if request.status not in allowed:
        raise ValidationFailed(
            _("This request is %(status)s; that cannot be done now.")
            % {"status": request.get_status_display().lower()},
            errors={"status": [_("Not possible in this state.")]},
        )
    return request


def _tell_unit(request: ServiceRequest, title: str) -> None:
    notify(
        recipient_user=request.requested_by,
        kind=NotificationKind.SERVICE_REQUEST_UPDATED,
        title=title,
        body=f"{request.centre.short_name}, {request.centre.city}: {request.service.name}",
        link=reverse("web:clusters:request_detail", args=[request.pk]),
        idempotency_key=f"service-request-{request.pk}-{request.status}",
    )


@transaction.atomic
def service_request_quote(
    *, actor, request_id: int, quote_inr: int, note: str = ""
) -> ServiceRequest:
    request = _staff_request(actor=actor, request_id=request_id, allowed={RequestStatus.REQUESTED})
    if not 0 < quote_inr <= 100_000_000:
        raise _fail("quote_inr", _("Enter a price from ₹1 to ₹10 crore."))
    request.quote_inr = quote_inr
    request.staff_note = note.strip()
    request.status = RequestStatus.QUOTED
    request.quoted_at = timezone.now()
    request.save()
    _tell_unit(request, _("Your request has a quote"))
    return request


@transaction.atomic
def service_request_schedule(*, actor, request_id: int, scheduled_for: date) -> ServiceRequest:
    request = _staff_request(actor=actor, request_id=request_id, allowed={RequestStatus.QUOTED})
    if scheduled_for < timezone.localdate():
        raise _fail("scheduled_for", _("Choose today or a later day."))
    request.scheduled_for = scheduled_for
    request.status = RequestStatus.SCHEDULED
    request.save()
    _tell_unit(request, _("Your request is scheduled"))
    return request


@transaction.atomic
def service_request_complete(*, actor, request_id: int, note: str = "") -> ServiceRequest:
    request = _staff_request(actor=actor, request_id=request_id, allowed={RequestStatus.SCHEDULED})
    request.status = RequestStatus.COMPLETED
    request.completed_at = timezone.now()
    if note.strip():
        request.staff_note = note.strip()
    request.save()
    _tell_unit(request, _("Your request is completed"))
    return request


@transaction.atomic
def service_request_decline(*, actor, request_id: int, note: str) -> ServiceRequest:
    request = _staff_request(actor=actor, request_id=request_id, allowed=set(OPEN_REQUEST_STATUSES))
    if not note.strip():
        raise _fail("note", _("Say why the centre cannot take it."))
    request.status = RequestStatus.DECLINED
    request.staff_note = note.strip()
    request.save()
    _tell_unit(request, _("The centre cannot take your request"))
    return request


@transaction.atomic
def service_request_rate(*, actor, request_id: int, rating: int, note: str = "") -> ServiceRequest:
    """The unit that asked rates a completed request, once."""
    request = service_request_get_for_user(user=actor, request_id=request_id, for_update=True)
    if request.requested_by_id != actor.pk:
        raise PermissionDenied(_("Only the person who asked may rate it."))
    if request.status != RequestStatus.COMPLETED or request.rating is not None:
        raise _fail("rating", _("Only a completed request can be rated, once."))
    if not 1 <= rating <= 5:
        raise _fail("rating", _("Choose from 1 to 5 stars."))
    request.rating = rating
    request.rating_note = note.strip()
    request.save(update_fields=["rating", "rating_note"])
    return request
