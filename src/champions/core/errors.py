"""The one error type domain code raises for expected failures (bad input, not found...)."""


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
