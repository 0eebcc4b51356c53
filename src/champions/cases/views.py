"""Pages of hand-holding: the unit's one-page overview, the room's case queue, a case (steps,
notes, assignment, closing) and the steps meant for the signed-in person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core.errors import DomainError, ValidationFailed
from champions.core.http import not_found_as_404

from . import selectors, services
from .forms import AssignForm, CaseOpenForm, CloseForm, NoteForm, QueueForm, StepForm


@login_required
@require_GET
@not_found_as_404
def overview_view(request, enterprise_id: int):
    overview = selectors.enterprise_overview(user=request.user, enterprise_id=enterprise_id)
    context = {"o": overview, "open_form": CaseOpenForm()}
    return render(request, "cases/overview.html", context)


@login_required
@require_POST
@not_found_as_404
def case_open_view(request, enterprise_id: int):
    form = CaseOpenForm(request.POST)
    if _done(
        form,
        lambda f: services.case_open(
            actor=request.user, enterprise_id=enterprise_id, goal=f.cleaned_data["goal"]
        ),
    ):
        messages.success(request, _("Case opened. Add the next steps."))
        return redirect("web:cases:detail", form.result.pk)
    overview = selectors.enterprise_overview(user=request.user, enterprise_id=enterprise_id)
    return render(request, "cases/overview.html", {"o": overview, "open_form": form}, status=400)


@login_required
@require_GET
def case_queue_view(request):
    form = QueueForm(request.GET)
    view = (form.cleaned_data.get("view") if form.is_valid() else "") or "open"
    rows, counts = selectors.case_queue(user=request.user, view=view)
    context = {"rows": rows, "counts": counts, "view": view, "form": form}
    return render(request, "cases/queue.html", context)


FORMS = {"assign": AssignForm, "step": StepForm, "note": NoteForm, "close": CloseForm}


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def case_detail_view(request, case_id: int):
    detail = selectors.case_detail(user=request.user, case_id=case_id)
    chosen = request.POST.get("form", "") if request.method == "POST" else ""
    forms = _forms(detail, request.POST if chosen in FORMS else None, chosen)
    if chosen and _saved(request, detail, chosen, forms.get(chosen)):
        return redirect("web:cases:detail", case_id)
    status = 400 if request.method == "POST" else 200
    detail = selectors.case_detail(user=request.user, case_id=case_id)
    return render(request, "cases/detail.html", {"d": detail, **forms}, status=status)


@login_required
@require_POST
@not_found_as_404
def step_done_view(request, step_id: int):
    try:
        services.case_step_done(actor=request.user, step_id=step_id)
    except DomainError as exc:
        if exc.status in (403, 404):  # another's step: answered as a missing one, not a notice
            raise
        messages.error(request, exc.message)
        return redirect("web:cases:my_steps")
    messages.success(request, _("Step marked as done."))
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/cases/") else "web:cases:my_steps")


@login_required
@require_GET
def my_steps_view(request):
    steps = selectors.steps_for_owner(user=request.user)
    return render(request, "cases/my_steps.html", {"steps": steps})


def _forms(detail, data, chosen: str) -> dict:
    def bound(name):
        return data if chosen == name else None

    return {
        "assign": AssignForm(
            bound("assign"),
            officers=detail.officers,
            prefix="assign",
            initial={"assignee": detail.case.assignee_id},
        ),
        "step": StepForm(bound("step"), owners=detail.owners, prefix="step"),
        "note": NoteForm(bound("note"), prefix="note"),
        "close": CloseForm(bound("close"), prefix="close"),
    }


def _saved(request, detail, chosen: str, form) -> bool:
    actor, case_id = request.user, detail.case.pk
    calls = {
        "assign": lambda f: services.case_assign(
            actor=actor, case_id=case_id, assignee_id=f.cleaned_data["assignee"]
        ),
        "step": lambda f: services.case_step_add(
            actor=actor,
            case_id=case_id,
            **{k: f.cleaned_data[k] for k in ("title", "due_on")},
            owner_id=f.cleaned_data["owner"],
        ),
        "note": lambda f: services.case_note_add(
            actor=actor, case_id=case_id, body=f.cleaned_data["body"]
        ),
        "close": lambda f: services.case_close(
            actor=actor,
            case_id=case_id,
            outcome=f.cleaned_data["outcome"],
            note=f.cleaned_data["outcome_note"],
        ),
    }
    if _done(form, calls[chosen]):
        messages.success(request, _("Saved."))
        return True
    return False


def _done(form, do) -> bool:
    """Run `do(form)` on a valid form (its result kept as `form.result`); a service's field
    errors go back on the form, any other domain error on the whole form."""
    if not form.is_valid():
        return False
    try:
        form.result = do(form)
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        return False
    except DomainError as exc:
        if exc.status in (403, 404):
            raise
        form.add_error(None, exc.message)
        return False
    return True
