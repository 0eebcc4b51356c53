"""Concurrent retries with one Idempotency-Key make one grievance (the key's unique constraint)."""

import threading

import pytest
from django.db import connection

from champions.accounts.services import user_create
from champions.controlrooms.services import network_load
from champions.core.errors import ValidationFailed
from champions.core.reference import reference_data_load
from champions.grievances.models import Grievance
from champions.grievances.reference import grievance_reference_load
from champions.grievances.services import GrievanceInput, grievance_lodge
from champions.grievances.tests.factories import lodge, pune_enterprise


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_retries_of_one_key_make_one_grievance_and_no_serial_gap():
    reference_data_load()
    network_load()
    grievance_reference_load()
    owner = user_create(email="owner@example.com", password="pw-Secret-2026")
    unit = pune_enterprise(owner)
    same = GrievanceInput(subject="Power cuts", description="Eight hours.", enterprise_id=unit.pk)
    other = GrievanceInput(subject="Water", description="No supply.", enterprise_id=unit.pk)
    outcomes = []
    barrier = threading.Barrier(8)

    def retry(n: int) -> None:
        barrier.wait()
        try:
            data = other if n == 7 else same
            result = grievance_lodge(actor=owner, data=data, idempotency_key="race-1")
            outcomes.append((result.replayed, result.grievance.pk, data is same))
        except ValidationFailed as error:
            outcomes.append(("refused", error.code, data is same))
        finally:
            connection.close()

    threads = [threading.Thread(target=retry, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(outcomes) == 8
    created = [o for o in outcomes if o[0] is False]
    assert len(created) == 1
    first = Grievance.objects.get()
    assert created[0][1] == first.pk
    # The other body is refused unless it happened to win the key; the rest replay the first.
    winner_is_same = created[0][2]
    refused = [o for o in outcomes if o[0] == "refused"]
    replayed = [o for o in outcomes if o[0] is True]
    assert all(o[1] == first.pk for o in replayed)
    assert all(o[1] == "idempotency_key_reused" for o in refused)
    assert len(refused) == (1 if winner_is_same else 7)
    # The losers' transactions rolled back their serial: the next grievance is number 2.
    assert lodge(owner, unit).registration_number.endswith("/0000002")
