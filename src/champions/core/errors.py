"""The one error type domain code raises for expected failures (bad input, not found...)."""

from django.core.exceptions import PermissionDenied


class DomainError(Exception):
    """An expected failure, rendered as `{"detail": message, "code": code}` with `status`."""

    status = 400
    code = "invalid"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        errors: dict[str, list[str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.errors = errors or {}


class NotFound(DomainError):
    """Missing, or outside what the user may see: both answer 404, so nothing leaks."""

    status = 404
    code = "not_found"


class ValidationFailed(DomainError):
    """Input that breaks a rule; `errors` maps each field to its messages."""

    status = 422
    code = "validation_failed"


class Forbidden(DomainError, PermissionDenied):
    """Seen, but not the user's to change (a read-only role, another room's grievance).

    A `PermissionDenied` too, so a web view that lets it pass renders the friendly 403 page."""

    status = 403
    code = "permission_denied"
