"""The hub's network pages: who may see and change them, the confirmation steps, query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from champions.accounts import policy
from champions.accounts.services import user_create
from champions.controlrooms.selectors import (
    control_room_get,
    control_room_list,
    room_change_count,
    room_district_ids,
    room_for_district,
    room_get_by_code,
)
from champions.controlrooms.services import RoomInput
from champions.core.models import District, State
from champions.grievances.models import Grievance
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.networkadmin.services import PermissionRefused, network_room_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(entrepreneur, mh_room):
    lodge(entrepreneur, pune_enterprise(entrepreneur))
    pune = District.objects.get(name="Pune", state__udyam_code="MH")
    goa = room_get_by_code(code="spoke-ga")
    return {"mh": mh_room, "goa": goa, "pune": pune}


def _requests(s):
    mh, goa, pune = s["mh"], s["goa"], s["pune"]
    csv = (
        "room_code,room_name,host_office,state,district_lgd_code\n"
        f"dfo-pune,MSME-DFO Pune room,MSME-DFO Pune,MH,{pune.lgd_code}\n"
    )
    return [
        (
            reverse("web:networkadmin:room_create"),
            {
                "code": "dfo-pune",
                "name": "MSME-DFO Pune room",
                "host_office": "MSME-DFO Pune",
                "host_type": "msme_di",
                "state": State.objects.get(udyam_code="MH").pk,
            },
        ),
        (
            reverse("web:networkadmin:room_edit", args=[mh.pk]),
            {"name": "Renamed room", "host_office": "MSME-DFO Mumbai", "host_type": "msme_di"},
        ),
        (
            reverse("web:networkadmin:districts_move", args=[mh.pk]),
            {"districts": [pune.pk], "to_room": goa.pk, "reason": "Test", "confirm": "yes"},
        ),
        (
            reverse("web:networkadmin:room_close", args=[mh.pk]),
            {"action": "merge", "to_room": goa.pk, "reason": "Test", "confirm": "yes"},
        ),
        (
            reverse("web:networkadmin:import"),
            {"text": csv, "reason": "Ministry list", "confirm": "yes"},
        ),
    ]


def _snapshot(s):
    return (
        len(control_room_list()),
        control_room_get(room_id=s["mh"].pk).name,
        control_room_get(room_id=s["mh"].pk).is_active,
        room_for_district(district_id=s["pune"].pk).pk,
        list(Grievance.objects.values_list("room_id", flat=True)),
        room_change_count(),
    )


@pytest.mark.parametrize("role", [None, "entrepreneur", "spoke_officer", "leadership", "analyst"])
def test_everyone_but_the_hub_is_refused_and_nothing_changes(client, request, role, setting):
    if role:
        client.force_login(request.getfixturevalue(role))
    before = _snapshot(setting)

    statuses = [client.post(url, data).status_code for url, data in _requests(setting)]

    assert statuses == [302] * 5 if role is None else [403] * 5
    assert _snapshot(setting) == before


@pytest.mark.parametrize(
    ("_case", "room_code"), [("posted to a spoke", "spoke-mh"), ("posted to no room", None)]
)
def test_a_hub_officer_outside_the_hubs_own_room_is_refused_and_nothing_changes(
    client, setting, _case, room_code
):
    room = room_get_by_code(code=room_code) if room_code else None
    outsider = user_create(
        email="hub.elsewhere@example.com",
        password="pw-Secret-2026",
        role="hub_officer",
        control_room_id=room.pk if room else None,
    )
    client.force_login(outsider)
    before = _snapshot(setting)

    statuses = [client.post(url, data).status_code for url, data in _requests(setting)]

    assert statuses == [403] * 5
    assert _snapshot(setting) == before
    with pytest.raises(PermissionRefused):
        network_room_update(
            actor=outsider,
            room_id=setting["mh"].pk,
            data=RoomInput(
                code="spoke-mh",
                name="Renamed",
                host_office="MSME-DFO Mumbai",
                city="",
                state_id=None,
            ),
        )
    assert _snapshot(setting) == before
    assert not policy.can(outsider, policy.Action.NETWORK_CHANGE)


@pytest.mark.parametrize("role", ["hub_officer", "administrator"])
def test_the_hub_changes_the_network_from_the_pages(client, request, role, setting):
    client.force_login(request.getfixturevalue(role))
    create, edit, move, _close, _import = _requests(setting)

    assert client.post(*create).status_code == 302
    assert client.post(*edit).status_code == 302
    assert client.post(*move).status_code == 302

    assert room_for_district(district_id=setting["pune"].pk) == setting["goa"]
    assert Grievance.objects.get().room_id == setting["goa"].pk
    assert control_room_get(room_id=setting["mh"].pk).name == "Renamed room"


def test_a_move_is_confirmed_before_it_happens(client, hub_officer, setting):
    client.force_login(hub_officer)
    url, data = _requests(setting)[2]
    del data["confirm"]

    response = client.post(url, data)

    assert response.status_code == 200
    assert "1 open grievance moves with them." in response.text
    assert 'name="confirm" value="yes"' in response.text
    assert room_for_district(district_id=setting["pune"].pk) == setting["mh"]


def test_closing_is_confirmed_with_what_will_move(client, hub_officer, spoke_officer, setting):
    client.force_login(hub_officer)
    url, data = _requests(setting)[3]
    del data["confirm"]
    districts = len(room_district_ids(room_id=setting["mh"].pk))

    response = client.post(url, data)

    assert response.status_code == 200
    assert (
        f"{setting['goa'].name} takes over {districts} districts, 1 open grievances and "
        "1 spoke officers." in response.text
    )
    assert control_room_get(room_id=setting["mh"].pk).is_active


def test_an_upload_shows_the_dry_run_and_bad_rows(client, hub_officer, setting):
    client.force_login(hub_officer)
    upload = SimpleUploadedFile(
        "rooms.csv",
        b"room_code,room_name,host_office,state,district_lgd_code\ndfo-x,X,X office,Nowhere,\n",
        content_type="text/csv",
    )

    response = client.post(reverse("web:networkadmin:import"), {"file": upload})

    assert response.status_code == 200
    assert "Unknown state: use its two-letter code, LGD code or name." in response.text
    assert 'name="confirm"' not in response.text
    assert room_get_by_code(code="dfo-x") is None


def test_the_import_applies_after_the_dry_run(client, hub_officer, setting):
    client.force_login(hub_officer)

    response = client.post(*_requests(setting)[4])

    assert response.status_code == 302
    assert room_for_district(district_id=setting["pune"].pk).code == "dfo-pune"
    assert Grievance.objects.get().room.code == "dfo-pune"


def test_leadership_sees_the_network_without_buttons(client, leadership, setting):
    client.force_login(leadership)

    listing = client.get(reverse("web:networkadmin:rooms"))
    detail = client.get(reverse("web:networkadmin:room", args=[setting["mh"].pk]))

    assert (listing.status_code, detail.status_code) == (200, 200)
    assert "Add a room" not in listing.text
    assert "Merge or close" not in detail.text
    assert "This is the shipped default network" in listing.text


def test_the_room_list_takes_a_fixed_number_of_queries(
    client, hub_officer, setting, django_assert_num_queries
):
    client.force_login(hub_officer)

    # session, user, tallies, rooms, states, default?, uncovered; the layout's own queries
    # (unread notifications and the rest of the base template)
    # 9: the policy asks once whether the officer's own room is the hub (`network.change`).
    with django_assert_num_queries(9):
        response = client.get(reverse("web:networkadmin:rooms"))

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 37


def test_the_room_page_shows_its_districts_and_change_log(client, hub_officer, setting):
    client.force_login(hub_officer)
    client.post(*_requests(setting)[2])

    response = client.get(reverse("web:networkadmin:room", args=[setting["goa"].pk]))

    assert response.status_code == 200
    assert "Pune moved in from Champions Control Room, Mumbai: Test" in response.text
    assert "1 open grievances moved from Champions Control Room, Mumbai" in response.text
