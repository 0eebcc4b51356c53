"""The CPGRAMS panel on the insights dashboard: queued, failed and the last delivery."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse

from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.integrations.models import OutboxMessage, OutboxStatus
from champions.integrations.selectors import cpgrams_sync_health

pytestmark = pytest.mark.django_db
DELIVERED_AT = datetime(2026, 3, 2, 10, 30, tzinfo=ZoneInfo("Asia/Kolkata"))


@pytest.fixture(autouse=True)
def _no_cached_panels():
    """The dashboard caches its panels (insights/hooks.py); each test starts with none."""
    cache.clear()


@pytest.fixture
def outbox(entrepreneur):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    states = [OutboxStatus.PENDING, OutboxStatus.PENDING, OutboxStatus.DEAD, OutboxStatus.DELIVERED]
    for n, status in enumerate(states):
        OutboxMessage.objects.create(
            kind="status_update",
            grievance=grievance,
            event="assign",
            payload={},
            idempotency_key=f"key-{n}",
            status=status,
            next_attempt_at=DELIVERED_AT,
            delivered_at=DELIVERED_AT if status == OutboxStatus.DELIVERED else None,
        )


def test_the_health_counts_queued_and_failed_and_finds_the_last_delivery(outbox):
    assert cpgrams_sync_health() == {"queued": 2, "failed": 1, "last_success": DELIVERED_AT}


def test_the_dashboard_shows_the_panel(client, hub_officer, outbox):
    client.force_login(hub_officer)

    page = client.get(reverse("web:insights:dashboard")).content.decode()

    assert "CPGRAMS sync" in page
    assert "<dt>Waiting to be sent</dt><dd>2</dd>" in page
    assert "<dt>Failed (dead letters)</dt><dd><strong>1</strong></dd>" in page
