"""Panels that apps above insights add to the dashboard.

`integrations` sits above `insights` in the layers, so insights cannot read the CPGRAMS outbox
itself; the integrations app registers a panel here from its `AppConfig.ready()` (as it
registers its grievance hook), and the dashboard shows what each panel returns. A panel is a
read: a function of the keyword `user` (the viewer, so a panel can keep a spoke officer to
their own room) returning a `Panel`, a fixed number of queries. A panel may depend on the
viewer's control room, never on anything else of the viewer.

Panels are cached like the dashboard's figures (`figures.py`): each panel's result is stored
per language (its labels are translated when computed) and per viewer's control room, with the
rollup version it was computed under, and reused while that version holds, for at most
`PANEL_TTL`. Their sources (assistant chats, the CPGRAMS outbox, cases) do not bump the rollup
version, so the TTL is the dashboard's refresh interval: a new chat shows within one refresh.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import translation

from .version import VERSION_KEY

PANEL_TTL = 30  # seconds: the dashboard polls every 30 s


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


def _key(panel: DashboardPanel, user) -> str:
    name = f"{panel.__module__}.{panel.__qualname__}"
    room = getattr(user, "control_room_id", None) or "-"
    return f"insights:panel:{name}:{translation.get_language()}:{room}"


def dashboard_panels(*, user) -> list[Panel]:
    """Every registered panel for this viewer: from the cache when computed under the current
    rollup version (and less than `PANEL_TTL` ago) for the same language and control room,
    else computed and stored."""
    keys = [_key(panel, user) for panel in DASHBOARD_PANELS]
    found = cache.get_many([VERSION_KEY, *keys])
    version = found.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
    result, fresh = [], {}
    for panel, key in zip(DASHBOARD_PANELS, keys, strict=True):
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            result.append(stored[1])
            continue
        computed = panel(user=user)
        fresh[key] = (version, computed)
        result.append(computed)
    if fresh:
        cache.set_many(fresh, PANEL_TTL)
    return result
