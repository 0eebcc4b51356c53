"""The matrix's world, built once per module inside a transaction rolled back at its end, and
the count of role-action-object checks (printed in the session's summary by tests/fixtures.py)."""

import pytest
from django.db import transaction
from django.test import Client, override_settings

from .world import ROLES, world_build

CHECKS = {"count": 0}


@pytest.fixture(autouse=True)
def _count_checks(record_property):
    """Each test's checks, reported (even from an xdist worker) to tests/fixtures.py's sum."""
    before = CHECKS["count"]
    yield
    record_property("permission_checks", CHECKS["count"] - before)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("matrix-media")))
    with media, django_db_blocker.unblock(), transaction.atomic():
        built = world_build()
        built.clients = {}
        for role in ROLES:
            client = Client()
            if role != "anonymous":
                client.force_login(built.users[role])
            built.clients[role] = client
        yield built
        transaction.set_rollback(True)
