"""Pages of the SOP (help pages per role, each version readable) and onboarding (checklist,
quiz, and the hub's view of who has completed it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core.errors import ValidationFailed
from champions.core.http import not_found_as_404

from . import content, selectors, services
from .forms import QuizForm


@login_required
@require_GET
def help_index_view(request):
    context = {
        "pages": selectors.help_pages_for_user(user=request.user),
        "source": content.source(),
    }
    return render(request, "sop/index.html", context)


@login_required
@require_GET
@not_found_as_404
def help_page_view(request, slug: str):
    version = request.GET.get("v", "")
    found = selectors.help_page_get(slug=slug, version=int(version) if version.isdigit() else None)
    return render(request, "sop/page.html", {"page": found})


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def onboarding_view(request):
    form = QuizForm(request.POST or None)
    if request.method == "POST" and _quiz_done(request, form):
        return redirect("web:sop:onboarding")
    progress = selectors.onboarding_progress(user=request.user)
    context = {"progress": progress, "form": form}
    return render(request, "sop/onboarding.html", context, status=400 if form.errors else 200)


def _quiz_done(request, form) -> bool:
    if not form.is_valid():
        return False
    try:
        attempt = services.quiz_submit(actor=request.user, answers=form.answers())
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        return False
    if attempt.passed:
        messages.success(request, _("Quiz passed: %(score)s correct.") % {"score": attempt.score})
    else:
        messages.error(
            request,
            _("%(score)s correct: read the pages again and retry.") % {"score": attempt.score},
        )
    return True


@login_required
@require_POST
@not_found_as_404
def tick_view(request, code: str):
    try:
        services.checklist_tick(actor=request.user, code=code)
    except ValidationFailed as exc:
        messages.error(request, exc.message)
    return redirect("web:sop:onboarding")


@login_required
@require_GET
@not_found_as_404
def onboarding_report_view(request):
    rows = selectors.onboarding_report(user=request.user)
    context = {"rows": rows, "complete": sum(1 for _o, p in rows if p.complete)}
    return render(request, "sop/report.html", context)
