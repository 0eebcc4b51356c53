"""The queue's counts per (room, status): moved by the services that change a room or a
status (not by save()), read by the queue and the API list when nothing narrows the queue,
rebuilt by the recount."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from champions.grievances.models import Grievance, QueueTally
from champions.grievances.queue.tallies import tally_counts, tally_move, tally_recount
from champions.grievances.selectors import grievance_queue_for_user, queue_counts_for_user
from champions.grievances.services import (
    grievance_merge,
    grievance_rate,
    grievance_transfer,
    grievance_transition,
)
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db


def live_counts() -> dict[tuple[int, str], int]:
    rows = Grievance.objects.order_by().values_list("room_id", "status").annotate(n=Count("id"))
    return {(room, status): n for room, status, n in rows}


def tallied() -> dict[tuple[int, str], int]:
    return {(t.room_id, t.status): t.count for t in QueueTally.objects.all() if t.count}


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def test_every_workflow_write_keeps_the_tallies_equal_to_the_grievances(
    entrepreneur, unit, spoke_officer, hub_officer, hub_room
):
    # given: lodging, a full resolution with a poor rating (appeal moves it to the hub),
    # a transfer and a merge
    first, second, third, fourth = (lodge(entrepreneur, unit) for _ in range(4))
    assert tallied() == live_counts() == {(first.room_id, "submitted"): 4}
    for action in ("assign", "start", "resolve"):
        grievance_transition(
            grievance_id=first.pk, action=action, actor=spoke_officer, note="Paid on 3 May."
        )
    grievance_rate(grievance_id=first.pk, actor=entrepreneur, rating=1, comment="Not solved")
    grievance_transition(grievance_id=first.pk, action="appeal", actor=entrepreneur, note="No")
    grievance_transfer(
        grievance_id=second.pk, room_id=hub_room.pk, actor=spoke_officer, reason="National"
    )
    grievance_merge(duplicate_id=fourth.pk, primary_id=third.pk, actor=spoke_officer)

    # then
    expected = {
        (hub_room.pk, "appealed"): 1,
        (hub_room.pk, "submitted"): 1,
        (third.room_id, "submitted"): 1,
        (third.room_id, "closed"): 1,
    }
    assert live_counts() == expected
    assert tallied() == expected


def test_saving_without_the_room_or_status_leaves_the_tallies(entrepreneur, unit):
    # given
    grievance = lodge(entrepreneur, unit)
    before = tallied()

    # when: a save of other fields, and a save of a row loaded without its status
    grievance.subject = "Payment pending for 150 days"
    grievance.save(update_fields=["subject", "updated_at"])
    partial = Grievance.objects.only("id", "subject").get(pk=grievance.pk)
    partial.save()

    # then
    assert tallied() == before


def test_tally_move_is_for_writes_that_bypass_save(entrepreneur, unit):
    # given
    grievance = lodge(entrepreneur, unit)
    Grievance.objects.filter(pk=grievance.pk).update(status="closed")

    # when
    tally_move(room_id=grievance.room_id, from_status="submitted", to_status="closed")

    # then
    assert tallied() == live_counts() == {(grievance.room_id, "closed"): 1}


def test_recount_rebuilds_the_tallies_after_a_bulk_load(entrepreneur, unit, mh_room):
    # given: rows written around the model, and a tally gone wrong
    grievance = lodge(entrepreneur, unit)
    copies = []
    for n in range(3):
        copy = Grievance.objects.get(pk=grievance.pk)
        copy.pk = None
        copy.registration_number = f"CHMP/2026/MH/999000{n}"
        copy.status = "resolved"
        copies.append(copy)
    Grievance.objects.bulk_create(copies)
    QueueTally.objects.filter(room=mh_room, status="submitted").update(count=42)

    # when
    rows = tally_recount()

    # then
    assert rows == 2
    assert tallied() == live_counts() == {(mh_room.pk, "submitted"): 1, (mh_room.pk, "resolved"): 3}


def test_the_whole_queue_is_counted_from_the_tallies_and_a_narrowed_one_live(
    entrepreneur, unit, spoke_officer, hub_officer, mh_room
):
    # given: a tally that disagrees with the rows shows which source answered
    lodge(entrepreneur, unit, category="credit")
    lodge(entrepreneur, unit, category="labour")
    QueueTally.objects.filter(room=mh_room, status="submitted").update(count=7)
    queue = grievance_queue_for_user(user=spoke_officer)

    # when
    whole = queue_counts_for_user(user=spoke_officer, qs=queue, narrowed=False)
    narrowed = queue_counts_for_user(
        user=spoke_officer, qs=queue.filter(category="credit"), narrowed=True
    )
    hub_whole = queue_counts_for_user(
        user=hub_officer, qs=grievance_queue_for_user(user=hub_officer), narrowed=False
    )

    # then
    assert whole["submitted"] == 7
    assert narrowed["submitted"] == 1
    assert hub_whole["submitted"] == 7
    assert tally_counts(room_id=None) == {"submitted": 7}


def test_queue_page_and_api_list_show_the_tallies_unless_filtered(
    client, entrepreneur, unit, spoke_officer, mh_room
):
    # given
    lodge(entrepreneur, unit, category="credit")
    lodge(entrepreneur, unit, category="labour")
    QueueTally.objects.filter(room=mh_room, status="submitted").update(count=7)
    client.force_login(spoke_officer)
    queue = reverse("web:grievances:queue")

    # when
    page_counts = client.get(queue).context["counts"]
    filtered_counts = client.get(queue, {"category": "credit"}).context["counts"]
    api_whole = client.get("/api/v1/grievances").json()["counts"]
    api_filtered = client.get("/api/v1/grievances", {"category": "credit"}).json()["counts"]

    # then
    assert {c.status: c.count for c in page_counts}["submitted"] == 7
    assert {c.status: c.count for c in filtered_counts}["submitted"] == 1
    assert (api_whole["submitted"], api_filtered["submitted"]) == (7, 1)


def test_entrepreneurs_counts_are_never_the_tallies(client, entrepreneur, unit):
    # given
    lodge(entrepreneur, unit)
    QueueTally.objects.update(count=99)
    client.force_login(entrepreneur)

    # when
    counts = client.get("/api/v1/grievances").json()["counts"]

    # then
    assert counts["submitted"] == 1


def test_a_move_updates_its_two_rows_in_key_order(hub_room, mh_room):
    # given: a move from the higher-keyed row to the lower one
    high, low = sorted([hub_room.pk, mh_room.pk], reverse=True)
    QueueTally.objects.create(room_id=high, status="submitted", count=1)
    QueueTally.objects.create(room_id=low, status="submitted", count=0)

    # when
    with CaptureQueriesContext(connection) as queries:
        QueueTally.objects.move(before=(high, "submitted"), after=(low, "submitted"))

    # then: the lower key is locked first, whichever way the grievance moves
    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert [f'room_id" = {low}' in updates[0], f'room_id" = {high}' in updates[1]] == [True, True]
    assert tallied() == {(low, "submitted"): 1}


def test_a_save_moves_no_tally_the_services_do(entrepreneur, unit, spoke_officer):
    # given
    grievance = lodge(entrepreneur, unit)
    lodged = tallied()

    # when: the row is saved with another status directly, then put back by a recount
    grievance.status = "closed"
    grievance.save()
    saved = tallied()
    tally_recount()
    grievance_transition(grievance_id=grievance.pk, action="appeal", actor=entrepreneur, note="No")

    # then: save() left the counts alone; the service moved them
    assert lodged == saved == {(grievance.room_id, "submitted"): 1}
    assert tallied() == live_counts()


def test_the_admin_does_not_edit_room_or_status(admin_client, entrepreneur, unit):
    """They change through the services (transfer, workflow), which move the tallies."""
    grievance = lodge(entrepreneur, unit)

    page = admin_client.get(f"/admin/grievances/grievance/{grievance.pk}/change/")

    assert page.status_code == 200
    html = page.content.decode()
    # nothing is editable at all: a grievance changes only through its workflow, which writes
    # the timeline (grievances/tests/test_audit_chain.py)
    assert 'name="subject"' not in html
    assert 'name="room"' not in html
    assert 'name="status"' not in html
