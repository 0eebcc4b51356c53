"""Errors of the opportunities app (the rest come from core.errors)."""

from champions.core.errors import Forbidden


class PermissionDenied(Forbidden):
    """Signed in, but not allowed to do this (403; Django's 403 page on the web)."""
