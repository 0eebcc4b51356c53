"""The database drops the app's connections (a failover, a restart, an idle-killer, an
administrator's pg_terminate_backend) and the next request and the next task still succeed:
`CONN_HEALTH_CHECKS` makes a kept connection be checked before a request or a worker's loop
reuses it. The server itself is never restarted here: other databases live on it.

Runs on PostgreSQL only (`DATABASE_URL=postgres://...`).
"""

import io

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django_tasks.base import TaskResultStatus

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


def _terminate_app_connections() -> int:
    """Every backend on the test database is ended, from a connection of our own elsewhere."""
    params = connection.settings_dict
    with psycopg.connect(
        dbname="postgres",
        host=params["HOST"] or "127.0.0.1",
        port=params["PORT"] or 5432,
        user=params["USER"],
        password=params["PASSWORD"] or None,
        autocommit=True,
    ) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [params["NAME"]],
        ).fetchall()
    return sum(1 for (ended,) in rows if ended)


def _get(handler: WSGIHandler, path: str) -> int:
    """Through the WSGI handler a server uses (the test client skips the connection checks
    that run when a request starts)."""
    statuses = []
    environ = RequestFactory().get(path).environ
    body = handler(environ, lambda status, headers: statuses.append(status))
    b"".join(body)
    body.close()  # request_finished: the connection is kept for the next request
    return int(statuses[0].split()[0])


def test_a_request_after_the_database_ended_our_connection_succeeds():
    handler = WSGIHandler()
    assert _get(handler, "/readyz") == 200
    assert connection.connection is not None  # kept open between requests (CONN_MAX_AGE)

    ended = _terminate_app_connections()

    assert ended >= 1
    assert _get(handler, "/readyz") == 200  # database and migrations checked on a new one
    assert _get(handler, "/track/") == 200


def test_a_worker_runs_the_next_task_after_the_database_ended_its_connection(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from champions.ops.tests.slow_tasks import slow_mark_task

    result = slow_mark_task.enqueue(str(tmp_path), "after-fault", 0)
    assert _terminate_app_connections() >= 1

    call_command(
        "db_worker", batch=True, worker_id="fault-test", startup_delay=False, stdout=io.StringIO()
    )

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert (tmp_path / "after-fault.done").exists()
