"""From the grievance page: moves, messages, rating, transfer, referral, assignment, merging."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from champions.accounts import policy
from champions.accounts.policy import Action as Can
from champions.accounts.policy import permission_required
from champions.controlrooms.selectors import control_room_list
from champions.core.errors import NotFound, ValidationFailed
from champions.core.http import not_found_as_404

from .. import selectors, services
from ..forms.actions import (
    ACTION_LABELS,
    AssignForm,
    MergeForm,
    MessageForm,
    RatingForm,
    ReferralForm,
    TransferForm,
    TransitionForm,
)
from ..workflow.table import POOR_RATING_MAX, Action
from .common import (
    attempt,
    back,
    may_act,
    still_visible,
)
from .detail import detail_context


@login_required
@require_POST
@not_found_as_404
def grievance_transition_view(request, grievance_id: int):
    may_act(request, grievance_id)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That action is not possible."))
        return back(grievance_id)
    action, note = form.cleaned_data["action"], form.cleaned_data["note"]
    attempt(
        request,
        lambda: _transition(request, grievance_id=grievance_id, action=action, note=note),
        success=_("Done: %(action)s.") % {"action": ACTION_LABELS[action]},
    )
    return back(grievance_id)


def _transition(request, *, grievance_id: int, action: str, note: str):
    # An officer's "assign" button reads "Assign to me": name them even if someone else had it.
    if action == Action.ASSIGN and policy.can(request.user, Can.GRIEVANCE_ASSIGN):
        return services.grievance_assign_to(
            grievance_id=grievance_id, assignee_id=request.user.pk, actor=request.user
        )
    return services.grievance_transition(
        grievance_id=grievance_id, action=action, actor=request.user, note=note
    )


@login_required
@require_POST
@not_found_as_404
def grievance_message_view(request, grievance_id: int):
    grievance = may_act(request, grievance_id, Can.GRIEVANCE_MESSAGE)
    may_note = policy.can(request.user, Can.GRIEVANCE_NOTE_INTERNAL, grievance)
    form = MessageForm(request.POST, request.FILES, is_officer=may_note)
    if form.is_valid():
        try:
            services.grievance_message_add_with_attachments(
                grievance_id=grievance_id,
                actor=request.user,
                body=form.cleaned_data["body"],
                is_internal=form.cleaned_data.get("is_internal", False),
                files=form.cleaned_data["attachments"],
            )
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
        else:
            messages.success(request, _("Your message was added."))
            return back(grievance_id)
    detail = selectors.grievance_detail_get_for_user(user=request.user, grievance_id=grievance_id)
    context = detail_context(request, detail, message_form=form)
    return render(request, "grievances/detail.html", context, status=422)


@login_required
@require_POST
@not_found_as_404
def grievance_rate_view(request, grievance_id: int):
    may_act(request, grievance_id, Can.GRIEVANCE_RESPOND)
    form = RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a rating from 1 to 5."))
        return back(grievance_id)
    done = attempt(
        request,
        lambda: services.grievance_rate(
            grievance_id=grievance_id,
            actor=request.user,
            rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["comment"],
        ),
        success=_("Thank you for your feedback."),
    )
    if done and form.cleaned_data["rating"] <= POOR_RATING_MAX:
        messages.info(
            request, _("Not settled? You may appeal to the hub: give your reasons below.")
        )
    return back(grievance_id)


@permission_required(Can.GRIEVANCE_TRANSFER)
@require_POST
@not_found_as_404
def grievance_transfer_view(request, grievance_id: int):
    may_act(request, grievance_id, Can.GRIEVANCE_TRANSFER)
    form = TransferForm(request.POST, rooms=control_room_list())
    if not form.is_valid():
        messages.error(request, _("Choose a control room and give a reason."))
        return back(grievance_id)
    transferred = attempt(
        request,
        lambda: services.grievance_transfer(
            grievance_id=grievance_id,
            room_id=form.cleaned_data["room"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
        ),
        success=_("The grievance was transferred."),
    )
    # A spoke officer no longer sees a grievance sent to another room.
    if transferred and not still_visible(request, grievance_id):
        return redirect("web:grievances:queue")
    return back(grievance_id)


@permission_required(Can.GRIEVANCE_REFER)
@require_POST
@not_found_as_404
def grievance_refer_view(request, grievance_id: int):
    may_act(request, grievance_id, Can.GRIEVANCE_REFER)
    form = ReferralForm(request.POST)
    if not form.is_valid():
        selectors.grievance_get_for_user(user=request.user, grievance_id=grievance_id)  # 404
        messages.error(request, _("Choose a department or ministry and give a reason."))
        return back(grievance_id)
    organisation = form.cleaned_data["organisation"]
    attempt(
        request,
        lambda: services.grievance_refer(
            grievance_id=grievance_id,
            actor=request.user,
            organisation=organisation,
            reason=form.cleaned_data["reason"],
        ),
        success=_("The grievance was referred to %(organisation)s.")
        % {"organisation": organisation},
    )
    return back(grievance_id)


@permission_required(Can.GRIEVANCE_ASSIGN)
@require_POST
@not_found_as_404
def grievance_assign_view(request, grievance_id: int):
    may_act(request, grievance_id, Can.GRIEVANCE_ASSIGN)
    form = AssignForm(request.POST, officers=[])
    if not form.is_valid():
        messages.error(request, _("Choose an officer."))
        return back(grievance_id)
    attempt(
        request,
        lambda: services.grievance_assign_to(
            grievance_id=grievance_id, assignee_id=form.cleaned_data["assignee"], actor=request.user
        ),
        success=_("The grievance was assigned."),
    )
    return back(grievance_id)


@permission_required(Can.GRIEVANCE_MERGE)
@require_POST
@not_found_as_404
def grievance_merge_view(request, grievance_id: int):
    may_act(request, grievance_id, Can.GRIEVANCE_MERGE)  # 404 out of scope, then 403
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the registration number of the grievance to keep."))
        return back(grievance_id)
    try:
        primary = selectors.grievance_get_by_number_for_user(
            user=request.user, registration_number=form.cleaned_data["primary"]
        )
    except NotFound:
        messages.error(request, _("No grievance with that registration number in your scope."))
        return back(grievance_id)
    attempt(
        request,
        lambda: services.grievance_merge(
            duplicate_id=grievance_id, primary_id=primary.pk, actor=request.user
        ),
        success=_("Merged into %(number)s.") % {"number": primary.registration_number},
    )
    return back(grievance_id)
