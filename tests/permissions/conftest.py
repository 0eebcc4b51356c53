"""The matrix's world, built once per module inside a transaction rolled back at its end, and
the count of role-action-object checks, printed in the session's summary."""

import pytest
from django.db import transaction
from django.test import Client

from .world import ROLES, world_build

CHECKS = {"count": 0}


def pytest_terminal_summary(terminalreporter):
    if CHECKS["count"]:
        count = CHECKS["count"]
        terminalreporter.write_line(f"permission matrix: {count} role-action-object checks")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    media_root = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("matrix-media"))
    with django_db_blocker.unblock(), transaction.atomic():
        built = world_build()
        built.clients = {}
        for role in ROLES:
            client = Client()
            if role != "anonymous":
                client.force_login(built.users[role])
            built.clients[role] = client
        yield built
        transaction.set_rollback(True)
    settings.MEDIA_ROOT = media_root
