"""A second factor (TOTP or a passkey, through allauth.mfa) for everyone who sees beyond their
own affairs: spoke and hub officers, leadership, administrators, and any staff account.

allauth asks for the code at login once a user has an authenticator. What it does not do is
make one compulsory, nor stop a session opened another way (Django admin's own login form,
or a session from before the authenticator existed) from carrying on without the code. So
`MfaRequiredMiddleware` sends such a user to set up TOTP (or, from the allauth pages it leaves
open, a passkey or security key), or to enter a code or use their key, before anything else;
the API answers 403 in JSON. `MFA_REQUIRED` (on by default) switches it; the test settings
turn it off and the MFA tests on again.
"""

from datetime import UTC, datetime

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .choices import OFFICER_ROLES
from .selectors import user_has_second_factor, user_second_factor_added_since

# Paths a user who still owes the second factor may open: the allauth pages (set-up, code,
# logout), static files, the language switch.
OPEN_PREFIXES = ("/accounts/", "/static/", "/i18n/")


def mfa_required_for(user) -> bool:
    return bool(user.is_authenticated and (user.role in OFFICER_ROLES or user.is_staff))


def session_mfa_verified(request) -> bool:
    """The session showed the second factor: at sign-in, or by setting TOTP or a passkey up
    (which means a valid code or a touch of the key) after it signed in; the latter is then
    recorded like the former."""
    records = get_authentication_records(request, request.user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    if not records:
        return False
    signed_in_at = datetime.fromtimestamp(min(record["at"] for record in records), tz=UTC)
    if not user_second_factor_added_since(request.user, signed_in_at):
        return False
    record_authentication(request, request.user, "mfa", type="totp", set_up=True)
    return True


class MfaRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = self.refusal(request)
        return refusal or self.get_response(request)

    def refusal(self, request):
        user = getattr(request, "user", None)
        if not settings.MFA_REQUIRED or user is None or not mfa_required_for(user):
            return None
        if request.path.startswith(OPEN_PREFIXES) or session_mfa_verified(request):
            return None
        has_factor = user_has_second_factor(user)
        if request.path.startswith("/api/"):
            message = _("Your role needs two-factor authentication: sign in on the web first.")
            return JsonResponse({"detail": message, "code": "mfa_required"}, status=403)
        if not has_factor:
            messages.info(request, _("Your role needs two-factor authentication: set it up now."))
            return redirect("mfa_activate_totp")
        # A session that skipped the code (the admin's own login form, an older session).
        next_query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('mfa_reauthenticate')}?{next_query}")
