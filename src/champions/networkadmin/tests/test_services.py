"""The hub's network changes: districts, merges and closures, with open grievances following
them safely (due dates kept, tallies consistent, a timeline entry each) and a change log."""

import pytest
from django.db.models import Count

from champions.controlrooms.selectors import (
    control_room_get,
    room_change_count,
    room_changes,
    room_district_ids,
    room_for_district,
    room_get_by_code,
)
from champions.controlrooms.services import RoomInput
from champions.core.errors import ValidationFailed
from champions.core.models import District
from champions.grievances.models import Grievance, QueueTally, TimelineEntry
from champions.grievances.services import grievance_assign_to, grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.networkadmin.services import (
    PermissionRefused,
    network_districts_move,
    network_room_close,
    network_room_create,
    network_room_update,
)

pytestmark = pytest.mark.django_db

DUE_FIELDS = ("assign_due_at", "escalate_due_at", "resolution_due_at", "lodged_at")


def _tallies_match() -> bool:
    live = {
        (room, status): n
        for room, status, n in Grievance.objects.order_by()
        .values_list("room_id", "status")
        .annotate(n=Count("id"))
    }
    tallied = {(t.room_id, t.status): t.count for t in QueueTally.objects.all() if t.count}
    return live == tallied


def _new_room(actor, code="dfo-pune", name="MSME-DFO Pune control room", state="MH"):
    from champions.core.models import State

    return network_room_create(
        actor=actor,
        data=RoomInput(
            code=code,
            name=name,
            host_office="MSME-DFO Pune",
            city="Pune",
            state_id=State.objects.get(udyam_code=state).pk,
        ),
    )


@pytest.fixture
def pune_grievances(entrepreneur):
    unit = pune_enterprise(entrepreneur)
    return [lodge(entrepreneur, unit, subject=f"Payment pending {n}") for n in range(3)]


def test_moving_a_district_moves_its_open_grievances_and_keeps_their_due_dates(
    hub_officer, spoke_officer, mh_room, pune_grievances
):
    first, second, resolved = pune_grievances
    grievance_assign_to(grievance_id=first.pk, assignee_id=spoke_officer.pk, actor=spoke_officer)
    for action in ("assign", "start", "resolve"):
        grievance_transition(
            grievance_id=resolved.pk, action=action, actor=spoke_officer, note="Paid in full."
        )
    due_before = {g.pk: tuple(getattr(g, f) for f in DUE_FIELDS) for g in Grievance.objects.all()}
    room = _new_room(hub_officer)
    pune = District.objects.get(name="Pune", state__udyam_code="MH")

    result = network_districts_move(
        actor=hub_officer, district_ids=[pune.pk], to_room_id=room.pk, reason="New DFO office"
    )

    first.refresh_from_db()
    second.refresh_from_db()
    resolved.refresh_from_db()
    assert (result.districts, result.grievances) == (1, 2)
    assert room_for_district(district_id=pune.pk) == room
    assert (first.room_id, second.room_id, resolved.room_id) == (room.pk, room.pk, mh_room.pk)
    assert (first.status, first.assignee_id) == ("submitted", None)
    assert first.transfer_count == 0
    assert {
        g.pk: tuple(getattr(g, f) for f in DUE_FIELDS) for g in Grievance.objects.all()
    } == due_before
    assert _tallies_match()
    entry = TimelineEntry.objects.get(grievance=second, action="rerouted")
    assert entry.actor == hub_officer
    assert entry.note == (
        f"Control room changed from {mh_room.name} to MSME-DFO Pune control room: New DFO office"
    )
    assert not TimelineEntry.objects.filter(grievance=resolved, action="rerouted").exists()


def test_a_move_is_written_in_both_rooms_change_logs(hub_officer, mh_room, pune_grievances):
    room = _new_room(hub_officer)
    pune = District.objects.get(name="Pune", state__udyam_code="MH")

    network_districts_move(
        actor=hub_officer, district_ids=[pune.pk], to_room_id=room.pk, reason="New DFO office"
    )

    assert list(room_changes(room_id=room.pk).values_list("action", flat=True)) == [
        "grievances_moved",
        "districts_in",
        "created",
    ]
    assert list(room_changes(room_id=mh_room.pk).values_list("action", flat=True)) == [
        "grievances_moved",
        "districts_out",
    ]
    moved = next(c for c in room_changes(room_id=mh_room.pk) if c.action == "districts_out")
    assert moved.actor == hub_officer
    assert moved.summary == "Pune moved to MSME-DFO Pune control room: New DFO office"
    assert moved.details["district_ids"] == [pune.pk]


def test_merging_a_room_moves_districts_grievances_and_officers(
    hub_officer, spoke_officer, mh_room, pune_grievances
):
    goa = room_get_by_code(code="spoke-ga")
    mh_districts = len(room_district_ids(room_id=mh_room.pk))

    result = network_room_close(
        actor=hub_officer, room_id=mh_room.pk, to_room_id=goa.pk, reason="Merged", merge=True
    )

    mh_room.refresh_from_db()
    spoke_officer.refresh_from_db()
    assert (result.districts, result.grievances, result.officers) == (mh_districts, 3, 1)
    assert (mh_room.is_active, mh_room.merged_into_id) == (False, goa.pk)
    assert mh_room.closed_at is not None
    assert len(room_district_ids(room_id=mh_room.pk)) == 0
    assert Grievance.objects.filter(room=goa).count() == 3
    assert spoke_officer.control_room_id == goa.pk
    assert _tallies_match()
    assert len([c for c in room_changes(room_id=mh_room.pk) if c.action == "merged"]) == 1
    assert len([c for c in room_changes(room_id=goa.pk) if c.action == "merged_in"]) == 1
    assert len([c for c in room_changes(room_id=goa.pk) if c.action == "officers_moved"]) == 1


def test_closing_a_room_with_open_grievances_keeps_their_clocks(
    hub_officer, mh_room, pune_grievances
):
    goa = room_get_by_code(code="spoke-ga")
    due_before = sorted(Grievance.objects.values_list("pk", "resolution_due_at"))

    network_room_close(actor=hub_officer, room_id=mh_room.pk, to_room_id=goa.pk, reason="Closed")

    mh_room.refresh_from_db()
    assert (mh_room.is_active, mh_room.merged_into_id) == (False, None)
    assert sorted(Grievance.objects.values_list("pk", "resolution_due_at")) == due_before
    assert TimelineEntry.objects.filter(action="rerouted").count() == 3
    assert _tallies_match()


def test_a_closed_room_takes_no_districts(hub_officer, mh_room):
    goa = room_get_by_code(code="spoke-ga")
    network_room_close(actor=hub_officer, room_id=goa.pk, to_room_id=mh_room.pk, reason="Closed")
    north_goa = District.objects.get(name="North Goa")

    with pytest.raises(ValidationFailed) as caught:
        network_districts_move(
            actor=hub_officer, district_ids=[north_goa.pk], to_room_id=goa.pk, reason="Back"
        )

    assert caught.value.errors == {"to_room": [f"{goa.name} is closed."]}
    assert room_for_district(district_id=north_goa.pk) == mh_room


def test_the_hub_cannot_be_closed_or_serve_districts(hub_officer, hub_room, mh_room):
    pune = District.objects.get(name="Pune", state__udyam_code="MH")

    with pytest.raises(ValidationFailed):
        network_districts_move(
            actor=hub_officer, district_ids=[pune.pk], to_room_id=hub_room.pk, reason="x"
        )
    with pytest.raises(ValidationFailed):
        network_room_close(
            actor=hub_officer, room_id=hub_room.pk, to_room_id=mh_room.pk, reason="x"
        )

    assert room_for_district(district_id=pune.pk) == mh_room
    assert control_room_get(room_id=hub_room.pk).is_active


def test_a_reason_is_required(hub_officer, mh_room):
    goa = room_get_by_code(code="spoke-ga")
    pune = District.objects.get(name="Pune", state__udyam_code="MH")

    with pytest.raises(ValidationFailed) as caught:
        network_districts_move(
            actor=hub_officer, district_ids=[pune.pk], to_room_id=goa.pk, reason=" "
        )

    assert caught.value.errors == {"reason": ["Give a reason."]}
    assert room_for_district(district_id=pune.pk) == mh_room


def test_renaming_a_room_is_logged_with_before_and_after(administrator, mh_room):
    data = RoomInput(
        code=mh_room.code,
        name="MSME-DFO Mumbai control room",
        host_office="MSME-DFO Mumbai",
        city=mh_room.city,
        state_id=mh_room.state_id,
        host_type=mh_room.host_type,
    )

    network_room_update(actor=administrator, room_id=mh_room.pk, data=data)

    change = room_changes(room_id=mh_room.pk).get()
    assert change.action == "updated"
    assert change.details["name"] == [
        "Champions Control Room, Mumbai",
        "MSME-DFO Mumbai control room",
    ]


@pytest.mark.parametrize("role", ["entrepreneur", "spoke_officer", "leadership", "analyst"])
def test_only_the_hub_changes_the_network(request, role, mh_room, pune_grievances):
    actor = request.getfixturevalue(role)
    goa = room_get_by_code(code="spoke-ga")
    pune = District.objects.get(name="Pune", state__udyam_code="MH")

    with pytest.raises(PermissionRefused):
        network_districts_move(actor=actor, district_ids=[pune.pk], to_room_id=goa.pk, reason="x")
    with pytest.raises(PermissionRefused):
        network_room_close(actor=actor, room_id=mh_room.pk, to_room_id=goa.pk, reason="x")

    assert room_for_district(district_id=pune.pk) == mh_room
    assert Grievance.objects.filter(room=mh_room).count() == 3
    assert room_change_count() == 0


def test_the_demo_rooms_import_once(hub_officer):
    from champions.networkadmin.demo import DEMO_ROOMS, demo_rooms_load

    first = demo_rooms_load(actor=hub_officer)
    again = demo_rooms_load(actor=hub_officer)

    nagpur = District.objects.get(name="Nagpur", state__udyam_code="MH")
    assert (first, again) == (sum(len(d) for *_r, d in DEMO_ROOMS), 0)
    assert room_for_district(district_id=nagpur.pk).code == "dfo-nagpur"
