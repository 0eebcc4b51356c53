"""The grievance page and its files."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from champions.accounts import policy
from champions.accounts.policy import Action as Can
from champions.core.http import file_download, not_found_as_404

from .. import selectors, services
from ..choices import Status
from ..forms.actions import (
    ACTION_LABELS,
    AssignForm,
    MergeForm,
    MessageForm,
    RatingForm,
    ReferralForm,
    TransferForm,
)
from ..sop_links import sop_section_for
from ..workflow.table import TRANSITIONS, Action, Actor, actions_for
from .common import (
    timeline_rows,
)
from .labels import ACTION_HELP, OWNER_STATUS
from .triage import triage_context


def _actor(request, grievance) -> Actor | None:
    return services.actor_kind(user=request.user, grievance=grievance)


def _action_buttons(grievance, actor: Actor | None) -> list[dict]:
    if actor is None:
        return []
    return [
        {
            "value": action.value,
            "label": ACTION_LABELS[action],
            "needs_note": TRANSITIONS[(Status(grievance.status), action)].needs_note,
            "help": ACTION_HELP.get(action, "") if actor == Actor.MSME else "",
        }
        for action in actions_for(grievance.status, actor)
        # A referral has its own form naming the organisation; the MSME replies in the box.
        if action not in {Action.REFER, Action.MSME_REPLY}
    ]


def _latest(timeline, action: str):
    return next((entry for entry in reversed(timeline) if entry.action == action), None)


GRIEVANCE_FLAGS = (
    Can.GRIEVANCE_ASSIGN,
    Can.GRIEVANCE_MESSAGE,
    Can.GRIEVANCE_NOTE_INTERNAL,
    Can.GRIEVANCE_TRANSFER,
    Can.GRIEVANCE_REFER,
    Can.GRIEVANCE_MERGE,
    Can.TRIAGE_DECIDE,
)


def detail_context(request, detail: selectors.GrievanceDetail, *, message_form=None) -> dict:
    grievance = detail.grievance
    actor = _actor(request, grievance)
    is_msme = actor == Actor.MSME
    can_refer = actor is not None and Action.REFER in actions_for(grievance.status, actor)
    triage = triage_context(grievance, detail.triage)
    for message in detail.messages if triage and not triage["missing"] else []:
        message.triage_mood = triage["messages"].get(message.pk)
    # The triage panel's "refer" link names the suggested department (`?refer=`).
    referral_initial = {"organisation": request.GET.get("refer", "")[:200]}
    return {
        "detail": detail,
        "grievance": grievance,
        "timeline": timeline_rows(detail.timeline),
        "actions": _action_buttons(grievance, actor),
        "message_form": message_form
        or MessageForm(is_officer=policy.can(request.user, Can.GRIEVANCE_NOTE_INTERNAL, grievance)),
        "rating_form": RatingForm() if is_msme and grievance.status == Status.RESOLVED else None,
        "transfer_form": TransferForm(
            rooms=detail.rooms,
            query=request.GET.get("room_q", ""),
            initial={"from_room": grievance.room_id},
        )
        if detail.is_officer
        else None,
        "referral_form": ReferralForm(initial=referral_initial, query=request.GET.get("org_q", ""))
        if can_refer
        else None,
        "triage": triage,
        "assign_form": AssignForm(officers=detail.officers) if detail.is_officer else None,
        "merge_form": MergeForm() if detail.is_officer else None,
        "may": policy.flags(request.user, grievance, *GRIEVANCE_FLAGS),
        "is_msme": is_msme,
        "owner_status": OWNER_STATUS.get(grievance.status) if is_msme else None,
        "question": _latest(detail.timeline, Action.ASK_MSME)
        if grievance.status == Status.AWAITING_MSME
        else None,
        "appeal_decision": _latest(detail.timeline, Action.DECIDE_APPEAL),
        "sop_section": sop_section_for(grievance=grievance, user=request.user),
    }


@login_required
@require_GET
@not_found_as_404
def grievance_detail_view(request, grievance_id: int):
    """The grievance page; `?reply=<id>` puts a canned reply in the message box (htmx: only
    the message form is sent back)."""
    detail = selectors.grievance_detail_get_for_user(user=request.user, grievance_id=grievance_id)
    reply_id = request.GET.get("reply", "")
    reply = next((r for r in detail.canned_replies if str(r.pk) == reply_id), None)
    message_form = MessageForm(
        initial={"body": reply.body} if reply else None,
        is_officer=policy.can(request.user, Can.GRIEVANCE_NOTE_INTERNAL, detail.grievance),
    )
    context = detail_context(request, detail, message_form=message_form)
    if request.htmx and not request.htmx.boosted and "reply" in request.GET:
        return render(request, "grievances/partials/_message_form.html", context)
    return render(request, "grievances/detail.html", context)


def detail_page(request, grievance_id: int, *, message_form=None, status: int = 200):
    """The grievance page again, e.g. with a message form that carries its errors."""
    detail = selectors.grievance_detail_get_for_user(user=request.user, grievance_id=grievance_id)
    context = detail_context(request, detail, message_form=message_form)
    return render(request, "grievances/detail.html", context, status=status)


@login_required
@require_GET
@not_found_as_404
def attachment_download_view(request, attachment_id: int):
    attachment = selectors.attachment_get_for_user(user=request.user, attachment_id=attachment_id)
    return file_download(
        attachment.file, name=attachment.original_name, content_type=attachment.content_type
    )
