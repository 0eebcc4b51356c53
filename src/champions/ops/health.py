"""What `/readyz` checks: the database answers, every migration is applied, Redis answers
when it is configured. Each check returns "ok" or a short reason (no exception text, which
could carry a host name or a password from a URL)."""

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

# Once every migration is applied it stays so for the life of the process (a deployment that
# migrates forward starts new processes), so the migration graph is loaded until then only.
_migrations_seen_applied = False


def database_check() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unreachable"
    return "ok"


def migrations_check() -> str:
    global _migrations_seen_applied
    if _migrations_seen_applied:
        return "ok"
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return "unknown (database unreachable)"
    if plan:
        return f"{len(plan)} not applied"
    _migrations_seen_applied = True
    return "ok"


def redis_check() -> str:
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return "not configured"
    try:
        client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        client.ping()
    except (redis.RedisError, OSError):
        return "unreachable"
    return "ok"


def readiness() -> tuple[bool, dict[str, str]]:
    """(ready, {check: outcome}); "not configured" counts as ready."""
    checks = {
        "database": database_check(),
        "migrations": migrations_check(),
        "redis": redis_check(),
    }
    ready = all(outcome in {"ok", "not configured"} for outcome in checks.values())
    return ready, checks
