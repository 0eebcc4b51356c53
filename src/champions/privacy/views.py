import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core.errors import DomainError

from . import selectors, services
from .choices import NOTICE_VERSION
from .forms import ErasureDecisionForm, ErasureRequestForm


@require_GET
def notice_view(request):
    context = {"version": NOTICE_VERSION, "contact": selectors.privacy_contact()}
    context["contact_years"] = selectors.grievance_contact_retention_years()
    return render(request, "privacy/notice.html", context)


@login_required
@require_GET
def my_data_view(request):
    context = {
        "consent": selectors.consent_latest(user=request.user),
        "open_request": selectors.erasure_open_for_user(user=request.user),
        "form": ErasureRequestForm(),
        "sees_erasure_requests": selectors.user_sees_erasure_requests(request.user),
        "contact": selectors.privacy_contact(),
    }
    return render(request, "privacy/my_data.html", context)


@login_required
@require_GET
@never_cache
def my_data_download_view(request):
    data = selectors.personal_data_export(user=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"champions-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def erasure_request_view(request):
    form = ErasureRequestForm(request.POST)
    if form.is_valid():
        try:
            services.erasure_request_create(user=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Your request was sent. An officer will decide it."))
    return redirect("web:privacy:my_data")


@login_required
@require_http_methods(["GET", "POST"])
def erasure_requests_view(request):
    if not selectors.user_sees_erasure_requests(request.user):
        raise Http404
    form = ErasureDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _decide(request, form):
        messages.success(request, _("The request was decided."))
        return redirect("web:privacy:requests")
    context = {
        "requests": selectors.erasure_request_list(user=request.user),
        "form": form,
        "decides": selectors.user_decides_erasure(request.user),
    }
    return render(request, "privacy/requests.html", context, status=422 if form.errors else 200)


def _decide(request, form: ErasureDecisionForm) -> bool:
    try:
        services.erasure_request_decide(
            actor=request.user,
            request_id=int(request.POST.get("request_id", "0") or 0),
            erase=form.cleaned_data["decision"] == "erase",
            note=form.cleaned_data["note"],
        )
    except ValueError:
        form.add_error(None, _("No such request."))
    except DomainError as exc:
        form.add_error(None, exc.message)
        for field, field_messages in (exc.errors or {}).items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
    return not form.errors
