"""Errors of the samadhaan app (the rest come from core.errors)."""

from champions.core.errors import DomainError


class SamadhaanUnreachable(DomainError):
    """MSME Samadhaan did not answer now; the filing is kept (503)."""

    status = 503
    code = "samadhaan_unreachable"
