"""Pages of the GeM links: an enterprise's seller ID, an opportunity's bids and the share of
their awards that went to MSEs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from champions.accounts.policy import is_read_only
from champions.core.errors import ValidationFailed
from champions.core.http import not_found_as_404
from champions.opportunities.selectors import opportunity_get_for_user, user_manages
from champions.registry.selectors import enterprise_can_edit, enterprise_get_for_user

from . import selectors, services
from .forms import BidForm, SellerForm


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def seller_view(request, enterprise_id: int):
    enterprise = enterprise_get_for_user(user=request.user, enterprise_id=enterprise_id)
    form = SellerForm(request.POST or None)
    if request.method == "POST" and _done(
        form,
        lambda f: services.gem_seller_record(
            actor=request.user, enterprise_id=enterprise.pk, seller_id=f.cleaned_data["seller_id"]
        ),
    ):
        messages.success(request, _("GeM seller ID saved."))
        return redirect("web:gem:seller", enterprise.pk)
    context = _seller_context(request.user, enterprise, form)
    return render(request, "gem/seller.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def bids_view(request, opportunity_id: int):
    opportunity = opportunity_get_for_user(user=request.user, opportunity_id=opportunity_id)
    form = BidForm(request.POST or None)
    if request.method == "POST" and _done(
        form,
        lambda f: services.gem_bid_link(
            actor=request.user,
            opportunity_id=opportunity.pk,
            bid_number=f.cleaned_data["bid_number"],
        ),
    ):
        messages.success(request, _("GeM bid linked."))
        return redirect("web:gem:bids", opportunity.pk)
    context = _bids_context(request.user, opportunity, form)
    return render(request, "gem/bids.html", context, status=400 if form.errors else 200)


def _seller_context(user, enterprise, form) -> dict:
    return {
        "enterprise": enterprise,
        "seller": selectors.seller_for_enterprise(enterprise_id=enterprise.pk),
        "form": form,
        "may_edit": enterprise_can_edit(user=user, enterprise=enterprise),
    }


def _bids_context(user, opportunity, form) -> dict:
    bids = selectors.bids_for_opportunity(opportunity_id=opportunity.pk)
    return {
        "opportunity": opportunity,
        "bids": bids,
        "form": form,
        "share": selectors.procurement_share(bids),
        "target": selectors.PPP_TARGET_PCT,
        "may_link": user_manages(user=user, opportunity=opportunity) and not is_read_only(user),
    }


def _done(form, do) -> bool:
    if not form.is_valid():
        return False
    try:
        do(form)
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        return False
    return True
