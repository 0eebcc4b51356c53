"""API authentication: the browser's session (with CSRF) or a bearer token."""

from ninja.security import HttpBearer, SessionAuth

from champions.accounts.choices import Role
from champions.accounts.policy import refusal_message, write_refused
from champions.accounts.services import api_token_authenticate
from champions.core.errors import Forbidden, NotFound
from champions.core.throttles import count_token_guess


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        user = api_token_authenticate(key=token)
        if user is None:
            count_token_guess(request)
        else:
            request.user = user
            # The session's writes are refused by OversightReadOnlyMiddleware; a token is only
            # known here.
            if write_refused(user, method=request.method, api_path=request.path):
                if user.role == Role.ANALYST:  # as OversightReadOnlyMiddleware answers them
                    raise NotFound(refusal_message(user))
                raise Forbidden(refusal_message(user))
        return user


class SignedInSession(SessionAuth):
    """The browser's session; CSRF is checked only for a signed-in user.

    Without a session there is nothing to forge, so an anonymous request gets the honest 401
    (not a CSRF 403) before any body is read.
    """

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


# The token first: a client that sends one is not a browser, so it needs no CSRF token
# (SessionAuth refuses a cookieless POST with 403 before the next method is tried).
session_or_token = [BearerToken(), SignedInSession()]
