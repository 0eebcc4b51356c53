"""The one shape of every form posted from the grievance page: the grievance in scope (404)
and the user's right to act (403), the form, one service, a message, back to the page.

Each form is described once as a `PageAction`; its view is a line that names it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from champions.accounts.policy import Action as Can
from champions.controlrooms.selectors import control_room_list
from champions.core.errors import DomainError, Forbidden, NotFound, ValidationFailed

from .. import selectors, services
from ..forms.actions import (
    ACTION_LABELS,
    AssignForm,
    MergeForm,
    RatingForm,
    ReferralForm,
    TransferForm,
    TransitionForm,
)
from ..workflow.table import POOR_RATING_MAX
from .common import back, may_act, show_refusal, still_visible


@dataclass(frozen=True)
class PageAction:
    form: Callable[[HttpRequest], object]  # the bound form
    run: Callable[[HttpRequest, int, dict], object]  # (request, grievance id, data) -> result
    success: Callable[[dict, object], str]  # (data, result) -> the message
    invalid: str  # the message for a form that does not validate
    permission: Can | None = None  # None: any workflow actor (the MSME, an officer)
    then: Callable[[HttpRequest, int, dict], HttpResponse | None] | None = None


def page_action(request, grievance_id: int, action: PageAction) -> HttpResponse:
    """Run one `PageAction`; a refusal becomes a message on the page (out of scope: 404)."""
    may_act(request, grievance_id, action.permission)
    form = action.form(request)
    if not form.is_valid():
        messages.error(request, str(action.invalid))
        return back(grievance_id)
    data = form.cleaned_data
    try:
        result = action.run(request, grievance_id, data)
    except (NotFound, Forbidden):
        raise
    except DomainError as exc:
        show_refusal(request, exc)
        return back(grievance_id)
    messages.success(request, action.success(data, result))
    follow = action.then(request, grievance_id, data) if action.then else None
    return follow or back(grievance_id)


def _transition(request, grievance_id: int, data: dict):
    return services.grievance_transition(
        grievance_id=grievance_id, action=data["action"], actor=request.user, note=data["note"]
    )


def _offer_appeal(request, grievance_id: int, data: dict) -> None:
    if data["rating"] <= POOR_RATING_MAX:
        messages.info(
            request, _("Not settled? You may appeal to the hub: give your reasons below.")
        )


def _queue_if_gone(request, grievance_id: int, data: dict) -> HttpResponse | None:
    # A spoke officer no longer sees a grievance sent to another room.
    return None if still_visible(request, grievance_id) else redirect("web:grievances:queue")


def _merge(request, grievance_id: int, data: dict):
    try:
        primary = selectors.grievance_get_by_number_for_user(
            user=request.user, registration_number=data["primary"]
        )
    except NotFound as exc:
        raise ValidationFailed(
            _("No grievance with that registration number in your scope.")
        ) from exc
    return services.grievance_merge(
        duplicate_id=grievance_id, primary_id=primary.pk, actor=request.user
    )


TRANSITION = PageAction(
    form=lambda request: TransitionForm(request.POST),
    run=_transition,
    success=lambda data, _result: (
        _("Done: %(action)s.") % {"action": ACTION_LABELS[data["action"]]}
    ),
    invalid=gettext_lazy("That action is not possible."),
)
RATE = PageAction(
    form=lambda request: RatingForm(request.POST),
    run=lambda request, grievance_id, data: services.grievance_rate(
        grievance_id=grievance_id, actor=request.user, **data
    ),
    success=lambda _data, _result: _("Thank you for your feedback."),
    invalid=gettext_lazy("Choose a rating from 1 to 5."),
    permission=Can.GRIEVANCE_RESPOND,
    then=_offer_appeal,
)
TRANSFER = PageAction(
    form=lambda request: TransferForm(request.POST, rooms=control_room_list()),
    run=lambda request, grievance_id, data: services.grievance_transfer(
        grievance_id=grievance_id,
        room_id=data["room"],
        actor=request.user,
        reason=data["reason"],
        from_room_id=data.get("from_room"),
    ),
    success=lambda _data, _result: _("The grievance was transferred."),
    invalid=gettext_lazy("Choose a control room and give a reason."),
    permission=Can.GRIEVANCE_TRANSFER,
    then=_queue_if_gone,
)
REFER = PageAction(
    form=lambda request: ReferralForm(request.POST),
    run=lambda request, grievance_id, data: services.grievance_refer(
        grievance_id=grievance_id, actor=request.user, **data
    ),
    success=lambda data, _result: (
        _("The grievance was referred to %(organisation)s.")
        % {"organisation": data["organisation"]}
    ),
    invalid=gettext_lazy("Choose a department or ministry and give a reason."),
    permission=Can.GRIEVANCE_REFER,
)
ASSIGN = PageAction(
    form=lambda request: AssignForm(request.POST, officers=[]),
    run=lambda request, grievance_id, data: services.grievance_assign_to(
        grievance_id=grievance_id, assignee_id=data["assignee"], actor=request.user
    ),
    success=lambda _data, _result: _("The grievance was assigned."),
    invalid=gettext_lazy("Choose an officer."),
    permission=Can.GRIEVANCE_ASSIGN,
)
MERGE = PageAction(
    form=lambda request: MergeForm(request.POST),
    run=_merge,
    success=lambda _data, merged: (
        _("Merged into %(number)s.") % {"number": merged.merged_into.registration_number}
    ),
    invalid=gettext_lazy("Give the registration number of the grievance to keep."),
    permission=Can.GRIEVANCE_MERGE,
)
