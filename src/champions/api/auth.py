"""API authentication: the browser's session (with CSRF) or a bearer token."""

from ninja.security import HttpBearer, SessionAuth

from champions.accounts.services import api_token_authenticate


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        user = api_token_authenticate(key=token)
        if user is not None:
            request.user = user
        return user


# The token first: a client that sends one is not a browser, so it needs no CSRF token
# (SessionAuth refuses a cookieless POST with 403 before the next method is tried).
session_or_token = [BearerToken(), SessionAuth()]
