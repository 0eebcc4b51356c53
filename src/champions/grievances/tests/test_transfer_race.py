"""Two officers moving the same grievance at once do not both win: the second is refused with
a 409 and a message saying where it went, and nothing of theirs is written."""

import threading

import pytest
from django.db import connection

from champions.accounts.services import api_token_create, user_create
from champions.controlrooms.selectors import hub_get, room_get_by_code
from champions.controlrooms.services import network_load
from champions.core.reference import reference_data_load
from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.reference import grievance_reference_load
from champions.grievances.services import TransitionRefused, grievance_transfer
from champions.grievances.tests.factories import lodge, pune_enterprise


@pytest.fixture
def grievance(entrepreneur):
    return lodge(entrepreneur, pune_enterprise(entrepreneur))


def _state(grievance) -> tuple:
    row = Grievance.objects.get(pk=grievance.pk)
    transfers = TimelineEntry.objects.filter(grievance=grievance, action="transferred").count()
    return row.room.code, row.transfer_count, transfers


@pytest.mark.django_db
def test_a_transfer_from_a_page_read_before_another_transfer_is_refused(
    grievance, spoke_officer, hub_officer, mh_room
):
    delhi, kanpur = room_get_by_code(code="spoke-dl"), room_get_by_code(code="spoke-up")
    grievance_transfer(
        grievance_id=grievance.pk,
        room_id=delhi.pk,
        actor=spoke_officer,
        reason="Buyer in Delhi",
        from_room_id=mh_room.pk,
    )

    with pytest.raises(TransitionRefused) as refused:
        grievance_transfer(
            grievance_id=grievance.pk,
            room_id=kanpur.pk,
            actor=hub_officer,
            reason="Kanpur handles it",
            from_room_id=mh_room.pk,  # the hub officer's page still showed Mumbai
        )

    assert refused.value.status == 409
    assert "Champions Control Room, New Delhi" in refused.value.message
    assert _state(grievance) == ("spoke-dl", 1, 1)


@pytest.mark.django_db
def test_the_page_says_where_it_went_and_changes_nothing(
    client, grievance, spoke_officer, hub_officer, mh_room
):
    delhi, kanpur = room_get_by_code(code="spoke-dl"), room_get_by_code(code="spoke-up")
    grievance_transfer(
        grievance_id=grievance.pk, room_id=delhi.pk, actor=spoke_officer, reason="Buyer in Delhi"
    )
    client.force_login(hub_officer)

    response = client.post(
        f"/grievances/{grievance.pk}/transfer/",
        {"room": kanpur.pk, "reason": "Kanpur handles it", "from_room": mh_room.pk},
        follow=True,
    )

    page = response.content.decode()
    assert "Someone else has just moved this grievance to Champions Control Room, New" in page
    assert _state(grievance) == ("spoke-dl", 1, 1)


@pytest.mark.django_db
def test_the_api_answers_409_when_the_room_seen_is_out_of_date(
    client, grievance, spoke_officer, hub_officer, mh_room
):
    delhi, kanpur = room_get_by_code(code="spoke-dl"), room_get_by_code(code="spoke-up")
    grievance_transfer(
        grievance_id=grievance.pk, room_id=delhi.pk, actor=spoke_officer, reason="Buyer in Delhi"
    )
    token = api_token_create(user=hub_officer, name="race").key

    response = client.post(
        f"/api/v1/grievances/{grievance.pk}/transfer",
        {"room_id": kanpur.pk, "reason": "Kanpur handles it", "from_room_id": mh_room.pk},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 409
    assert response.json()["detail"].startswith("Someone else has just moved this grievance")
    assert _state(grievance) == ("spoke-dl", 1, 1)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_officers_transferring_at_once_make_one_transfer():
    reference_data_load()
    network_load()
    grievance_reference_load()
    mumbai = room_get_by_code(code="spoke-mh")
    owner = user_create(email="owner@example.com", password="pw-Secret-2026")
    spoke = user_create(
        email="o@example.com",
        password="pw-Secret-2026",
        role="spoke_officer",
        control_room_id=mumbai.pk,
    )
    hub = user_create(
        email="h@example.com",
        password="pw-Secret-2026",
        role="hub_officer",
        control_room_id=hub_get().pk,
    )
    grievance = lodge(owner, pune_enterprise(owner))
    targets = {spoke: "spoke-dl", hub: "spoke-up"}
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def transfer(officer) -> None:
        barrier.wait()
        try:
            grievance_transfer(
                grievance_id=grievance.pk,
                room_id=room_get_by_code(code=targets[officer]).pk,
                actor=officer,
                reason="Moved",
                from_room_id=mumbai.pk,  # both pages showed it in Mumbai
            )
            outcomes.append("transferred")
        except TransitionRefused as exc:
            outcomes.append(f"refused {exc.status}")
        finally:
            connection.close()

    threads = [threading.Thread(target=transfer, args=(officer,)) for officer in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    room, count, entries = _state(grievance)
    assert sorted(outcomes) == ["refused 409", "transferred"]
    assert (count, entries) == (1, 1)
    assert room in {"spoke-dl", "spoke-up"}
