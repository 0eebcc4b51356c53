"""Grievance endpoints under /api/v1/grievances: lodge, list, act on, and track grievances.

One module per use case; each adds its operations to `router` when imported. The imports
below are in the order the paths must be tried: `/track` before `/{grievance_id}`."""

# isort: off
from . import lodging  # noqa: F401
from . import listing  # noqa: F401
from . import tracking  # noqa: F401
from . import actions  # noqa: F401

# isort: on
from .router import router

__all__ = ["router"]
