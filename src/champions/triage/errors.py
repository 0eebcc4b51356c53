"""Expected failures of the triage app."""

from champions.core.errors import DomainError


class TriageModelsMissing(DomainError):
    """The model files are not built yet (or were built by an incompatible version)."""

    status = 503
    code = "triage_models_missing"


class TextTooLong(DomainError):
    status = 413
    code = "text_too_long"
