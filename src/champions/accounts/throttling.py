"""Login throttling, configured in allauth (`ACCOUNT_RATE_LIMITS["login_failed"]`).

allauth counts failed logins per account ("key") and per client address ("ip"). Several
windows per account make the lockout short and growing (a minute, then a quarter hour, then an
hour); the per-client windows are far higher so one office behind a proxy is not one account.
This module only turns allauth's refusal into an honest 429 with `Retry-After`.
"""

import time

from allauth.core.internal.ratelimit import get_cache_key, get_rates
from django.core.cache import cache

FALLBACK_RETRY_AFTER = 60


def retry_after_seconds(request, *, key: str) -> int:
    """Seconds until every exhausted login_failed window lets one more attempt through."""
    now = time.time()
    waits = []
    for rate in get_rates(app="allauth.account", action="login_failed"):
        cache_key = get_cache_key(
            request, app="allauth.account", action="login_failed", rate=rate, key=key
        )
        history = [t for t in cache.get(cache_key, []) if t > now - rate.duration]
        if len(history) >= rate.amount:
            # history is newest first: the window frees up when the amount-th newest expires
            waits.append(history[rate.amount - 1] + rate.duration - now)
    return max(1, int(max(waits))) if waits else FALLBACK_RETRY_AFTER


class LoginThrottleMiddleware:
    """A login refused for too many failures answers 429 with Retry-After (the form and its
    message still render, so a person sees why)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        retry_after = getattr(request, "login_retry_after", None)
        if retry_after is not None:
            response.status_code = 429
            response["Retry-After"] = str(retry_after)
        return response
