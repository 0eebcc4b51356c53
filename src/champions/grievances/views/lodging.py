"""Lodging (the MSME's form, the officers' intake), the acknowledgement, public tracking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from champions.accounts import policy
from champions.accounts.policy import Action as Can
from champions.accounts.policy import permission_required
from champions.core.http import not_found_as_404

from .. import selectors, services
from ..forms.actions import TrackForm
from ..forms.lodging import IntakeForm, LodgeForm
from .common import (
    submit,
    timeline_rows,
)


def _acknowledge(request, result: services.LodgeResult):
    if result.replayed:
        messages.info(request, _("This form had already been sent; here is what it lodged."))
    return redirect("web:grievances:acknowledgement", grievance_id=result.grievance.pk)


@login_required
@require_http_methods(["GET", "POST"])
def grievance_lodge_view(request):
    if policy.can(request.user, Can.GRIEVANCE_INTAKE):
        return redirect("web:grievances:intake")
    policy.require(request.user, Can.GRIEVANCE_LODGE)
    form = LodgeForm(request.POST or None, request.FILES or None, user=request.user)
    result = submit(form, lambda data: _lodge(request, form, data))
    if result is not None:
        return _acknowledge(request, result)
    return render(request, "grievances/lodge.html", {"form": form})


def _lodge(request, form: LodgeForm, data: dict) -> services.LodgeResult:
    return services.grievance_lodge_with_attachments(
        actor=request.user,
        data=form.to_input(),
        files=data["attachments"],
        idempotency_key=data["token"],
    )


@permission_required(Can.GRIEVANCE_INTAKE)
@require_http_methods(["GET", "POST"])
def grievance_intake_view(request):
    form = IntakeForm(request.POST or None, user=request.user)
    result = submit(form, lambda data: _intake(request, form, data))
    if result is not None:
        return _acknowledge(request, result)
    return render(request, "grievances/intake.html", {"form": form})


def _intake(request, form: IntakeForm, data: dict) -> services.LodgeResult:
    return services.grievance_lodge(
        actor=request.user,
        data=form.to_input(),
        channel=data["channel"],
        idempotency_key=data["token"],
    )


@login_required
@require_GET
@not_found_as_404
def grievance_acknowledgement_view(request, grievance_id: int):
    grievance = selectors.grievance_acknowledgement_get(
        user=request.user, grievance_id=grievance_id
    )
    forecast = selectors.resolution_forecast(grievance)
    context = {"grievance": grievance, "forecast": forecast}
    return render(request, "grievances/acknowledgement.html", context)


@require_http_methods(["GET", "POST"])
def grievance_track_view(request):
    """Open to all: the number and the registered mobile or e-mail give the status. POST keeps
    the contact out of URLs and logs; a wrong number and a wrong contact read the same."""
    form = TrackForm(request.POST or None)
    result = _track(form) if form.is_bound and form.is_valid() else None
    timeline = timeline_rows(result.timeline) if result else []
    context = {"form": form, "result": result, "timeline": timeline}
    return render(request, "grievances/track.html", context)


def _track(form: TrackForm):
    result = selectors.grievance_track_result(
        registration_number=form.cleaned_data["registration_number"],
        contact=form.cleaned_data["contact"],
    )
    if result is None:
        form.add_error(
            None, _("We found no grievance with that number and mobile number or e-mail.")
        )
    return result
