"""/metrics: Prometheus text, for the scraper only; requests, tasks waiting, CPGRAMS lag."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from champions.core.tasks import reclaim_abandoned_tasks_task
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.integrations.models import OutboxMessage, OutboxStatus

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _metrics(client, **headers) -> str:
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    return response.content.decode()


def _sample(text: str, name: str) -> float:
    """The value of the one sample line starting with `name` (labels included)."""
    lines = [line for line in text.splitlines() if line.startswith(name + " ")]
    assert len(lines) == 1, (name, lines)
    return float(lines[0].rsplit(" ", 1)[1])


def test_requests_are_counted_by_route_pattern_and_status(client):
    client.get("/api/v1/registry/enterprises/123")  # anonymous: 401
    client.get("/no-such-page/")

    text = _metrics(client)

    route = 'route="api/v1/registry/enterprises/<enterprise_id>"'
    counted = "champions_http_requests_total"
    assert _sample(text, f'{counted}{{method="GET",{route},status="401"}}') >= 1
    assert _sample(text, f'{counted}{{method="GET",route="unmatched",status="404"}}') >= 1
    assert f'champions_http_request_duration_seconds_bucket{{le="10.0",{route}}}' in text
    assert 'route="healthz"' not in text  # the probes are not counted


def test_waiting_tasks_are_reported_per_queue_with_the_oldest_age(client, settings):
    settings.TASKS = DB_TASKS
    with time_machine.travel(timezone.now() - timedelta(seconds=90), tick=False):
        reclaim_abandoned_tasks_task.enqueue()
    reclaim_abandoned_tasks_task.enqueue()

    text = _metrics(client)

    assert _sample(text, 'champions_task_queue_depth{queue="default"}') == 2
    assert 90 <= _sample(text, 'champions_task_queue_oldest_age_seconds{queue="default"}') < 150


def test_the_cpgrams_outbox_lag_is_the_age_of_the_oldest_waiting_message(client, entrepreneur):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    for n, (status, minutes_ago) in enumerate([("pending", 10), ("pending", 1), ("dead", 60)]):
        with time_machine.travel(timezone.now() - timedelta(minutes=minutes_ago), tick=False):
            OutboxMessage.objects.create(
                kind="status_update",
                grievance=grievance,
                event="assign",
                payload={},
                idempotency_key=f"metrics-{n}",
                status=OutboxStatus(status),
                next_attempt_at=timezone.now(),
            )

    text = _metrics(client)

    assert _sample(text, "champions_cpgrams_outbox_pending") == 2
    assert _sample(text, "champions_cpgrams_outbox_dead") == 1
    assert 600 <= _sample(text, "champions_cpgrams_outbox_lag_seconds") < 660


@pytest.mark.parametrize(
    ("_case", "headers", "remote", "status"),
    [
        ("relayed by the proxy", {"X-Forwarded-For": "203.0.113.9"}, "127.0.0.1", 404),
        ("another machine", {}, "203.0.113.9", 404),
        ("loopback, direct", {}, "127.0.0.1", 200),
        ("loopback IPv6", {}, "::1", 200),
    ],
)
def test_without_a_token_only_a_direct_loopback_client_may_scrape(
    client, _case, headers, remote, status
):
    response = client.get("/metrics", headers=headers, REMOTE_ADDR=remote)

    assert response.status_code == status


@pytest.mark.parametrize(
    ("_case", "authorization", "status"),
    [
        ("no token", None, 404),
        ("wrong token", "Bearer not-the-token", 404),
        ("the token", "Bearer s3cret-scrape-token", 200),
    ],
)
def test_with_a_token_only_its_bearer_may_scrape(client, settings, _case, authorization, status):
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    headers = {"Authorization": authorization} if authorization else {}

    response = client.get("/metrics", headers=headers, REMOTE_ADDR="127.0.0.1")

    assert response.status_code == status
