"""The network CSV import: a dry run that checks every row, then an all-or-nothing apply."""

import pytest

from champions.controlrooms.models import ControlRoom, RoomChange
from champions.controlrooms.selectors import (
    FIELD_OFFICE_ROOMS_FILE,
    import_plan,
    room_for_district,
    room_get_by_code,
)
from champions.controlrooms.services import import_apply
from champions.core.errors import ValidationFailed
from champions.core.models import District

pytestmark = pytest.mark.django_db

HEADER = "room_code,room_name,host_office,state,district_lgd_code\n"


def _lgd(name: str, state: str) -> int:
    return District.objects.get(name=name, state__udyam_code=state).lgd_code


def test_a_good_file_plans_new_rooms_renames_and_moves_without_writing():
    pune, nagpur, mumbai = _lgd("Pune", "MH"), _lgd("Nagpur", "MH"), _lgd("Mumbai", "MH")
    text = HEADER + (
        f"dfo-pune,MSME-DFO Pune room,MSME-DFO Pune,MH,{pune}\n"
        f"dfo-nagpur,MSME-DFO Nagpur room,MSME-DFO Nagpur,Maharashtra,{nagpur}\n"
        f"spoke-mh,MSME-DFO Mumbai room,MSME-DFO Mumbai,27,{mumbai}\n"
    )

    plan = import_plan(text=text)

    assert plan.errors == []
    assert plan.rows_read == 3
    assert [spec.code for spec in plan.new_rooms] == ["dfo-pune", "dfo-nagpur"]
    assert [spec.code for spec in plan.renamed_rooms] == ["spoke-mh"]
    assert plan.district_count == 2
    assert plan.unchanged == 1
    assert ControlRoom.objects.filter(code__in=["dfo-pune", "dfo-nagpur"]).count() == 0


def test_bad_rows_are_reported_line_by_line():
    pune = _lgd("Pune", "MH")
    text = HEADER + (
        f"Bad Code!,A room,An office,MH,{pune}\n"
        "dfo-x,Room X,Office X,Atlantis,\n"
        "dfo-y,Room Y,Office Y,MH,999999\n"
        f"dfo-z,Room Z,Office Z,MH,{pune}\n"
        f"dfo-w,Room W,Office W,GA,{pune}\n"
        "hub-new-delhi,Hub,Hub office,DL,\n"
        "dfo-z,Room Z2,Office Z,MH,\n"
        "dfo-v,,Office V,MH,\n"
    )

    plan = import_plan(text=text)

    assert [(e.line, e.column) for e in plan.errors] == [
        (2, "room_code"),
        (3, "state"),
        (4, "district_lgd_code"),
        (6, "district_lgd_code"),
        (7, "room_code"),
        (8, "room_code"),
        (9, "room_name"),
    ]
    assert plan.errors[3].message == "This district is already on line 5."
    with pytest.raises(ValidationFailed):
        import_apply(plan=plan, actor=None, reason="Ministry list")
    assert not ControlRoom.objects.filter(code="dfo-z").exists()


def test_a_file_without_the_columns_is_refused():
    plan = import_plan(text="code,name\nx,y\n")

    assert [(e.line, e.column) for e in plan.errors] == [
        (1, "room_code, room_name, host_office, state, district_lgd_code")
    ]


def test_applying_creates_rooms_and_moves_districts_with_a_log(hub_officer):
    pune = District.objects.get(name="Pune", state__udyam_code="MH")
    plan = import_plan(
        text=HEADER + f"br-pune,Br. Pune room,Br. MSME-DFO Pune,MH,{pune.lgd_code}\n"
    )

    moves = import_apply(plan=plan, actor=hub_officer, reason="Ministry list")

    room = room_get_by_code(code="br-pune")
    mh = room_get_by_code(code="spoke-mh")
    assert moves == {room.pk: {mh.pk: [pune.pk]}}
    assert (room.origin, room.host_type) == ("import", "branch_msme_di")
    assert room_for_district(district_id=pune.pk) == room
    assert sorted(RoomChange.objects.filter(room=room).values_list("action", flat=True)) == [
        "created",
        "districts_in",
    ]


def test_the_shipped_field_office_set_imports_cleanly():
    plan = import_plan(text=FIELD_OFFICE_ROOMS_FILE.read_text(encoding="utf-8"))

    assert plan.errors == []
    assert len(plan.new_rooms) == 57
    assert plan.rows_read == 760


def test_an_optional_hindi_name_column_names_new_rooms_and_renames_known_ones(hub_officer):
    pune = District.objects.get(name="Pune", state__udyam_code="MH")
    text = (
        "room_code,room_name,room_name_hi,host_office,state,district_lgd_code\n"
        f"br-pune,Br. Pune room,शाखा पुणे कक्ष,Br. MSME-DFO Pune,MH,{pune.lgd_code}\n"
        "spoke-mh,Champions Control Room, Mumbai,मुंबई कक्ष,MSME-DI Mumbai,MH,\n"
    ).replace("Room, Mumbai", "Room Mumbai")
    plan = import_plan(text=text)
    assert plan.errors == []
    assert [spec.code for spec in plan.renamed_rooms] == ["spoke-mh"]

    import_apply(plan=plan, actor=hub_officer, reason="Ministry list")

    assert room_get_by_code(code="br-pune").name_hi == "शाखा पुणे कक्ष"
    assert room_get_by_code(code="spoke-mh").name_hi == "मुंबई कक्ष"


def test_the_shipped_field_office_rooms_have_hindi_names():
    plan = import_plan(text=FIELD_OFFICE_ROOMS_FILE.read_text(encoding="utf-8"))

    names = {spec.code: spec.name_hi for spec in plan.new_rooms}
    assert names["dfo-mumbai"] == "एमएसएमई-डीएफओ मुंबई नियंत्रण कक्ष"
    assert names["br-rourkela"] == "शाखा एमएसएमई-डीएफओ राउरकेला नियंत्रण कक्ष"
    assert all(names.values())
