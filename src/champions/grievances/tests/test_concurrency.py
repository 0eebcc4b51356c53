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
