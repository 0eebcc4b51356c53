"""The CPGRAMS outbox: written with the change, delivered with a key, retried, dead-lettered."""

import socket
from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from champions.accounts.services import user_create
from champions.grievances.models import Grievance
from champions.grievances.services import (
    GrievanceInput,
    grievance_lodge,
    grievance_merge,
    grievance_transfer,
    grievance_transition,
)
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.integrations import outbox
from champions.integrations.cpgrams.client import HttpCpgramsClient
from champions.integrations.models import OutboxKind, OutboxMessage, OutboxStatus
from champions.integrations.tests.conftest import TOKEN

pytestmark = pytest.mark.django_db


@pytest.fixture
def sandbox(sandbox, settings):
    """The shared sandbox, with a short retry schedule."""
    settings.CPGRAMS_MAX_ATTEMPTS = 3
    settings.CPGRAMS_RETRY_BASE_SECONDS = 10
    settings.CPGRAMS_RETRY_CAP_SECONDS = 60
    return sandbox


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def _faults(server, **faults) -> None:
    with server.faults_lock:
        for name, value in faults.items():
            setattr(server.faults, name, value)


def _deliver(at=None) -> outbox.DeliveryReport:
    return outbox.outbox_deliver_due(now=at, client=HttpCpgramsClient.from_settings())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_lodging_writes_the_outbox_row_in_the_same_transaction(sandbox, entrepreneur, unit):
    grievance = lodge(entrepreneur, unit)

    message = OutboxMessage.objects.get()
    assert (message.kind, message.grievance_id, message.event, message.status) == (
        OutboxKind.GRIEVANCE_CREATE,
        grievance.pk,
        "lodged",
        OutboxStatus.PENDING,
    )
    assert message.payload["source_reference"] == grievance.registration_number
    assert message.payload["org"] == "MMSME"
    assert sandbox.store.dump()["records"] == []  # nothing is sent before the commit


def test_a_rolled_back_lodging_leaves_no_outbox_row(sandbox, entrepreneur, unit):
    @transaction.atomic
    def lodge_then_fail():
        lodge(entrepreneur, unit)
        raise RuntimeError("the request failed after lodging")

    with pytest.raises(RuntimeError):
        lodge_then_fail()

    assert not Grievance.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_nothing_is_recorded_while_the_sync_is_off(entrepreneur, unit):
    lodge(entrepreneur, unit)

    assert not OutboxMessage.objects.exists()


def test_cpgrams_being_down_never_blocks_lodging(
    settings, entrepreneur, unit, django_capture_on_commit_callbacks
):
    settings.CPGRAMS_ENABLED = True
    settings.CPGRAMS_BASE_URL = f"http://127.0.0.1:{_free_port()}/api/v1"  # nobody listens

    with django_capture_on_commit_callbacks(execute=True):
        grievance = lodge(entrepreneur, unit)

    assert Grievance.objects.get() == grievance
    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts) == (OutboxStatus.PENDING, 1)
    assert "refused" in message.last_error.lower()
    assert message.next_attempt_at > timezone.now() - timedelta(seconds=1)


def test_the_worker_delivers_creation_and_status_changes(
    sandbox, entrepreneur, unit, spoke_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        grievance = lodge(entrepreneur, unit)
    with django_capture_on_commit_callbacks(execute=True):
        grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)

    created, assigned = OutboxMessage.objects.order_by("id")
    assert (created.status, assigned.status) == (OutboxStatus.DELIVERED, OutboxStatus.DELIVERED)
    [record] = sandbox.store.dump()["records"]
    assert record["registration_number"] == created.remote_number == assigned.remote_number
    assert record["source_reference"] == grievance.registration_number
    assert record["status"] == "assigned"
    [update] = sandbox.store.dump()["status_updates"]
    assert (update["action"], update["status"]) == ("assign", "assigned")


@pytest.mark.parametrize(("_case", "status", "least_delay"), [("5xx", 503, 0), ("429", 429, 1)])
def test_5xx_and_429_are_retried_with_full_jitter(
    sandbox, entrepreneur, unit, _case, status, least_delay
):
    lodge(entrepreneur, unit)
    _faults(sandbox, fail_next=1, fail_status=status)
    before = timezone.now()

    report = _deliver()

    message = OutboxMessage.objects.get()
    assert (report.retried, message.status, message.attempts) == (1, OutboxStatus.PENDING, 1)
    assert f"HTTP {status}" in message.last_error
    delay = (message.next_attempt_at - before).total_seconds()
    assert least_delay <= delay <= 10 + 1  # within [Retry-After, base * 2^0] (+ clock slack)
    assert sandbox.store.dump()["records"] == []
    assert _deliver(at=before).delivered == 0  # not due yet

    report = _deliver(at=message.next_attempt_at)

    message.refresh_from_db()
    assert (report.delivered, message.status, message.attempts) == (1, "delivered", 2)
    assert len(sandbox.store.dump()["records"]) == 1


def test_a_timed_out_create_sent_again_makes_one_record(settings, sandbox, entrepreneur, unit):
    """The sandbox stores the grievance but answers after the client gave up; the retry
    carries the same Idempotency-Key, so CPGRAMS answers with the first record."""
    settings.CPGRAMS_TIMEOUT = 0.3
    lodge(entrepreneur, unit)
    _faults(sandbox, delay_seconds=1)

    assert _deliver().retried == 1
    message = OutboxMessage.objects.get()
    assert "timed out" in message.last_error
    _faults(sandbox, delay_seconds=0)
    assert _deliver(at=message.next_attempt_at).delivered == 1

    [record] = sandbox.store.dump()["records"]
    message.refresh_from_db()
    assert message.remote_number == record["registration_number"]


def test_delivering_the_same_message_twice_makes_one_record(sandbox, entrepreneur, unit):
    lodge(entrepreneur, unit)
    _deliver()
    first = OutboxMessage.objects.get()
    # A worker that died after CPGRAMS answered but before it marked the message delivered.
    OutboxMessage.objects.update(status=OutboxStatus.PENDING, next_attempt_at=timezone.now())

    _deliver()

    [record] = sandbox.store.dump()["records"]
    again = OutboxMessage.objects.get()
    assert again.status == OutboxStatus.DELIVERED
    assert again.remote_number == first.remote_number == record["registration_number"]


def test_status_changes_wait_for_the_creation(
    sandbox, entrepreneur, unit, spoke_officer, django_capture_on_commit_callbacks
):
    grievance = lodge(entrepreneur, unit)
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    _faults(sandbox, fail_next=1, fail_status=500)

    assert _deliver().retried == 1

    created, assigned = OutboxMessage.objects.order_by("id")
    assert (created.attempts, assigned.attempts) == (1, 0)  # held back behind the creation
    later = created.next_attempt_at + timedelta(seconds=1)
    assert _deliver(at=later).delivered == 2
    assert len(sandbox.store.dump()["status_updates"]) == 1


def test_dead_letter_after_the_last_attempt(sandbox, entrepreneur, unit):
    lodge(entrepreneur, unit)
    _faults(sandbox, fail_next=10, fail_status=502)
    at = timezone.now()

    for _attempt in range(3):
        _deliver(at=at)
        at += timedelta(hours=2)

    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts) == (OutboxStatus.DEAD, 3)
    assert "HTTP 502" in message.last_error
    assert _deliver(at=at + timedelta(days=1)).delivered == 0  # dead letters stay put


def test_a_4xx_is_a_dead_letter_at_once(settings, sandbox, entrepreneur, unit):
    settings.CPGRAMS_TOKEN = "wrong"
    lodge(entrepreneur, unit)

    assert _deliver().dead == 1

    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts) == (OutboxStatus.DEAD, 1)
    assert "HTTP 401" in message.last_error


def test_the_admin_replays_dead_letters(
    client, settings, sandbox, entrepreneur, unit, django_capture_on_commit_callbacks
):
    settings.CPGRAMS_TOKEN = "wrong"
    lodge(entrepreneur, unit)
    _deliver()
    settings.CPGRAMS_TOKEN = TOKEN  # the credentials are fixed
    admin = user_create(
        email="admin@example.com",
        password="pw-Secret-2026",
        role="administrator",
        is_staff=True,
        is_superuser=True,
    )
    client.force_login(admin)
    dead = OutboxMessage.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:integrations_outboxmessage_changelist"),
            {"action": "replay", "_selected_action": [dead.pk]},
        )

    assert response.status_code == 302
    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts) == (OutboxStatus.DELIVERED, 1)
    assert len(sandbox.store.dump()["records"]) == 1


def test_status_changes_of_grievances_cpgrams_never_had_are_not_sent(
    settings, entrepreneur, unit, spoke_officer
):
    grievance = lodge(entrepreneur, unit)  # before the sync was switched on
    settings.CPGRAMS_ENABLED = True

    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)

    assert not OutboxMessage.objects.exists()


def test_suggestions_are_not_sent(sandbox, entrepreneur):
    grievance_lodge(
        actor=entrepreneur,
        data=GrievanceInput(
            subject="Open a tool room", description="One in Satara.", kind="suggestion"
        ),
    )

    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    ("_case", "attempts", "ceiling"), [("first", 1, 10), ("third", 3, 40), ("capped", 20, 60)]
)
def test_backoff_is_full_jitter_up_to_a_cap(settings, monkeypatch, _case, attempts, ceiling):
    settings.CPGRAMS_RETRY_BASE_SECONDS = 10
    settings.CPGRAMS_RETRY_CAP_SECONDS = 60
    monkeypatch.setattr(outbox.random, "uniform", lambda low, high: (low, high))

    assert outbox.backoff_seconds(attempts) == (0, ceiling)


def test_transfers_and_merges_are_sent_to_cpgrams_as_status_updates(
    sandbox, entrepreneur, unit, spoke_officer, hub_officer, hub_room
):
    # given: two grievances CPGRAMS knows about
    first, second = lodge(entrepreneur, unit), lodge(entrepreneur, unit)

    # when
    grievance_transfer(
        grievance_id=first.pk, room_id=hub_room.pk, actor=spoke_officer, reason="National"
    )
    grievance_merge(duplicate_id=second.pk, primary_id=first.pk, actor=hub_officer)

    # then
    updates = OutboxMessage.objects.filter(kind=OutboxKind.STATUS_UPDATE).order_by("pk")
    assert [(m.grievance_id, m.event, m.payload["status"]) for m in updates] == [
        (first.pk, "transferred", "submitted"),
        (second.pk, "merged", "closed"),
    ]
    assert updates[1].payload["remarks"] == f"Merged into {first.registration_number}."
