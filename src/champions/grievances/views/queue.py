"""'My grievances', the officers' work queue and its bulk actions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from champions.accounts.policy import Action as Can
from champions.accounts.policy import officer_required, permission_required
from champions.accounts.selectors import user_is_entrepreneur, user_is_officer
from champions.controlrooms.selectors import control_room_list
from champions.core.errors import ValidationFailed
from champions.core.http import cursor_param as _cursor
from champions.core.pagination import keyset_page

from .. import selectors, services
from ..forms.actions import BulkForm
from ..sop_links import sop_section_for_queue
from .common import show_refusal
from .labels import BULK_DONE


@login_required
@require_GET
def grievance_list_view(request):
    """'My grievances' for an entrepreneur; officers work from the queue."""
    if user_is_officer(request.user):
        return redirect("web:grievances:queue")
    if not user_is_entrepreneur(request.user):
        raise Http404
    page = keyset_page(
        selectors.grievance_list_for_user(user=request.user),
        after=_cursor(request, "after"),
        before=_cursor(request, "before"),
        size=settings.CHAMPIONS_PAGE_SIZE,
    )
    return render(request, "grievances/my_list.html", {"page": page})


@officer_required
@require_GET
def grievance_queue_view(request):
    queue = selectors.grievance_queue(
        user=request.user,
        filters=request.GET,
        cursor=page_cursor(request),
        size=settings.CHAMPIONS_PAGE_SIZE,
    )
    partial = request.htmx and not request.htmx.boosted
    template = "partials/_queue_results.html" if partial else "queue.html"
    return render(request, f"grievances/{template}", _queue_context(request, queue))


def page_cursor(request) -> selectors.QueueCursor:
    return selectors.QueueCursor(after=_cursor(request, "after"), before=_cursor(request, "before"))


def _queue_context(request, queue: selectors.QueueResult) -> dict:
    return {
        "filterset": queue.filterset,
        "page": queue.page,
        "counts": queue.status_counts,
        "rooms": control_room_list(),
        "current_status": queue.filterset.form.cleaned_data.get("status", ""),
        "edits_service_levels": selectors.user_edits_service_levels(request.user),
        "sop_section": sop_section_for_queue(user=request.user),
    }


def _bulk_apply(request, data: dict) -> None:
    try:
        if data["operation"] == BulkForm.TRANSFER:
            result = services.grievances_bulk_transfer(
                grievance_ids=data["ids"],
                room_id=data["room"],
                actor=request.user,
                reason=data["reason"],
            )
        else:
            result = services.grievances_bulk_assign_to_me(
                grievance_ids=data["ids"], actor=request.user
            )
    except ValidationFailed as exc:
        show_refusal(request, exc)
        return
    if result.done:
        messages.success(request, BULK_DONE[data["operation"]] % {"count": len(result.done)})
    for grievance_id, reason in result.refused:
        messages.error(
            request, _("Grievance %(id)s: %(reason)s") % {"id": grievance_id, "reason": reason}
        )


@permission_required(Can.GRIEVANCE_ASSIGN)
@require_POST
def grievance_bulk_view(request):
    """Bulk assign-to-me or transfer: the first POST asks to confirm, the second applies."""
    rooms = control_room_list()
    form = BulkForm(request.POST, rooms=rooms)
    if not form.is_valid():
        _form_errors_as_messages(request, form)
    elif form.cleaned_data["confirmed"]:
        _bulk_apply(request, form.cleaned_data)
    else:
        return _bulk_confirm_page(request, form, rooms)
    return redirect("web:grievances:queue")


def _form_errors_as_messages(request, form) -> None:
    for field_errors in form.errors.values():
        for error in field_errors:
            messages.error(request, error)


def _bulk_confirm_page(request, form: BulkForm, rooms: list):
    data = form.cleaned_data
    grievances = selectors.grievance_list_by_ids_for_user(
        user=request.user, grievance_ids=data["ids"]
    )
    room = next((r for r in rooms if r.pk == data["room"]), None)
    context = {"form": form, "grievances": grievances, "room": room}
    return render(request, "grievances/bulk_confirm.html", context)
