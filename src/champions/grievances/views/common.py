"""What the grievance pages share: who may open them, refusals as messages, the way back."""

from django.contrib import messages
from django.shortcuts import redirect

from champions.accounts import policy
from champions.accounts.policy import Action as Can
from champions.accounts.policy import permission_required
from champions.core.errors import DomainError, Forbidden, NotFound
from champions.core.forms import form_result

from .. import selectors, services
from ..choices import Status
from .labels import TIMELINE_LABELS


def timeline_rows(entries) -> list[dict]:
    return [
        {
            "entry": entry,
            "label": TIMELINE_LABELS.get(entry.action, entry.action),
            "status": Status(entry.to_status).label
            if entry.to_status in Status.values and entry.to_status != entry.from_status
            else "",
        }
        for entry in entries
    ]


# The hub's pages (service levels, holidays): everyone else gets the 403 page.
hub_required = permission_required(Can.SLA_EDIT)


def show_refusal(request, exc: DomainError) -> None:
    messages.error(request, exc.message)
    for field_messages in exc.errors.values():
        for message in field_messages:
            if message != exc.message:
                messages.error(request, message)


def attempt(request, operation, *, success: str) -> bool:
    """Run a service; a refusal becomes a message on the page (out of scope stays a 404)."""
    try:
        operation()
    except (NotFound, Forbidden):
        raise
    except DomainError as exc:
        show_refusal(request, exc)
        return False
    messages.success(request, success)
    return True


def may_act(request, grievance_id: int, action: Can | None = None):
    """The grievance (404 out of scope), or the 403 page if the user may not act on it."""
    grievance = selectors.grievance_get_for_user(user=request.user, grievance_id=grievance_id)
    if action is not None:
        policy.require(request.user, action, grievance)
    elif services.actor_kind(user=request.user, grievance=grievance) is None:
        conflict = policy.conflict_of_interest(request.user, Can.GRIEVANCE_DECIDE_APPEAL, grievance)
        raise Forbidden(conflict or policy.refusal_message(request.user))
    return grievance


def back(grievance_id: int):
    return redirect("web:grievances:detail", grievance_id=grievance_id)


def still_visible(request, grievance_id: int) -> bool:
    try:
        selectors.grievance_get_for_user(user=request.user, grievance_id=grievance_id)
    except NotFound:
        return False
    return True


def submit(form, run):
    """A bound, valid form's data to one service: the service's result, or None when the form
    is unbound or invalid, or the service refused it (core's `form_result`: its errors go back
    on the form)."""
    if not form.is_bound:
        return None
    return form_result(form, lambda valid: run(valid.cleaned_data))
