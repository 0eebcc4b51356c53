"""The rollups' version: a new one each time the counting job changes them, so the pages
that cache figures computed from the rollups (see `figures.py`) know when to compute again."""

import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "insights:rollups-version"


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def rollups_changed() -> None:
    """The rollups changed: pages compute their figures again. Set at once (this process's
    next read) and again after the commit, so that no page computed from the rollups before
    the commit keeps the version of after it."""
    _new_version()
    transaction.on_commit(_new_version)
