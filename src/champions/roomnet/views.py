"""Pages of the room network: the rooms with officers on duty and their next review, a
room's reviews, a review (agenda, minutes, decisions), consultations between rooms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core.errors import ValidationFailed
from champions.core.http import not_found_as_404

from . import selectors, services
from .forms import ConsultForm, DecisionForm, MinutesForm, ReplyForm, ReviewForm


@login_required
@require_GET
@not_found_as_404
def network_view(request):
    rows = selectors.network_overview(user=request.user)
    consultations = selectors.consultations_for_user(user=request.user)
    context = {"rows": rows, "consultations": consultations}
    return render(request, "roomnet/network.html", context)


@login_required
@require_POST
@not_found_as_404
def duty_view(request):
    try:
        on = services.duty_set(actor=request.user, on_duty=request.POST.get("on") == "1")
    except ValidationFailed as exc:
        messages.error(request, exc.message)
        return redirect("web:roomnet:network")
    messages.success(request, _("You are on duty today.") if on else _("You are off duty today."))
    return redirect("web:roomnet:network")


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def room_view(request, room_id: int):
    room = selectors.room_get_for_user(user=request.user, room_id=room_id)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and _done(
        form,
        lambda f: services.review_schedule(actor=request.user, room_id=room.pk, **f.cleaned_data),
    ):
        return redirect("web:roomnet:review", form.result.pk)
    context = {"room": room, "reviews": selectors.reviews_for_room(room_id=room.pk), "form": form}
    return render(request, "roomnet/room.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def review_view(request, review_id: int):
    review = selectors.review_get_for_user(user=request.user, review_id=review_id)
    officers = selectors.room_officers(room_id=review.room_id)
    chosen = request.POST.get("form", "")
    forms = _review_forms(request.POST, chosen, review, officers)
    if chosen and _review_saved(request, review, chosen, forms):
        return redirect("web:roomnet:review", review.pk)
    context = {"review": review, **forms}
    return render(request, "roomnet/review.html", context, status=400 if chosen else 200)


def _review_forms(data, chosen: str, review, officers) -> dict:
    initial = {"minutes": review.minutes, "video_link": review.video_link}
    return {
        "minutes_form": MinutesForm(data if chosen == "minutes" else None, initial=initial),
        "decision_form": DecisionForm(data if chosen == "decision" else None, officers=officers),
    }


def _review_saved(request, review, chosen: str, forms) -> bool:
    actor = request.user
    if chosen == "agenda":
        services.review_agenda_refresh(actor=actor, review_id=review.pk)
        return True
    if chosen == "minutes":
        return _done(
            forms["minutes_form"],
            lambda f: services.review_minutes_save(
                actor=actor, review_id=review.pk, **f.cleaned_data
            ),
        )
    return chosen == "decision" and _done(
        forms["decision_form"],
        lambda f: services.decision_add(
            actor=actor,
            review_id=review.pk,
            text=f.cleaned_data["text"],
            owner_id=f.cleaned_data["owner"],
            due_on=f.cleaned_data["due_on"],
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def consult_view(request, grievance_id: int):
    grievance = services.consultation_grievance_get(actor=request.user, grievance_id=grievance_id)
    rooms = selectors.rooms_to_consult(exclude_room_id=grievance.room_id)
    form = ConsultForm(request.POST or None, rooms=rooms)
    if request.method == "POST" and _done(form, lambda f: _consult(request.user, grievance, f)):
        return redirect("web:roomnet:consultation", form.result.pk)
    context = {"grievance": grievance, "form": form}
    return render(request, "roomnet/consult.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
@not_found_as_404
def consultation_view(request, consultation_id: int):
    found = selectors.consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and _done(
        form,
        lambda f: services.consultation_reply(
            actor=request.user, consultation_id=found.pk, body=f.cleaned_data["body"]
        ),
    ):
        return redirect("web:roomnet:consultation", found.pk)
    context = {"consultation": found, "form": form}
    return render(request, "roomnet/consultation.html", context, status=400 if form.errors else 200)


def _consult(actor, grievance, form):
    data = form.cleaned_data
    return services.consultation_open(
        actor=actor, grievance_id=grievance.pk, to_room_id=data["to_room"], body=data["body"]
    )


def _done(form, do) -> bool:
    if not form.is_valid():
        return False
    try:
        form.result = do(form)
    except ValidationFailed as exc:
        form.add_service_errors(exc.errors)
        return False
    return True
