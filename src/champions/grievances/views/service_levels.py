"""The hub's pages: service-level policies and the holiday calendar."""

import dataclasses

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from champions.core.errors import ValidationFailed
from champions.core.http import cursor_param as _cursor
from champions.core.http import not_found_as_404

from .. import selectors, services
from ..forms.service_levels import HolidayForm, SlaPolicyForm
from ..sla.clock import Policy
from .common import (
    attempt,
    hub_required,
    submit,
)


@hub_required
@require_http_methods(["GET", "POST"])
def sla_policy_list_view(request):
    """The SLA policies, with a form to add one for a category and priority."""
    form = SlaPolicyForm(request.POST or None, initial=_policy_initial(None))
    if form.is_bound and _save_policy(request, form, policy_id=None):
        return redirect("web:grievances:sla")
    context = {"policies": selectors.sla_policy_list(), "form": form}
    return render(request, "grievances/sla_policies.html", context, status=_status(form))


@hub_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def sla_policy_edit_view(request, policy_id: int):
    policy = selectors.sla_policy_get(policy_id=policy_id)
    is_default = not (policy.category or policy.priority)
    form = SlaPolicyForm(
        request.POST or None, initial=_policy_initial(policy), is_default=is_default
    )
    if form.is_bound and _save_policy(request, form, policy_id=policy.pk):
        return redirect("web:grievances:sla")
    context = {"policy": policy, "form": form, "is_default": is_default}
    return render(request, "grievances/sla_policy_edit.html", context, status=_status(form))


def _policy_initial(policy) -> dict:
    if policy is None:
        return dataclasses.asdict(Policy())
    names = ("category", "priority", *services.SLA_DAY_FIELDS)
    return {name: getattr(policy, name) for name in names}


def _save_policy(request, form: SlaPolicyForm, *, policy_id: int | None) -> bool:
    if not form.is_valid():
        return False
    try:
        services.sla_policy_save(actor=request.user, data=form.to_input(), policy_id=policy_id)
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        return False
    messages.success(request, _("The service level policy was saved."))
    return True


def _status(form) -> int:
    return 422 if form.is_bound and form.errors else 200


@hub_required
@require_POST
@not_found_as_404
def sla_policy_delete_view(request, policy_id: int):
    attempt(
        request,
        lambda: services.sla_policy_delete(actor=request.user, policy_id=policy_id),
        success=_("The service level policy was deleted."),
    )
    return redirect("web:grievances:sla")


@hub_required
@require_http_methods(["GET", "POST"])
def holiday_list_view(request):
    """The holidays of one year (`?year=`), with a form to add a national or state holiday."""
    form = HolidayForm(request.POST or None)
    holiday = submit(form, lambda data: _holiday_add(request, data))
    if holiday is not None:
        messages.success(request, _("The holiday was added."))
        return redirect(f"{reverse('web:grievances:holidays')}?year={holiday.day.year}")
    year = _cursor(request, "year") or timezone.localdate().year
    context = {"form": form, "year": year, "years": selectors.holiday_years()}
    context["holidays"] = selectors.holiday_list(year=year)
    return render(request, "grievances/holidays.html", context, status=_status(form))


def _holiday_add(request, data: dict):
    return services.holiday_add(
        actor=request.user,
        day=data["day"],
        name=data["name"],
        state_id=data["state"].pk if data["state"] else None,
    )


@hub_required
@require_POST
@not_found_as_404
def holiday_delete_view(request, holiday_id: int):
    attempt(
        request,
        lambda: services.holiday_delete(actor=request.user, holiday_id=holiday_id),
        success=_("The holiday was deleted."),
    )
    year = _cursor(request, "year")
    return redirect(reverse("web:grievances:holidays") + (f"?year={year}" if year else ""))
