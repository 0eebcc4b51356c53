"""Panels that apps above insights add to the dashboard.

`integrations` sits above `insights` in the layers, so insights cannot read the CPGRAMS outbox
itself; the integrations app registers a panel here from its `AppConfig.ready()` (as it
registers its grievance hook), and the dashboard shows what each panel returns. A panel is a
read: a function of the keyword `user` (the viewer, so a panel can keep a spoke officer to
their own room) returning a `Panel`, a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    title: str
    rows: list[tuple[str, str]]  # (label, value), already formatted
    warning: bool = False  # something needs attention (failed deliveries, say)


DashboardPanel = Callable[..., Panel]  # panel(*, user) -> Panel
DASHBOARD_PANELS: list[DashboardPanel] = []


def dashboard_panel_register(panel: DashboardPanel) -> None:
    """Add a panel once (`ready()` may run more than once in tests)."""
    if panel not in DASHBOARD_PANELS:
        DASHBOARD_PANELS.append(panel)


def dashboard_panels(*, user) -> list[Panel]:
    return [panel(user=user) for panel in DASHBOARD_PANELS]
