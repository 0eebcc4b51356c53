"""Web pages of the enterprise registry: thin interfaces over the services and selectors."""

import io
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from champions.accounts import policy
from champions.accounts.policy import Action as Can
from champions.accounts.policy import officer_required, permission_required
from champions.core import spreadsheets
from champions.core.errors import ValidationFailed
from champions.core.forms import form_done, form_result
from champions.core.http import cursor_param as _cursor
from champions.core.http import not_found_as_404
from champions.core.pagination import keyset_page
from champions.core.selectors import district_list

from . import jobs, selectors, services
from .choices import Category
from .filters import EnterpriseFilterSet
from .forms import (
    IMPORT_EXAMPLE_ROW,
    ClassificationForm,
    EnterpriseForm,
    ImportForm,
    enterprise_form_initial,
)
from .importing import COLUMNS


@login_required
@require_GET
def enterprise_list_view(request):
    filterset = EnterpriseFilterSet(
        request.GET, queryset=selectors.enterprise_list_for_user(user=request.user)
    )
    context = {"filterset": filterset, "page": _page(request, filterset.qs)}
    if request.htmx and not request.htmx.boosted:
        return render(request, "registry/partials/_enterprise_table.html", context)
    state = filterset.form.cleaned_data.get("state")
    context["districts"] = district_list(state_id=state.pk) if state else []
    context["can_create"] = selectors.enterprise_can_create(user=request.user)
    return render(request, "registry/enterprise_list.html", context)


def _page(request, queryset):
    after, before = _cursor(request, "after"), _cursor(request, "before")
    return keyset_page(queryset, after=after, before=before, size=settings.CHAMPIONS_PAGE_SIZE)


@require_GET
def district_options_view(request):
    """The <option>s of the districts of ?state=<id>, for the state select's hx-get."""
    state = request.GET.get("state", "")
    districts = district_list(state_id=int(state)) if state.isdigit() else []
    return render(request, "registry/partials/_district_options.html", {"districts": districts})


@login_required
@require_GET
@not_found_as_404
def enterprise_detail_view(request, enterprise_id: int):
    detail = selectors.enterprise_detail_get_for_user(
        user=request.user, enterprise_id=enterprise_id
    )
    return render(request, "registry/enterprise_detail.html", {"detail": detail})


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_create_view(request):
    policy.require(request.user, Can.REGISTRY_RECORD)
    form = EnterpriseForm(request.POST or None)
    if form.is_bound and form.is_valid():
        try:
            enterprise = services.enterprise_create(data=form.to_input(), actor=request.user)
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
        else:
            messages.success(request, _("The enterprise was added."))
            return redirect("web:registry:enterprise_detail", enterprise_id=enterprise.pk)
    return render(request, "registry/enterprise_form.html", {"form": form, "enterprise": None})


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def enterprise_update_view(request, enterprise_id: int):
    enterprise = selectors.enterprise_get_for_user(user=request.user, enterprise_id=enterprise_id)
    if not selectors.enterprise_can_edit(user=request.user, enterprise=enterprise):
        raise PermissionDenied
    form = EnterpriseForm(request.POST or None, initial=enterprise_form_initial(enterprise))
    save = partial(_enterprise_save, request.user, enterprise.pk)
    if form.is_bound and form_done(form, save):
        messages.success(request, _("The changes were saved."))
        return redirect("web:registry:enterprise_detail", enterprise_id=enterprise.pk)
    return render(
        request, "registry/enterprise_form.html", {"form": form, "enterprise": enterprise}
    )


def _enterprise_save(actor, enterprise_id: int, form: EnterpriseForm) -> None:
    services.enterprise_update(enterprise_id=enterprise_id, data=form.to_input(), actor=actor)


@permission_required(Can.REGISTRY_IMPORT)
@require_http_methods(["GET", "POST"])
def import_upload_view(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if form.is_bound and form.is_valid():
        try:
            job = jobs.import_job_create(user=request.user, uploaded_file=form.cleaned_data["file"])
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
        else:
            return redirect("web:registry:import_job", job_id=job.pk)
    recent = selectors.import_job_list(user=request.user)
    return render(request, "registry/import_upload.html", {"form": form, "recent": recent})


@officer_required
@require_GET
def import_template_view(request):
    out = io.StringIO()
    writer = spreadsheets.csv_writer(out)
    writer.writerow(COLUMNS)
    writer.writerow([IMPORT_EXAMPLE_ROW[column] for column in COLUMNS])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="enterprises-template.csv"'
    return response


@officer_required
@require_GET
@not_found_as_404
def import_job_view(request, job_id: int):
    job = selectors.import_job_get_for_user(user=request.user, job_id=job_id)
    if request.htmx and not request.htmx.boosted:
        return render(request, "registry/partials/_import_progress.html", {"job": job})
    return render(request, "registry/import_job.html", {"job": job})


@officer_required
@require_GET
@not_found_as_404
def import_report_view(request, job_id: int):
    job = selectors.import_job_get_for_user(user=request.user, job_id=job_id)
    response = HttpResponse(jobs.import_report_csv(job=job), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-report.csv"'
    return response


@require_GET
def classification_view(request):
    """The MSME category calculator: open to everyone, nothing is stored."""
    form = ClassificationForm(request.GET or None)
    result = form_result(form, lambda f: selectors.classification_check(**f.cleaned_data))
    context = {
        "form": form,
        "result": result,
        "category_label": Category(result.category).label if result else "",
    }
    return render(request, "registry/classification.html", context)
