"""/healthz, /readyz: what a load balancer and an orchestrator ask before sending traffic."""

import pytest
from django.db import connection

from champions.ops import health

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"  # port 1: nothing listens there


def test_healthz_answers_without_asking_anything(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_probes_refuse_writes(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


def test_readyz_is_ready_with_the_database_and_migrations(client, settings):
    settings.REDIS_URL = ""

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "migrations": "ok", "redis": "not configured"},
    }


def test_readyz_is_unavailable_when_redis_does_not_answer(client, settings):
    settings.REDIS_URL = UNREACHABLE_REDIS

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["redis"] == "unreachable"


def test_readyz_is_unavailable_while_a_migration_is_not_applied(client, monkeypatch, settings):
    settings.REDIS_URL = ""
    monkeypatch.setattr(health, "_migrations_seen_applied", False)
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute("SELECT MAX(name) FROM django_migrations WHERE app = 'core'")
        latest = cursor.fetchone()[0]
        cursor.execute("DELETE FROM django_migrations WHERE app = 'core' AND name = %s", [latest])

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "1 not applied"
    assert health._migrations_seen_applied is False


def test_readyz_checks_redis_when_configured(client, settings, redis_url):
    settings.REDIS_URL = redis_url

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"]["redis"] == "ok"
