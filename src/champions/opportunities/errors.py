"""Errors of the opportunities app (the rest come from core.errors)."""

from champions.core.errors import DomainError


class PermissionDenied(DomainError):
    """Signed in, but not allowed to do this (403)."""

    status = 403
    code = "permission_denied"
