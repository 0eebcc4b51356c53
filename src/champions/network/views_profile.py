"""The owner's pages for a profile: edit what the unit makes, offers and needs (with the
readable code picker) and choose the facts its trust card shows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from champions.core.errors import ValidationFailed
from champions.core.http import not_found_as_404

from . import editing, picker, trustcard
from .forms_profile import ProfileEditForm, TrustFactsForm

PICKER_TARGETS = {"id_hs_codes": picker.HS, "id_needs_hs_codes": picker.HS, "id_nic_codes": "nic"}


def _edit_context(profile, form) -> dict:
    return {
        "profile": profile,
        "form": form,
        "held": {
            "hs_codes": picker.code_labels(profile.hs_codes, kind=picker.HS),
            "needs_hs_codes": picker.code_labels(profile.needs_hs_codes, kind=picker.HS),
            "nic_codes": picker.code_labels(profile.nic_codes, kind=picker.NIC),
        },
    }


@login_required
@not_found_as_404
def profile_edit_view(request, profile_id: int):
    profile = editing.own_profile_get(user=request.user, profile_id=profile_id)
    form = ProfileEditForm(request.POST or None, initial=ProfileEditForm.initial_for(profile))
    if request.method == "POST" and form.is_valid():
        try:
            editing.profile_update(user=request.user, profile_id=profile.pk, data=form.edit_input())
            messages.success(request, _("Your profile is saved."))
            return redirect("web:network:profile_edit", profile_id=profile.pk)
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
    return render(request, "network/profile_edit.html", _edit_context(profile, form))


@require_GET
def code_search_view(request):
    target = request.GET.get("target", "")
    kind = PICKER_TARGETS.get(target, picker.HS)
    choices = picker.code_search(query=request.GET.get("q", ""), kind=kind)
    context = {"choices": choices, "target": target if target in PICKER_TARGETS else ""}
    context["query"] = request.GET.get("q", "").strip()
    return render(request, "network/partials/_code_choices.html", context)


def _facts_context(profile, form) -> dict:
    """Each fact with what the card would show today (absent: nothing verified yet)."""
    verified = {f["key"]: f for f in trustcard.trust_facts(profile, chosen=trustcard.FACT_KEYS)}
    rows = [(choice, verified.get(choice.data["value"])) for choice in form["facts"]]
    return {"profile": profile, "form": form, "rows": rows}


@login_required
@not_found_as_404
def trust_facts_view(request, profile_id: int):
    profile = editing.own_profile_get(user=request.user, profile_id=profile_id)
    chosen = profile.trust_card_fields or list(trustcard.FACT_KEYS)
    form = TrustFactsForm(
        request.POST if request.method == "POST" else None, initial={"facts": chosen}
    )
    if request.method == "POST" and form.is_valid():
        try:
            keys = form.cleaned_data["facts"]
            editing.trust_facts_choose(user=request.user, profile_id=profile.pk, keys=keys)
            messages.success(request, _("Your trust card now shows the facts you chose."))
            return redirect("web:network:trust", profile_id=profile.pk)
        except ValidationFailed as exc:
            form.add_service_errors(exc.errors)
    return render(request, "network/trust_facts.html", _facts_context(profile, form))
