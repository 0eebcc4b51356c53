"""Callbacks that apps above the registry register to hear of new enterprises.

The Udyam verification (`udyam` app) sits above the registry in the layers, so the registry
cannot call it; it registers a hook here from its `AppConfig.ready()`. A hook runs inside the
creating transaction and must only schedule work (`transaction.on_commit`), never call out.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

EnterpriseHook = Callable[[int], None]  # the new enterprise's id
ENTERPRISE_CREATED_HOOKS: list[EnterpriseHook] = []


def enterprise_created_hook_register(hook: EnterpriseHook) -> None:
    """Add a hook once (`ready()` may run more than once in tests)."""
    if hook not in ENTERPRISE_CREATED_HOOKS:
        ENTERPRISE_CREATED_HOOKS.append(hook)


def enterprise_created_emit(enterprise_id: int) -> None:
    for hook in ENTERPRISE_CREATED_HOOKS:
        hook(enterprise_id)


@dataclass(frozen=True)
class VerificationStatus:
    """The last Udyam check of a unit, as the pages show it (made by the `udyam` app)."""

    verified: bool
    label: str  # "Verified", "Mismatch with the Udyam registration", ...
    checked_at: datetime
    differences: list[tuple[str, str]]  # (field label, what the Udyam registration says)


VerificationProvider = Callable[[int], VerificationStatus | None]  # enterprise id -> status
VERIFICATION_PROVIDERS: list[VerificationProvider] = []


def verification_provider_register(provider: VerificationProvider) -> None:
    """The `udyam` app registers the reader of its last check (one provider at most)."""
    VERIFICATION_PROVIDERS[:] = [provider]


def verification_status(enterprise_id: int) -> VerificationStatus | None:
    """None when no check has run yet, or no app provides checks."""
    for provider in VERIFICATION_PROVIDERS:
        return provider(enterprise_id)
    return None
