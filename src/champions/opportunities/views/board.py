"""Pages of the opportunities board: the list, posting, an opportunity with its matches and
responses, responding, shortlisting and closing."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.accounts.selectors import user_is_entrepreneur, user_is_officer
from champions.core.forms import form_done
from champions.core.http import not_found_as_404
from champions.registry.selectors import enterprises_represented

from .. import selectors, services
from ..forms import BoardFilterForm, CloseForm, OpportunityForm, ResponseForm

PAGE_SIZE = 20


@login_required
@require_GET
def board_view(request):
    form = BoardFilterForm(request.GET or None)
    values = form.cleaned_data if form.is_valid() else {}
    qs = selectors.opportunity_list(
        user=request.user, kind=values.get("kind", ""), status=values.get("status") or "open"
    )
    context = {
        "form": form,
        "page": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page")),
        "matched": selectors.opportunities_matched_to_user(user=request.user),
        "can_post": user_is_officer(request.user) or user_is_entrepreneur(request.user),
    }
    return render(request, "opportunities/board.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def opportunity_create_view(request):
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form_done(
        form,
        lambda f: setattr(
            f, "created", services.opportunity_create(actor=request.user, data=f.to_input())
        ),
    ):
        messages.success(request, _("Posted. The matched units are alerted."))
        return redirect("web:opportunities:detail", form.created.pk)
    return render(
        request, "opportunities/create.html", {"form": form}, status=400 if form.errors else 200
    )


def _detail_context(request, opportunity, **forms) -> dict:
    user = request.user
    manages = selectors.user_manages(user=user, opportunity=opportunity)
    enterprises = enterprises_represented(user=user)
    context = {
        "opportunity": opportunity,
        "manages": manages,
        "matches": list(opportunity.matches.all()) if manages else [],
        "responses": selectors.responses_for_user(user=user, opportunity=opportunity),
        "response_form": ResponseForm(prefix="respond", enterprises=enterprises),
        "close_form": CloseForm(prefix="close"),
        "can_respond": bool(enterprises) and opportunity.status == "open",
    }
    return context | forms


@login_required
@require_GET
@not_found_as_404
def opportunity_detail_view(request, opportunity_id: int):
    opportunity = selectors.opportunity_get_for_user(
        user=request.user, opportunity_id=opportunity_id
    )
    return render(request, "opportunities/detail.html", _detail_context(request, opportunity))


def _respond(actor, opportunity_id: int, form: ResponseForm):
    data = form.to_input()
    return services.opportunity_respond(actor=actor, opportunity_id=opportunity_id, data=data)


def _close(actor, opportunity_id: int, form: CloseForm):
    data = form.cleaned_data
    return services.opportunity_close(actor=actor, opportunity_id=opportunity_id, **data)


@login_required
@require_POST
@not_found_as_404
def opportunity_respond_view(request, opportunity_id: int):
    opportunity = selectors.opportunity_get_for_user(
        user=request.user, opportunity_id=opportunity_id
    )
    enterprises = enterprises_represented(user=request.user)
    form = ResponseForm(request.POST, prefix="respond", enterprises=enterprises)
    if form_done(form, partial(_respond, request.user, opportunity.pk)):
        messages.success(request, _("Your response is sent to the poster."))
        return redirect("web:opportunities:detail", opportunity.pk)
    context = _detail_context(request, opportunity, response_form=form)
    return render(request, "opportunities/detail.html", context, status=400)


@login_required
@require_POST
@not_found_as_404
def response_shortlist_view(request, response_id: int):
    response = services.response_shortlist(
        actor=request.user, response_id=response_id, shortlisted=request.POST.get("on") == "1"
    )
    return redirect("web:opportunities:detail", response.opportunity_id)


@login_required
@require_POST
@not_found_as_404
def opportunity_close_view(request, opportunity_id: int):
    opportunity = selectors.opportunity_get_for_user(
        user=request.user, opportunity_id=opportunity_id
    )
    form = CloseForm(request.POST, prefix="close")
    if form_done(form, partial(_close, request.user, opportunity.pk)):
        messages.success(request, _("The opportunity is closed."))
        return redirect("web:opportunities:detail", opportunity.pk)
    context = _detail_context(request, opportunity, close_form=form)
    return render(request, "opportunities/detail.html", context, status=400)
