"""Pages for technology centres and service requests."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from champions.accounts.selectors import user_sees_whole_country
from champions.core.errors import NotFound
from champions.core.forms import form_done, form_result
from champions.core.http import file_download, not_found_as_404
from champions.registry.selectors import enterprises_represented

from .. import selectors, services
from ..choices import RequestStatus
from ..forms import (
    DirectoryFilterForm,
    QuoteForm,
    RateForm,
    ScheduleForm,
    ServiceRequestForm,
    StaffNoteForm,
)

PAGE_SIZE = 20


@require_GET
def centre_directory_view(request):
    form = DirectoryFilterForm(request.GET or None)
    kind = form.cleaned_data["service"] if form.is_valid() else ""
    enterprises = enterprises_represented(user=request.user)
    home = selectors.home_state_codes_for_user(user=request.user, enterprises=enterprises)
    directory = selectors.centre_directory(service_kind=kind, home_state_codes=home)
    return render(request, "clusters/centre_directory.html", {"form": form, "directory": directory})


@require_http_methods(["GET", "POST"])
@not_found_as_404
def centre_detail_view(request, centre_id: int):
    centre = selectors.centre_get(centre_id=centre_id)
    enterprises = enterprises_represented(user=request.user)
    form = _request_form(request, centre, enterprises)
    if request.method == "POST" and _request_created(request, form):
        return redirect("web:clusters:request_detail", form.created.pk)
    context = {"centre": centre, "form": form, "can_request": bool(enterprises)}
    status = 400 if form.errors else 200
    return render(request, "clusters/centre_detail.html", context, status=status)


def _request_form(request, centre, enterprises) -> ServiceRequestForm:
    return ServiceRequestForm(
        request.POST or None,
        request.FILES or None,
        services=centre.services.all(),
        enterprises=enterprises,
        initial={"service": request.GET.get("service")},
    )


def _request_created(request, form: ServiceRequestForm) -> bool:
    if not request.user.is_authenticated or not enterprises_represented(user=request.user):
        raise HttpForbidden(_("Sign in as a unit to ask a centre."))
    form.created = form_result(form, partial(_request_create, request.user))
    if form.created is None:
        return False
    messages.success(request, _("Your request is sent to the centre."))
    return True


def _request_create(actor, form: ServiceRequestForm):
    upload = form.cleaned_data["attachment"]
    return services.service_request_create(actor=actor, data=form.to_input(), upload=upload)


@login_required
@require_GET
def request_list_view(request):
    status = request.GET.get("status", "open")
    qs = selectors.service_request_list_for_user(user=request.user, status=status)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": [("open", _("Open")), *RequestStatus.choices, ("all", _("All"))],
        "centre_id": selectors.user_centre_id(request.user),
    }
    return render(request, "clusters/request_list.html", context)


ACTIONS = {
    "quote": (
        QuoteForm,
        lambda user, pk, d: services.service_request_quote(
            actor=user, request_id=pk, quote_inr=d["quote_inr"], note=d["note"]
        ),
    ),
    "schedule": (
        ScheduleForm,
        lambda user, pk, d: services.service_request_schedule(
            actor=user, request_id=pk, scheduled_for=d["scheduled_for"]
        ),
    ),
    "complete": (
        StaffNoteForm,
        lambda user, pk, d: services.service_request_complete(
            actor=user, request_id=pk, note=d["note"]
        ),
    ),
    "decline": (
        StaffNoteForm,
        lambda user, pk, d: services.service_request_decline(
            actor=user, request_id=pk, note=d["note"]
        ),
    ),
    "rate": (
        RateForm,
        lambda user, pk, d: services.service_request_rate(
            actor=user, request_id=pk, rating=d["rating"], note=d["note"]
        ),
    ),
}


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def request_detail_view(request, request_id: int):
    service_request = selectors.service_request_get_for_user(
        user=request.user, request_id=request_id
    )
    forms = {name: form_class(prefix=name) for name, (form_class, _do) in ACTIONS.items()}
    action = request.POST.get("action", "")
    if request.method == "POST" and action in ACTIONS:
        forms[action] = ACTIONS[action][0](request.POST, prefix=action)
        if _action_done(request, request_id, action, forms[action]):
            messages.success(request, _("Saved."))
            return redirect("web:clusters:request_detail", request_id)
    context = _request_context(request, service_request, forms)
    status = 400 if request.method == "POST" else 200
    return render(request, "clusters/request_detail.html", context, status=status)


def _action_done(request, request_id: int, action: str, form) -> bool:
    do = ACTIONS[action][1]
    return form_done(form, lambda f: do(request.user, request_id, f.cleaned_data))


def _request_context(request, service_request, forms: dict) -> dict:
    return {
        "req": service_request,
        "forms": forms,
        "is_staff": selectors.user_centre_id(request.user) == service_request.centre_id,
        "is_requester": service_request.requested_by_id == request.user.pk,
    }


@login_required
@require_GET
@not_found_as_404
def request_attachment_view(request, request_id: int):
    service_request = selectors.service_request_get_for_user(
        user=request.user, request_id=request_id
    )
    if not service_request.attachment:
        raise NotFound(_("No attachment."))
    return file_download(
        service_request.attachment,
        name=service_request.attachment_name,
        content_type=service_request.attachment_type,
    )


@login_required
@require_GET
def centre_demand_view(request):
    if not user_sees_whole_country(request.user):
        raise HttpForbidden(_("Only the hub sees demand across centres."))
    return render(
        request, "clusters/centre_demand.html", {"rows": selectors.centre_demand_summary()}
    )
