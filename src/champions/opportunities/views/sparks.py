"""Pages of the sparks list: units with champion potential, explained, for officers to help."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core.forms import form_done
from champions.core.http import not_found_as_404

from .. import selectors, services
from ..forms import ActionForm, FactForm, SparksFilterForm
from ..sparks import COMPONENTS

PAGE_SIZE = 25


def _sparks_found(user, form: SparksFilterForm):
    values = form.cleaned_data if form.is_valid() else {}
    return selectors.sparks_list(
        user=user,
        sector=values.get("sector") or "electronics",
        state_code=values.get("state", ""),
        shortlist_only=values.get("shortlist", False),
    )


@login_required
@require_GET
@not_found_as_404
def sparks_list_view(request):
    form = SparksFilterForm(request.GET or {"sector": "electronics"})
    found = _sparks_found(request.user, form)
    page = Paginator(found.rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "found": found, "components": COMPONENTS, "page": page}
    return render(request, "opportunities/sparks_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def spark_detail_view(request, enterprise_id: int):
    posted = request.POST.get("form")
    action_form = ActionForm(request.POST if posted == "action" else None, prefix="action")
    fact_form = FactForm(request.POST if posted == "fact" else None, prefix="fact")
    selectors.check_officer(request.user)
    if request.method == "POST" and _saved(request, enterprise_id, action_form, fact_form):
        messages.success(request, _("Saved."))
        return redirect("web:opportunities:spark_detail", enterprise_id)
    detail = selectors.spark_detail(user=request.user, enterprise_id=enterprise_id)
    context = {"detail": detail, "action_form": action_form, "fact_form": fact_form}
    status = 400 if request.method == "POST" else 200
    return render(request, "opportunities/spark_detail.html", context, status=status)


def _saved(request, enterprise_id: int, action_form, fact_form) -> bool:
    user = request.user
    if request.POST.get("form") == "fact":
        return form_done(
            fact_form,
            lambda f: services.fact_record(
                actor=user, enterprise_id=enterprise_id, **f.cleaned_data
            ),
        )
    return form_done(
        action_form,
        lambda f: services.handholding_record(
            actor=user, enterprise_id=enterprise_id, **f.cleaned_data
        ),
    )


@login_required
@require_POST
@not_found_as_404
def spark_shortlist_view(request, enterprise_id: int):
    services.shortlist_set(
        actor=request.user, enterprise_id=enterprise_id, on=request.POST.get("on") == "1"
    )
    return redirect(
        request.POST.get("next")
        if request.POST.get("next", "").startswith("/sparks/")
        else "web:opportunities:sparks"
    )
