"""From the grievance page: moves, messages, rating, transfer, referral, assignment, merging.

Each view names its `PageAction` (see `page_actions.py`); the message form, which shows the
page again with its errors, is the one of another shape."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from champions.accounts import policy
from champions.accounts.policy import Action as Can
from champions.accounts.policy import permission_required
from champions.core.http import not_found_as_404

from .. import services
from ..forms.actions import MessageForm
from .common import back, may_act, submit
from .detail import detail_page
from .page_actions import ASSIGN, MERGE, RATE, REFER, TRANSFER, TRANSITION, page_action


@login_required
@require_POST
@not_found_as_404
def grievance_transition_view(request, grievance_id: int):
    return page_action(request, grievance_id, TRANSITION)


@login_required
@require_POST
@not_found_as_404
def grievance_message_view(request, grievance_id: int):
    grievance = may_act(request, grievance_id, Can.GRIEVANCE_MESSAGE)
    may_note = policy.can(request.user, Can.GRIEVANCE_NOTE_INTERNAL, grievance)
    form = MessageForm(request.POST, request.FILES, is_officer=may_note)
    if submit(form, lambda data: _message_add(request, grievance_id, data)) is None:
        return detail_page(request, grievance_id, message_form=form, status=422)
    messages.success(request, _("Your message was added."))
    return back(grievance_id)


def _message_add(request, grievance_id: int, data: dict):
    return services.grievance_message_add_with_attachments(
        grievance_id=grievance_id,
        actor=request.user,
        body=data["body"],
        is_internal=data.get("is_internal", False),
        files=data["attachments"],
    )


@login_required
@require_POST
@not_found_as_404
def grievance_rate_view(request, grievance_id: int):
    return page_action(request, grievance_id, RATE)


@permission_required(Can.GRIEVANCE_TRANSFER)
@require_POST
@not_found_as_404
def grievance_transfer_view(request, grievance_id: int):
    return page_action(request, grievance_id, TRANSFER)


@permission_required(Can.GRIEVANCE_REFER)
@require_POST
@not_found_as_404
def grievance_refer_view(request, grievance_id: int):
    return page_action(request, grievance_id, REFER)


@permission_required(Can.GRIEVANCE_ASSIGN)
@require_POST
@not_found_as_404
def grievance_assign_view(request, grievance_id: int):
    return page_action(request, grievance_id, ASSIGN)


@permission_required(Can.GRIEVANCE_MERGE)
@require_POST
@not_found_as_404
def grievance_merge_view(request, grievance_id: int):
    return page_action(request, grievance_id, MERGE)
