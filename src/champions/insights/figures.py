"""Each dashboard page's figures, computed once per counting run and then read from the cache.

The figures change only when the rollups do, and the rollups change only when the counting
job (`rollups.rollups_catch_up`, every 15 s) counts something or the nightly rebuild runs.
Both call `rollups_changed()`, which stores a new rollup version; a page's figures are stored
with the version they were computed from, under a key of everything that shapes them (filters,
measure, day, language: labels are translated when computed), and are reused while the
version is unchanged. A hit reads the version and the figures in one cache round trip; a miss
computes them from the rollups as before (`panels.dashboard_get`). The TTL bounds how long a
version held by a cache that the counting process cannot reach (a per-process cache) can
serve figures: such a setup is never staler than that.
"""

import hashlib
import uuid
from datetime import date

from django.core.cache import cache
from django.utils import translation

from . import panels
from .dashboard import Filters
from .version import VERSION_KEY

FIGURES_TTL = 120  # seconds


def _key(f: Filters, *, today: date, measure: str) -> str:
    shape = repr((f, today.isoformat(), measure, translation.get_language()))
    return "insights:figures:" + hashlib.sha256(shape.encode()).hexdigest()


def dashboard_figures(f: Filters, *, today: date, measure: str = "per_lakh") -> dict:
    """Every panel's figures for these filters: from the cache when the rollups have not
    changed since they were computed, else computed and stored."""
    key = _key(f, today=today, measure=measure)
    found = cache.get_many([VERSION_KEY, key])
    version, stored = found.get(VERSION_KEY), found.get(key)
    if version is not None and stored is not None and stored[0] == version:
        return stored[1]
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
    figures = panels.dashboard_get(f, today=today, measure=measure)
    cache.set(key, (version, figures), FIGURES_TTL)
    return figures
