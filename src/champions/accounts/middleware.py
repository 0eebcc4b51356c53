"""Sessions end after a period without requests; leadership and analysts change nothing."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import Http404, JsonResponse

from champions.core.errors import Forbidden, NotFound

from .choices import OFFICER_ROLES, Role
from .policy import refusal_message, write_refused

_LAST_SEEN = "officer_last_seen"  # the name predates the rule for every user
_SEEN_GRANULARITY = 60


class OfficerSessionTimeoutMiddleware:
    """Ends a session idle for too long: OFFICER_SESSION_IDLE_SECONDS for officers,
    SESSION_IDLE_SECONDS for everyone else. The last request's time is written at most once a
    minute, so a busy session is not saved on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            idle_limit = (
                settings.OFFICER_SESSION_IDLE_SECONDS
                if user.role in OFFICER_ROLES
                else settings.SESSION_IDLE_SECONDS
            )
            last_seen = request.session.get(_LAST_SEEN)
            if last_seen is not None and now - last_seen > idle_limit:
                logout(request)
            elif last_seen is None or now - last_seen >= _SEEN_GRANULARITY:
                request.session[_LAST_SEEN] = now
        return self.get_response(request)


class OversightReadOnlyMiddleware:
    """Leadership and analysts change nothing, whichever app a page belongs to (the rule and
    its exceptions are in `accounts.policy`). Leadership is told why (403); for an analyst,
    who sees aggregates only, the page does not exist (404), on the web and the API alike,
    as the scoped selectors answer them elsewhere. The API answers JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        api_path = request.path if request.path.startswith("/api/") else ""
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if not write_refused(user, method=request.method, view_name=view_name, api_path=api_path):
            return None
        message = refusal_message(user)
        if user.role == Role.ANALYST:
            if api_path:
                return JsonResponse({"detail": message, "code": NotFound.code}, status=404)
            raise Http404(message)
        if api_path:
            return JsonResponse({"detail": message, "code": Forbidden.code}, status=403)
        raise Forbidden(message)
