"""Errors of the cases app (the rest come from core.errors)."""

from champions.core.errors import DomainError


class CaseClosed(DomainError):
    """A closed case takes no more steps, notes or assignments (409)."""

    status = 409
    code = "case_closed"
