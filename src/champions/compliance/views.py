"""Web pages of compliance: thin interfaces over the engines, services and selectors."""

import uuid
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from champions.accounts.selectors import user_is_entrepreneur
from champions.core.errors import DomainError, ValidationFailed
from champions.core.forms import form_done, form_result
from champions.core.http import not_found_as_404

from . import selectors, services
from .choices import BuyerType
from .delayed_payment import bank_rate_latest
from .forms import DelayedPaymentForm, GrievanceConfirmForm, SituationForm, situation_form_initial

SAMADHAAN_URL = "https://samadhaan.msme.gov.in"


@require_GET
def compliance_hub_view(request):
    context = {
        "enterprises": selectors.enterprises_for_hub(user=request.user),
        "bank_rate": bank_rate_latest(),
    }
    return render(request, "compliance/hub.html", context)


def _calculated(form: DelayedPaymentForm):
    """(facts, result) for a valid calculator form, else (None, None) with errors on the form."""
    if not (form.is_bound and form.is_valid()):
        return None, None
    facts = form.to_facts()
    try:
        return facts, services.delayed_payment_interest(facts=facts)
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        return None, None


def _calculator_context(request, form: DelayedPaymentForm) -> dict:
    facts, result = _calculated(form)
    return {
        "form": form,
        "facts": facts,
        "result": result,
        "query": request.GET.urlencode(),
        "is_central_psu": bool(facts and facts.buyer_type == BuyerType.CENTRAL_PSU),
        "samadhaan_url": SAMADHAAN_URL,
    }


def _calculator_url(context: dict) -> str:
    return f"{reverse('web:compliance:delayed_payment')}?{context['query']}"


def _summary(context: dict) -> str:
    return services.delayed_payment_summary(facts=context["facts"], result=context["result"])


@require_GET
def delayed_payment_view(request):
    """The s.15/s.16 interest calculator: open to everyone, nothing is stored."""
    context = _calculator_context(request, DelayedPaymentForm(request.GET or None))
    if request.htmx and not request.htmx.boosted:
        return render(request, "compliance/partials/_interest_result.html", context)
    return render(request, "compliance/delayed_payment.html", context)


@require_GET
def samadhaan_referral_view(request):
    """A printable summary of the facts for an application on MSME Samadhaan."""
    context = _calculator_context(request, DelayedPaymentForm(request.GET))
    if context["result"] is None:
        return redirect(_calculator_url(context))
    context["summary"] = _summary(context)
    return render(request, "compliance/samadhaan.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def delayed_payment_grievance_view(request):
    """Confirm, then lodge a delayed-payment grievance against a central PSU buyer."""
    if not user_is_entrepreneur(request.user):
        raise Http404
    context = _calculator_context(request, DelayedPaymentForm(request.GET))
    if not context["is_central_psu"]:
        return redirect(_calculator_url(context))
    form = _confirm_form(request)
    lodge = partial(_lodge, request.user, context["facts"])
    if form.is_bound and (grievance := form_result(form, lodge)):
        messages.success(request, _("Your grievance about the delayed payment was lodged."))
        return redirect("web:grievances:acknowledgement", grievance_id=grievance.pk)
    context |= {"confirm_form": form, "summary": _summary(context)}
    return render(request, "compliance/grievance_confirm.html", context)


def _confirm_form(request) -> GrievanceConfirmForm:
    return GrievanceConfirmForm(
        request.POST or None,
        enterprises=selectors.enterprises_for_hub(user=request.user, limit=100),
        initial={"token": uuid.uuid4().hex},
    )


def _lodge(actor, facts, form: GrievanceConfirmForm):
    """Lodge from the confirmation form; every refusal is shown above the form."""
    try:
        return services.delayed_payment_grievance_lodge(
            actor=actor,
            enterprise_id=form.cleaned_data["enterprise"],
            facts=facts,
            token=form.cleaned_data["token"],
        )
    except DomainError as exc:
        found = [message for messages_ in exc.errors.values() for message in messages_]
        errors = {NON_FIELD_ERRORS: found or [exc.message]}
        raise ValidationFailed(exc.message, errors=errors) from exc


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def calendar_view(request, enterprise_id: int):
    """An enterprise's situation (editable) and its coming due dates."""
    start, end = selectors.calendar_range(start=None, end=None, today=timezone.localdate())
    page = selectors.calendar_get_for_user(
        user=request.user, enterprise_id=enterprise_id, start=start, end=end
    )
    initial = situation_form_initial(situation=page.situation, profile=page.profile)
    form = SituationForm(request.POST or None, initial=initial)
    if request.method == "POST" and not page.can_edit:
        raise PermissionDenied
    if form.is_bound and form_done(form, partial(_situation_save, request.user, enterprise_id)):
        messages.success(request, _("The situation was saved; the calendar follows it."))
        return redirect("web:compliance:calendar", enterprise_id=enterprise_id)
    return render(request, "compliance/calendar.html", _calendar_context(page, form))


def _situation_save(actor, enterprise_id: int, form: SituationForm) -> None:
    services.compliance_profile_save(actor=actor, enterprise_id=enterprise_id, data=form.to_input())


def _calendar_context(page, form: SituationForm) -> dict:
    enterprise_id = page.enterprise.pk
    return {
        "page": page,
        "form": form,
        "ics_url": reverse("web:compliance:calendar_ics", args=[enterprise_id]),
        "api_ics_url": f"/api/v1/compliance/calendar.ics?enterprise_id={enterprise_id}",
    }


@login_required
@require_GET
@not_found_as_404
def calendar_ics_view(request, enterprise_id: int):
    ics = selectors.calendar_ics_get_for_user(
        user=request.user, enterprise_id=enterprise_id, today=timezone.localdate()
    )
    response = HttpResponse(ics.text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ics.filename}"'
    return response
