"""The grievances' own refusals (other apps may catch them)."""

from champions.core.errors import DomainError


class TransitionRefused(DomainError):
    status = 409
    code = "illegal_transition"


class NothingToReview(DomainError):
    status = 409
    code = "no_prediction"


class DefaultPolicyKept(DomainError):
    status = 409
    code = "default_policy"
