"""Web pages for grievances: thin interfaces over the services and selectors."""

import dataclasses
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.accounts import policy
from champions.accounts.policy import Action as Can
from champions.accounts.policy import permission_required
from champions.accounts.selectors import user_is_entrepreneur, user_is_officer
from champions.controlrooms.selectors import control_room_list
from champions.core.errors import DomainError, Forbidden, NotFound, ValidationFailed
from champions.core.http import cursor_param as _cursor
from champions.core.http import not_found_as_404
from champions.core.pagination import keyset_page

from . import attachments, selectors, services, triage_views
from .choices import Status
from .filters import GrievanceQueueFilterSet
from .forms import (
    ACTION_LABELS,
    AssignForm,
    BulkForm,
    HolidayForm,
    IntakeForm,
    LodgeForm,
    MergeForm,
    MessageForm,
    RatingForm,
    ReferralForm,
    SlaPolicyForm,
    TrackForm,
    TransferForm,
    TransitionForm,
)
from .sla import Policy
from .workflow import POOR_RATING_MAX, TRANSITIONS, Action, Actor, actions_for

TIMELINE_LABELS = {
    "lodged": gettext_lazy("Lodged"),
    "assign": gettext_lazy("Assigned"),
    "reassigned": gettext_lazy("Reassigned"),
    "start": gettext_lazy("Work started"),
    "ask_msme": gettext_lazy("Information asked of the MSME"),
    "msme_reply": gettext_lazy("The MSME replied"),
    "resolve": gettext_lazy("Resolved"),
    "reopen": gettext_lazy("Reopened"),
    "close": gettext_lazy("Closed"),
    "appeal": gettext_lazy("Appealed"),
    "decide_appeal": gettext_lazy("Appeal decided"),
    "transferred": gettext_lazy("Transferred"),
    "rerouted": gettext_lazy("Control room changed"),
    "refer": gettext_lazy("Referred to another department"),
    "escalated": gettext_lazy("Escalated"),
    "sla_at_risk": gettext_lazy("Service level at risk"),
    "sla_breached": gettext_lazy("Service level breached"),
    "message": gettext_lazy("Message"),
    "note": gettext_lazy("Internal note"),
    "attachment": gettext_lazy("Files attached"),
    "merged": gettext_lazy("Merged into another grievance"),
    "merged_in": gettext_lazy("A duplicate was merged in"),
    "triage_accept": gettext_lazy("AI suggestion accepted"),
    "triage_override": gettext_lazy("AI suggestion overridden"),
}
# What the MSME reads about where the grievance stands, and what happens next.
OWNER_STATUS = {
    Status.SUBMITTED: (
        gettext_lazy("Received. A control room will take it up soon."),
        gettext_lazy("An officer will be assigned; you will be told."),
    ),
    Status.ASSIGNED: (
        gettext_lazy("An officer has it."),
        gettext_lazy("The officer looks into it and may ask you a question here."),
    ),
    Status.IN_PROGRESS: (
        gettext_lazy("An officer is working on it."),
        gettext_lazy("You will be told when it is resolved or if a question comes up."),
    ),
    Status.AWAITING_MSME: (
        gettext_lazy("The officer needs an answer from you."),
        gettext_lazy("Answer the question below; the officer's clock starts again when you do."),
    ),
    Status.RESOLVED: (
        gettext_lazy("The officer says it is resolved."),
        gettext_lazy("Check the resolution, then rate it, or reopen it if it is not settled."),
    ),
    Status.REOPENED: (
        gettext_lazy("You reopened it."),
        gettext_lazy("An officer takes it up again."),
    ),
    Status.CLOSED: (
        gettext_lazy("Closed."),
        gettext_lazy("If the matter is not settled you may appeal to the hub."),
    ),
    Status.APPEALED: (
        gettext_lazy("Your appeal is with the hub's appellate officer."),
        gettext_lazy("The decision and its reasons will appear here."),
    ),
    Status.APPEAL_DECIDED: (
        gettext_lazy("The appeal is decided."),
        gettext_lazy("The decision and its reasons are shown above."),
    ),
}
# Said next to each of the MSME's buttons, before the click.
ACTION_HELP = {
    Action.REOPEN: gettext_lazy(
        "Not settled? Reopen it within 15 days of the resolution and say what is missing."
    ),
    Action.CLOSE: gettext_lazy("Settled? Close it; you can still rate it."),
    Action.APPEAL: gettext_lazy(
        "An appeal goes to the hub's appellate officer, who decides it within the appeal "
        "period and gives reasons. Say why the resolution is not acceptable."
    ),
}
BULK_DONE = {
    BulkForm.ASSIGN_TO_ME: ngettext_lazy(
        "%(count)s grievance assigned to you.", "%(count)s grievances assigned to you.", "count"
    ),
    BulkForm.TRANSFER: ngettext_lazy(
        "%(count)s grievance transferred.", "%(count)s grievances transferred.", "count"
    ),
}


def _timeline_rows(entries) -> list[dict]:
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


def officer_required(view):
    """Officers' pages: to everyone else they do not exist."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not user_is_officer(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapper)


# The hub's pages (service levels, holidays): everyone else gets the 403 page.
hub_required = permission_required(Can.SLA_EDIT)


def _show_refusal(request, exc: DomainError) -> None:
    messages.error(request, exc.message)
    for field_messages in exc.errors.values():
        for message in field_messages:
            if message != exc.message:
                messages.error(request, message)


def _attempt(request, operation, *, success: str) -> bool:
    """Run a service; a refusal becomes a message on the page (out of scope stays a 404)."""
    try:
        operation()
    except (NotFound, Forbidden):
        raise
    except DomainError as exc:
        _show_refusal(request, exc)
        return False
    messages.success(request, success)
    return True


# --- Lodging -----------------------------------------------------------------------------------


def _acknowledge(request, result: services.LodgeResult):
    if result.replayed:
        messages.info(request, _("This form had already been sent; here is what it lodged."))
    return redirect("web:grievances:acknowledgement", grievance_id=result.grievance.pk)


@login_required
@require_http_methods(["GET", "POST"])
def grievance_lodge_view(request):
    if policy.can(request.user, Can.GRIEVANCE_INTAKE):
        return redirect("web:grievances:intake")
    policy.require(request.user, Can.GRIEVANCE_LODGE)
    form = LodgeForm(request.POST or None, request.FILES or None, user=request.user)
    if form.is_bound and form.is_valid():
        try:
            result = services.grievance_lodge_with_attachments(
                actor=request.user,
                data=form.to_input(),
                files=form.cleaned_data["attachments"],
                idempotency_key=form.cleaned_data["token"],
            )
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
        else:
            return _acknowledge(request, result)
    return render(request, "grievances/lodge.html", {"form": form})


@permission_required(Can.GRIEVANCE_INTAKE)
@require_http_methods(["GET", "POST"])
def grievance_intake_view(request):
    form = IntakeForm(request.POST or None, user=request.user)
    if form.is_bound and form.is_valid():
        try:
            result = services.grievance_lodge(
                actor=request.user,
                data=form.to_input(),
                channel=form.cleaned_data["channel"],
                idempotency_key=form.cleaned_data["token"],
            )
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
        else:
            return _acknowledge(request, result)
    return render(request, "grievances/intake.html", {"form": form})


@login_required
@require_GET
@not_found_as_404
def grievance_acknowledgement_view(request, grievance_id: int):
    grievance = selectors.grievance_acknowledgement_get(
        user=request.user, grievance_id=grievance_id
    )
    return render(request, "grievances/acknowledgement.html", {"grievance": grievance})


# --- Lists -------------------------------------------------------------------------------------


@login_required
@require_GET
def grievance_list_view(request):
    """'My grievances' for an entrepreneur; officers work from the queue."""
    if user_is_officer(request.user):
        return redirect("web:grievances:queue")
    if not user_is_entrepreneur(request.user):
        raise Http404
    page = keyset_page(
        selectors.grievance_list_for_user(user=request.user),
        after=_cursor(request, "after"),
        before=_cursor(request, "before"),
        size=settings.CHAMPIONS_PAGE_SIZE,
    )
    return render(request, "grievances/my_list.html", {"page": page})


@officer_required
@require_GET
def grievance_queue_view(request):
    base = selectors.grievance_queue_for_user(user=request.user)
    filterset = GrievanceQueueFilterSet(request.GET, queryset=base, request=request)
    # The per-status counts follow every filter but the status itself.
    others = request.GET.copy()
    others.pop("status", None)
    unfiltered = GrievanceQueueFilterSet(others, queryset=base, request=request)
    counts = selectors.queue_status_counts_for_user(
        user=request.user, qs=unfiltered.qs, narrowed=unfiltered.narrows
    )
    page = selectors.grievance_queue_page(
        filterset.qs,
        sort=filterset.chosen_sort,
        after=_cursor(request, "after"),
        before=_cursor(request, "before"),
        size=settings.CHAMPIONS_PAGE_SIZE,
    )
    context = {
        "filterset": filterset,
        "page": page,
        "counts": counts,
        "rooms": control_room_list(),
        "current_status": filterset.form.cleaned_data.get("status", ""),
        "edits_service_levels": selectors.user_edits_service_levels(request.user),
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "grievances/partials/_queue_results.html", context)
    return render(request, "grievances/queue.html", context)


def _bulk_apply(request, data: dict) -> None:
    try:
        if data["operation"] == BulkForm.TRANSFER:
            result = services.grievances_bulk_transfer(
                grievance_ids=data["ids"],
                room_id=data["room"],
                actor=request.user,
                reason=data["reason"],
            )
        else:
            result = services.grievances_bulk_assign_to_me(
                grievance_ids=data["ids"], actor=request.user
            )
    except ValidationFailed as exc:
        _show_refusal(request, exc)
        return
    if result.done:
        messages.success(request, BULK_DONE[data["operation"]] % {"count": len(result.done)})
    for grievance_id, reason in result.refused:
        messages.error(
            request, _("Grievance %(id)s: %(reason)s") % {"id": grievance_id, "reason": reason}
        )


@permission_required(Can.GRIEVANCE_ASSIGN)
@require_POST
def grievance_bulk_view(request):
    """Bulk assign-to-me or transfer: the first POST asks to confirm, the second applies."""
    rooms = control_room_list()
    form = BulkForm(request.POST, rooms=rooms)
    if not form.is_valid():
        for field_errors in form.errors.values():
            for error in field_errors:
                messages.error(request, error)
        return redirect("web:grievances:queue")
    data = form.cleaned_data
    if data["confirmed"]:
        _bulk_apply(request, data)
        return redirect("web:grievances:queue")
    grievances = selectors.grievance_list_by_ids_for_user(
        user=request.user, grievance_ids=data["ids"]
    )
    room = next((r for r in rooms if r.pk == data["room"]), None)
    context = {"form": form, "grievances": grievances, "room": room}
    return render(request, "grievances/bulk_confirm.html", context)


# --- The grievance page ------------------------------------------------------------------------


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


def _detail_context(request, detail: selectors.GrievanceDetail, *, message_form=None) -> dict:
    grievance = detail.grievance
    actor = _actor(request, grievance)
    is_msme = actor == Actor.MSME
    can_refer = actor is not None and Action.REFER in actions_for(grievance.status, actor)
    triage = triage_views.triage_context(grievance, detail.triage)
    for message in detail.messages if triage and not triage["missing"] else []:
        message.triage_mood = triage["messages"].get(message.pk)
    # The triage panel's "refer" link names the suggested department (`?refer=`).
    referral_initial = {"organisation": request.GET.get("refer", "")[:200]}
    return {
        "detail": detail,
        "grievance": grievance,
        "timeline": _timeline_rows(detail.timeline),
        "actions": _action_buttons(grievance, actor),
        "message_form": message_form
        or MessageForm(is_officer=policy.can(request.user, Can.GRIEVANCE_NOTE_INTERNAL, grievance)),
        "rating_form": RatingForm() if is_msme and grievance.status == Status.RESOLVED else None,
        "transfer_form": TransferForm(rooms=detail.rooms) if detail.is_officer else None,
        "referral_form": ReferralForm(initial=referral_initial) if can_refer else None,
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
    context = _detail_context(request, detail, message_form=message_form)
    if request.htmx and not request.htmx.boosted and "reply" in request.GET:
        return render(request, "grievances/partials/_message_form.html", context)
    return render(request, "grievances/detail.html", context)


def _may_act(request, grievance_id: int, action: Can | None = None):
    """The grievance (404 out of scope), or the 403 page if the user may not act on it."""
    grievance = selectors.grievance_get_for_user(user=request.user, grievance_id=grievance_id)
    if action is not None:
        policy.require(request.user, action, grievance)
    elif services.actor_kind(user=request.user, grievance=grievance) is None:
        raise Forbidden(policy.refusal_message(request.user))
    return grievance


def _back(grievance_id: int):
    return redirect("web:grievances:detail", grievance_id=grievance_id)


@login_required
@require_POST
@not_found_as_404
def grievance_transition_view(request, grievance_id: int):
    _may_act(request, grievance_id)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That action is not possible."))
        return _back(grievance_id)
    action, note = form.cleaned_data["action"], form.cleaned_data["note"]
    _attempt(
        request,
        lambda: _transition(request, grievance_id=grievance_id, action=action, note=note),
        success=_("Done: %(action)s.") % {"action": ACTION_LABELS[action]},
    )
    return _back(grievance_id)


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
    grievance = _may_act(request, grievance_id, Can.GRIEVANCE_MESSAGE)
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
            return _back(grievance_id)
    detail = selectors.grievance_detail_get_for_user(user=request.user, grievance_id=grievance_id)
    context = _detail_context(request, detail, message_form=form)
    return render(request, "grievances/detail.html", context, status=422)


@login_required
@require_POST
@not_found_as_404
def grievance_rate_view(request, grievance_id: int):
    _may_act(request, grievance_id, Can.GRIEVANCE_RESPOND)
    form = RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a rating from 1 to 5."))
        return _back(grievance_id)
    done = _attempt(
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
    return _back(grievance_id)


@permission_required(Can.GRIEVANCE_TRANSFER)
@require_POST
@not_found_as_404
def grievance_transfer_view(request, grievance_id: int):
    _may_act(request, grievance_id, Can.GRIEVANCE_TRANSFER)
    form = TransferForm(request.POST, rooms=control_room_list())
    if not form.is_valid():
        messages.error(request, _("Choose a control room and give a reason."))
        return _back(grievance_id)
    transferred = _attempt(
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
    if transferred and not _still_visible(request, grievance_id):
        return redirect("web:grievances:queue")
    return _back(grievance_id)


@permission_required(Can.GRIEVANCE_REFER)
@require_POST
@not_found_as_404
def grievance_refer_view(request, grievance_id: int):
    _may_act(request, grievance_id, Can.GRIEVANCE_REFER)
    form = ReferralForm(request.POST)
    if not form.is_valid():
        selectors.grievance_get_for_user(user=request.user, grievance_id=grievance_id)  # 404
        messages.error(request, _("Choose a department or ministry and give a reason."))
        return _back(grievance_id)
    organisation = form.cleaned_data["organisation"]
    _attempt(
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
    return _back(grievance_id)


def _still_visible(request, grievance_id: int) -> bool:
    try:
        selectors.grievance_get_for_user(user=request.user, grievance_id=grievance_id)
    except NotFound:
        return False
    return True


@permission_required(Can.GRIEVANCE_ASSIGN)
@require_POST
@not_found_as_404
def grievance_assign_view(request, grievance_id: int):
    _may_act(request, grievance_id, Can.GRIEVANCE_ASSIGN)
    form = AssignForm(request.POST, officers=[])
    if not form.is_valid():
        messages.error(request, _("Choose an officer."))
        return _back(grievance_id)
    _attempt(
        request,
        lambda: services.grievance_assign_to(
            grievance_id=grievance_id, assignee_id=form.cleaned_data["assignee"], actor=request.user
        ),
        success=_("The grievance was assigned."),
    )
    return _back(grievance_id)


@permission_required(Can.GRIEVANCE_MERGE)
@require_POST
@not_found_as_404
def grievance_merge_view(request, grievance_id: int):
    _may_act(request, grievance_id, Can.GRIEVANCE_MERGE)  # 404 out of scope, then 403
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the registration number of the grievance to keep."))
        return _back(grievance_id)
    try:
        primary = selectors.grievance_get_by_number_for_user(
            user=request.user, registration_number=form.cleaned_data["primary"]
        )
    except NotFound:
        messages.error(request, _("No grievance with that registration number in your scope."))
        return _back(grievance_id)
    _attempt(
        request,
        lambda: services.grievance_merge(
            duplicate_id=grievance_id, primary_id=primary.pk, actor=request.user
        ),
        success=_("Merged into %(number)s.") % {"number": primary.registration_number},
    )
    return _back(grievance_id)


@login_required
@require_GET
@not_found_as_404
def attachment_download_view(request, attachment_id: int):
    attachment = attachments.attachment_get_for_user(user=request.user, attachment_id=attachment_id)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


# --- Service levels and the holiday calendar (the hub) -----------------------------------------


@hub_required
@require_http_methods(["GET", "POST"])
def sla_policy_list_view(request):
    """The SLA policies, with a form to add one for a category and priority."""
    form = SlaPolicyForm(request.POST or None, initial=_policy_initial(None))
    if form.is_bound and _save_policy(request, form, policy_id=None):
        return redirect("web:grievances:sla")
    context = {"policies": selectors.sla_policy_list(), "form": form}
    return render(request, "grievances/sla_policies.html", context, status=_status(form))


@hub_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def sla_policy_edit_view(request, policy_id: int):
    policy = selectors.sla_policy_get(policy_id=policy_id)
    is_default = not (policy.category or policy.priority)
    form = SlaPolicyForm(
        request.POST or None, initial=_policy_initial(policy), is_default=is_default
    )
    if form.is_bound and _save_policy(request, form, policy_id=policy.pk):
        return redirect("web:grievances:sla")
    context = {"policy": policy, "form": form, "is_default": is_default}
    return render(request, "grievances/sla_policy_edit.html", context, status=_status(form))


def _policy_initial(policy) -> dict:
    if policy is None:
        return dataclasses.asdict(Policy())
    names = ("category", "priority", *services.SLA_DAY_FIELDS)
    return {name: getattr(policy, name) for name in names}


def _save_policy(request, form: SlaPolicyForm, *, policy_id: int | None) -> bool:
    if not form.is_valid():
        return False
    try:
        services.sla_policy_save(actor=request.user, data=form.to_input(), policy_id=policy_id)
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        return False
    messages.success(request, _("The service level policy was saved."))
    return True


def _status(form) -> int:
    return 422 if form.is_bound and form.errors else 200


@hub_required
@require_POST
@not_found_as_404
def sla_policy_delete_view(request, policy_id: int):
    _attempt(
        request,
        lambda: services.sla_policy_delete(actor=request.user, policy_id=policy_id),
        success=_("The service level policy was deleted."),
    )
    return redirect("web:grievances:sla")


@hub_required
@require_http_methods(["GET", "POST"])
def holiday_list_view(request):
    """The holidays of one year (`?year=`), with a form to add a national or state holiday."""
    year = _cursor(request, "year") or timezone.localdate().year
    form = HolidayForm(request.POST or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            holiday = services.holiday_add(
                actor=request.user,
                day=data["day"],
                name=data["name"],
                state_id=data["state"].pk if data["state"] else None,
            )
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
        else:
            messages.success(request, _("The holiday was added."))
            return redirect(f"{reverse('web:grievances:holidays')}?year={holiday.day.year}")
    context = {
        "form": form,
        "year": year,
        "years": selectors.holiday_years(),
        "holidays": selectors.holiday_list(year=year),
    }
    return render(request, "grievances/holidays.html", context, status=_status(form))


@hub_required
@require_POST
@not_found_as_404
def holiday_delete_view(request, holiday_id: int):
    _attempt(
        request,
        lambda: services.holiday_delete(actor=request.user, holiday_id=holiday_id),
        success=_("The holiday was deleted."),
    )
    year = _cursor(request, "year")
    return redirect(reverse("web:grievances:holidays") + (f"?year={year}" if year else ""))


# --- Public tracking ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def grievance_track_view(request):
    """Open to all: the number and the registered mobile or e-mail give the status. POST keeps
    the contact out of URLs and logs; a wrong number and a wrong contact read the same."""
    form = TrackForm(request.POST or None)
    result = None
    if form.is_bound and form.is_valid():
        result = selectors.grievance_track_result(
            registration_number=form.cleaned_data["registration_number"],
            contact=form.cleaned_data["contact"],
        )
        if result is None:
            form.add_error(
                None, _("We found no grievance with that number and mobile number or e-mail.")
            )
    timeline = _timeline_rows(result.timeline) if result else []
    context = {"form": form, "result": result, "timeline": timeline}
    return render(request, "grievances/track.html", context)
