"""API authentication: the browser's session (with CSRF) or a bearer token."""

from ninja.security import HttpBearer, SessionAuth

from champions.accounts.services import api_token_authenticate


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        user = api_token_authenticate(key=token)
        if user is not None:
            request.user = user
        return user


session_or_token = [SessionAuth(), BearerToken()]
