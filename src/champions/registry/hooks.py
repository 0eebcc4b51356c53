"""Callbacks that apps above the registry register to hear of new enterprises.

The Udyam verification (`udyam` app) sits above the registry in the layers, so the registry
cannot call it; it registers a hook here from its `AppConfig.ready()`. A hook runs inside the
creating transaction and must only schedule work (`transaction.on_commit`), never call out.
"""

from collections.abc import Callable

EnterpriseHook = Callable[[int], None]  # the new enterprise's id
ENTERPRISE_CREATED_HOOKS: list[EnterpriseHook] = []


def enterprise_created_hook_register(hook: EnterpriseHook) -> None:
    """Add a hook once (`ready()` may run more than once in tests)."""
    if hook not in ENTERPRISE_CREATED_HOOKS:
        ENTERPRISE_CREATED_HOOKS.append(hook)


def enterprise_created_emit(enterprise_id: int) -> None:
    for hook in ENTERPRISE_CREATED_HOOKS:
        hook(enterprise_id)
