"""Applying a network CSV moves the open grievances of the districts it moves."""

import pytest

from champions.controlrooms.selectors import (
    room_change_count,
    room_changes,
    room_get_by_code,
)
from champions.core.errors import ValidationFailed
from champions.core.models import District
from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.networkadmin.selectors import import_preview
from champions.networkadmin.services import PermissionRefused, network_import

pytestmark = pytest.mark.django_db

HEADER = "room_code,room_name,host_office,state,district_lgd_code\n"


@pytest.fixture
def pune_file(entrepreneur):
    unit = pune_enterprise(entrepreneur)
    lodge(entrepreneur, unit)
    lodge(entrepreneur, unit, subject="Second grievance")
    pune = District.objects.get(name="Pune", state__udyam_code="MH")
    return HEADER + f"dfo-pune,MSME-DFO Pune room,MSME-DFO Pune,MH,{pune.lgd_code}\n"


def test_the_dry_run_counts_the_grievances_that_would_move(pune_file):
    preview = import_preview(text=pune_file)

    assert preview.grievances_to_move == 2
    assert preview.plan.district_count == 1
    assert Grievance.objects.filter(room__code="spoke-mh").count() == 2


def test_applying_moves_the_grievances_with_a_timeline_entry(hub_officer, pune_file):
    result = network_import(actor=hub_officer, text=pune_file, reason="Ministry list 2026")

    room = room_get_by_code(code="dfo-pune")
    assert (result.districts, result.grievances) == (1, 2)
    assert Grievance.objects.filter(room=room).count() == 2
    assert TimelineEntry.objects.filter(action="rerouted").count() == 2
    assert len([c for c in room_changes(room_id=room.pk) if c.action == "grievances_moved"]) == 1


def test_a_file_with_a_bad_row_changes_nothing(hub_officer, pune_file):
    with pytest.raises(ValidationFailed):
        network_import(
            actor=hub_officer, text=pune_file + "dfo-x,X,X office,Nowhere,\n", reason="r"
        )

    assert room_get_by_code(code="dfo-pune") is None
    assert room_change_count() == 0


def test_leadership_cannot_import(leadership, pune_file):
    with pytest.raises(PermissionRefused):
        network_import(actor=leadership, text=pune_file, reason="r")

    assert room_get_by_code(code="dfo-pune") is None
