from champions.core.errors import DomainError, NotFound, ValidationFailed


class RateLimited(DomainError):
    status = 429
    code = "rate_limited"


__all__ = ["NotFound", "RateLimited", "ValidationFailed"]
