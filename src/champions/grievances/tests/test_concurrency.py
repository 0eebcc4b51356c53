"""Twenty concurrent "close" requests make exactly one transition (row lock on PostgreSQL)."""

import threading

import pytest
from django.db import connection

from champions.accounts.services import user_create
from champions.controlrooms.selectors import room_get_by_code
from champions.controlrooms.services import network_load
from champions.core.reference import reference_data_load
from champions.grievances.models import TimelineEntry
from champions.grievances.reference import grievance_reference_load
from champions.grievances.services import TransitionRefused, grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_closes_make_one_transition():
    reference_data_load()
    network_load()
    grievance_reference_load()
    owner = user_create(email="owner@example.com", password="pw-Secret-2026")
    officer = user_create(
        email="o@example.com",
        password="pw-Secret-2026",
        role="spoke_officer",
        control_room_id=room_get_by_code(code="spoke-mh").pk,
    )
    grievance = lodge(owner, pune_enterprise(owner))
    for action, note in (("assign", ""), ("start", ""), ("resolve", "Paid.")):
        grievance_transition(grievance_id=grievance.pk, action=action, actor=officer, note=note)
    outcomes = []
    barrier = threading.Barrier(20)

    def close() -> None:
        barrier.wait()
        try:
            grievance_transition(grievance_id=grievance.pk, action="close", actor=owner)
            outcomes.append("closed")
        except TransitionRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=close) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["closed"] + ["refused"] * 19
    assert TimelineEntry.objects.filter(grievance=grievance, action="close").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_timeline_appends_make_one_chain():
    """Ten writers append to one grievance's timeline at once: the grievance row lock makes
    them take turns, so the chain does not fork (each entry follows a different one)."""
    from django.core.management import call_command

    from champions.core.audit import GENESIS

    reference_data_load()
    network_load()
    grievance_reference_load()
    owner = user_create(email="owner@example.com", password="pw-Secret-2026")
    grievance = lodge(owner, pune_enterprise(owner))
    barrier = threading.Barrier(10)

    def append(n: int) -> None:
        barrier.wait()
        try:
            TimelineEntry.objects.create(grievance=grievance, action="note", note=f"writer {n}")
        finally:
            connection.close()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    entries = list(TimelineEntry.objects.filter(grievance=grievance).order_by("id"))
    assert len(entries) == 11
    assert entries[0].prev_hash == GENESIS
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    call_command("audit", "verify")  # raises CommandError on a broken chain
