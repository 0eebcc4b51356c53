"""Pages of MSME Samadhaan filing: the form from a delayed-payment grievance, a filing with its
status timeline ("check now" for officers), and the list of filings a user may see."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core.errors import DomainError, ValidationFailed
from champions.core.http import not_found_as_404

from . import selectors, services
from .forms import FilingForm


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def filing_create_view(request, grievance_id: int):
    grievance = selectors.grievance_to_file(user=request.user, grievance_id=grievance_id)
    form = FilingForm(request.POST or None, initial={"token": uuid.uuid4().hex})
    if request.method == "POST" and (filing := _filed(request, form, grievance_id)):
        messages.success(request, _("Application queued for MSME Samadhaan."))
        return redirect("web:samadhaan:detail", filing.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "grievance": grievance}
    return render(request, "samadhaan/file.html", context, status=status)


def _filed(request, form, grievance_id: int):
    if not form.is_valid():
        return None
    try:
        return services.filing_create(
            actor=request.user,
            grievance_id=grievance_id,
            buyer_name=form.cleaned_data["buyer_name"],
            buyer_type=form.cleaned_data["buyer_type"],
            invoices=form.invoices(),
            token=form.cleaned_data["token"],
        )
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        return None


@login_required
@require_GET
@not_found_as_404
def filing_detail_view(request, filing_id: int):
    filing = selectors.filing_get_for_user(user=request.user, filing_id=filing_id)
    return render(request, "samadhaan/detail.html", {"filing": filing})


@login_required
@require_POST
@not_found_as_404
def filing_refresh_view(request, filing_id: int):
    try:
        services.filing_refresh(actor=request.user, filing_id=filing_id)
        messages.success(request, _("Status brought up to date."))
    except DomainError as exc:
        if exc.status in (403, 404):
            raise
        messages.error(request, exc.message)
    return redirect("web:samadhaan:detail", filing_id)


@login_required
@require_GET
def filing_list_view(request):
    filings = selectors.filing_list_for_user(user=request.user)
    return render(request, "samadhaan/list.html", {"filings": filings})
