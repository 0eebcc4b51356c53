"""Officers' sessions end after a period without requests (entrepreneurs keep the default)."""

import time

from django.conf import settings
from django.contrib.auth import logout

from .choices import OFFICER_ROLES

_LAST_SEEN = "officer_last_seen"


class OfficerSessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.role in OFFICER_ROLES:
            now = int(time.time())
            last_seen = request.session.get(_LAST_SEEN)
            if last_seen is not None and now - last_seen > settings.OFFICER_SESSION_IDLE_SECONDS:
                logout(request)
            else:
                request.session[_LAST_SEEN] = now
        return self.get_response(request)
