"""The profile page: who you are, and the API tokens you hold."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.core.errors import DomainError, NotFound, ValidationFailed
from champions.core.forms import form_done

from . import profile, selectors, services
from .forms import ApiTokenCreateForm, PhoneCodeForm, ProfileForm


def _details_form(user, data=None) -> ProfileForm:
    initial = {
        "full_name": user.full_name,
        "phone": user.phone,
        "preferred_language": user.preferred_language,
        "preferred_channel": user.preferred_channel,
    }
    return ProfileForm(data, initial=initial)


def _profile(request, *, form: ApiTokenCreateForm, new_key: str = "", **forms):
    context = {
        "form": form,
        "tokens": selectors.api_token_list(user=request.user),
        "new_key": new_key,
        "details_form": forms.get("details_form") or _details_form(request.user),
        "code_form": forms.get("code_form") or PhoneCodeForm(),
        "code_sent": forms.get("code_sent", False),
        "send_error": forms.get("send_error", ""),
    }
    status = 422 if any(f.errors for f in forms.values() if hasattr(f, "errors")) else 200
    return render(request, "accounts/profile.html", context, status=status)


def _form_errors(form, exc: DomainError) -> None:
    for field, messages_ in (exc.errors or {None: [exc.message]}).items():
        for message in messages_:
            form.add_error(field if field in form.fields else None, message)


@login_required
@require_POST
def profile_details_view(request):
    form = _details_form(request.user, request.POST)
    if not form_done(form, partial(_details_save, request.user)):
        return _profile(request, form=ApiTokenCreateForm(), details_form=form)
    messages.success(request, _("Your profile was saved."))
    response = redirect("web:accounts:profile")
    if request.user.preferred_language:
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, request.user.preferred_language)
    return response


def _details_save(user, form: ProfileForm) -> None:
    profile.profile_update(user=user, data=profile.ProfileInput(**form.cleaned_data))


@login_required
@require_POST
def phone_code_send_view(request):
    """Send a one-time code to the mobile number on the profile."""
    try:
        profile.phone_verification_start(user=request.user)
    except DomainError as exc:
        response = _profile(request, form=ApiTokenCreateForm(), send_error=exc.message)
        response.status_code = exc.status
        return response
    return _profile(request, form=ApiTokenCreateForm(), code_sent=True)


@login_required
@require_POST
def phone_code_verify_view(request):
    form = PhoneCodeForm(request.POST)
    if form.is_valid():
        try:
            profile.phone_verification_confirm(user=request.user, code=form.cleaned_data["code"])
        except ValidationFailed as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Your mobile number is verified."))
            return redirect("web:accounts:profile")
    return _profile(request, form=ApiTokenCreateForm(), code_form=form, code_sent=True)


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
