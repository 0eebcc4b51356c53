"""API rate limits (django-ninja's throttles), per client address and per token or number.

Rates live in `settings.API_THROTTLE_RATES` and are read on every request, so an operator (or a
test) changes them without a restart of the import. The client address honours
`TRUSTED_PROXY_COUNT` (ninja's NUM_PROXIES). A refused request answers 429 with Retry-After.
"""

import hashlib

from django.conf import settings
from ninja.errors import Throttled
from ninja.throttling import SimpleRateThrottle


class SettingsRateThrottle(SimpleRateThrottle):
    """A throttle whose rate is `settings.API_THROTTLE_RATES[scope]`, read per request."""

    def __init__(self, scope: str):
        self.scope = scope
        super().__init__(rate=self.get_rate())

    def get_rate(self) -> str:
        return settings.API_THROTTLE_RATES[self.scope]

    def allow_request(self, request) -> bool:
        self.num_requests, self.duration = self.parse_rate(self.get_rate())
        return super().allow_request(request)

    def _key(self, ident: str) -> str:
        return self.cache_format % {"scope": self.scope, "ident": ident}


class PerClient(SettingsRateThrottle):
    def get_cache_key(self, request) -> str:
        return self._key(self.get_ident(request) or "unknown")


class PerUser(SettingsRateThrottle):
    """Per signed-in user or token owner (the user a token authenticated as)."""

    def get_cache_key(self, request) -> str | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return self._key(f"user-{user.pk}")


class PerTrackedNumber(SettingsRateThrottle):
    """Per registration number asked for: guessing the contact of one number is slowed
    down whichever addresses the guesses come from."""

    def get_cache_key(self, request) -> str | None:
        number = request.GET.get("number", "").strip().upper()[:24]
        if not number:
            return None
        return self._key(hashlib.sha256(number.encode()).hexdigest())


_token_guesses = PerClient("token_guess")


def count_token_guess(request) -> None:
    """A wrong bearer token: count it per client; past the rate, answer 429, not 401."""
    if not _token_guesses.allow_request(request):
        raise Throttled(wait=_token_guesses.wait())


def track_throttles() -> list:
    return [PerClient("track"), PerTrackedNumber("track_number")]


def triage_throttles() -> list:
    return [PerClient("triage_client"), PerUser("triage_user")]
