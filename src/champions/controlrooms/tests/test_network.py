"""The control-room network: one hub, a spoke for every state/UT, every district in one spoke."""

import re

import pytest
from django.db import IntegrityError
from django.db.models import F

from champions.controlrooms.models import ControlRoom, RoomDistrict
from champions.controlrooms.selectors import (
    room_for_district,
    room_hindi_name,
    uncovered_district_count,
)
from champions.controlrooms.services import network_load
from champions.core.models import District, State

pytestmark = pytest.mark.django_db


def test_every_district_maps_to_exactly_one_spoke():
    total = District.objects.count()
    coverage = list(
        RoomDistrict.objects.select_related("room").values_list("district_id", "room__kind")
    )

    assert total == 763
    assert uncovered_district_count() == 0
    assert len(coverage) == total
    assert len({district for district, _kind in coverage}) == total
    assert {kind for _district, kind in coverage} == {"spoke"}


def test_one_hub_in_new_delhi_and_a_spoke_for_every_state_and_ut():
    hub = ControlRoom.objects.get(kind="hub")
    spoke_states = set(
        ControlRoom.objects.filter(kind="spoke").values_list("state__udyam_code", flat=True)
    )

    assert hub.city == "New Delhi"
    assert spoke_states == set(State.objects.values_list("udyam_code", flat=True))


def test_spoke_covers_only_districts_of_its_state():
    mismatched = RoomDistrict.objects.exclude(district__state=F("room__state"))

    assert mismatched.count() == 0


def test_district_cannot_join_a_second_room():
    pune = District.objects.get(name="Pune")
    delhi_room = ControlRoom.objects.get(code="spoke-dl")

    with pytest.raises(IntegrityError):
        RoomDistrict.objects.create(room=delhi_room, district=pune)


def test_reloading_keeps_an_administrators_change():
    pune = District.objects.get(name="Pune")
    goa = ControlRoom.objects.get(code="spoke-ga")
    RoomDistrict.objects.filter(district=pune).update(room=goa)

    counts = network_load()

    assert counts["districts_assigned"] == 0
    assert room_for_district(district_id=pune.pk) == goa
    assert ControlRoom.objects.count() == 37


def test_reloading_keeps_a_room_the_hub_renamed_or_closed(hub_officer):
    from champions.controlrooms.services import RoomInput, room_close, room_update

    goa = ControlRoom.objects.get(code="spoke-ga")
    data = RoomInput(
        code=goa.code,
        name="MSME-DFO Margao control room",
        host_office="MSME-DFO Margao",
        city="Margao",
        state_id=goa.state_id,
        host_type=goa.host_type,
    )
    room_update(actor=hub_officer, room_id=goa.pk, data=data)
    room_close(
        actor=hub_officer,
        room_id=goa.pk,
        to_room_id=ControlRoom.objects.get(code="spoke-mh").pk,
        reason="Merged",
    )

    counts = network_load()

    goa.refresh_from_db()
    assert counts["districts_assigned"] == 0
    assert (goa.name, goa.is_active) == ("MSME-DFO Margao control room", False)
    assert RoomDistrict.objects.filter(room=goa).count() == 0


def test_every_shipped_room_has_a_hindi_name_in_devanagari():
    names = dict(ControlRoom.objects.values_list("code", "name_hi"))

    assert len(names) == 37
    assert names["hub-new-delhi"] == "चैंपियंस हब नियंत्रण कक्ष, नई दिल्ली"
    assert names["spoke-mh"] == "चैंपियंस नियंत्रण कक्ष, मुंबई"
    assert all(re.search("[\u0900-\u097f]", name) for name in names.values())


def test_a_room_is_found_by_its_english_name_for_its_hindi_one():
    assert room_hindi_name("Champions Control Room, Kanpur") == "चैंपियंस नियंत्रण कक्ष, कानपुर"
    assert room_hindi_name("No such room") == ""
