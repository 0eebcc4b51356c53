"""The profile page: who you are, and the API tokens you hold."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core.errors import NotFound, ValidationFailed

from . import selectors, services
from .forms import ApiTokenCreateForm


def _profile(request, *, form: ApiTokenCreateForm, new_key: str = ""):
    context = {
        "form": form,
        "tokens": selectors.api_token_list(user=request.user),
        "new_key": new_key,
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_GET
def profile_view(request):
    return _profile(request, form=ApiTokenCreateForm())


@login_required
@require_POST
@never_cache
def api_token_create_view(request):
    """Creates a token and shows its key on this one response; it is never shown again."""
    form = ApiTokenCreateForm(request.POST)
    if not form.is_valid():
        return _profile(request, form=form)
    try:
        issued = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
    except ValidationFailed as exc:
        for message in exc.errors.get("name", [exc.message]):
            form.add_error("name", message)
        return _profile(request, form=form)
    return _profile(request, form=ApiTokenCreateForm(), new_key=issued.key)


@login_required
@require_http_methods(["GET", "POST"])
def api_token_revoke_view(request, token_id: int):
    """GET asks for confirmation; POST revokes."""
    if request.method == "POST":
        try:
            token = services.api_token_revoke(user=request.user, token_id=token_id)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
        return redirect("web:accounts:profile")
    tokens = selectors.api_token_list(user=request.user)
    token = next((t for t in tokens if t.pk == token_id and t.is_active), None)
    if token is None:
        raise Http404
    return render(request, "accounts/api_token_revoke.html", {"token": token})
