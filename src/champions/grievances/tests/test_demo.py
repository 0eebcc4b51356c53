"""The demo grievances: written in bulk, but with the rows the services would have written."""

import re

import pytest
from django.db.models import Count

from champions.grievances.choices import Kind
from champions.grievances.demo import DemoEnterprise, demo_grievances_load
from champions.grievances.models import Grievance, QueueTally, TimelineEntry
from champions.grievances.tests.factories import pune_enterprise

pytestmark = pytest.mark.django_db


def test_demo_grievances_are_numbered_timed_and_counted_and_load_once(entrepreneur, mh_room):
    # given
    unit = pune_enterprise(entrepreneur)
    places = [DemoEnterprise(unit.pk, unit.district_id, unit.state_id, "MH")]

    # when
    added = demo_grievances_load(count=80, enterprises=places)
    again = demo_grievances_load(count=80, enterprises=places)

    # then
    assert (added, again) == (80, 0)
    grievances = list(Grievance.objects.all())
    assert len(grievances) == 80
    numbers = [g.registration_number for g in grievances]
    assert len(set(numbers)) == 80
    assert all(re.fullmatch(r"CHMP/20\d\d/MH/\d{7}", n) for n in numbers)
    assert {g.language for g in grievances} == {"en", "hi", "hinglish"}
    for g in grievances:
        if g.kind == Kind.GRIEVANCE:
            assert g.resolution_due_at is not None
            assert g.assign_due_at < g.resolution_due_at
    lodged = TimelineEntry.objects.filter(action="lodged").values_list("grievance_id", flat=True)
    assert sorted(lodged) == sorted(g.pk for g in grievances)
    live = Grievance.objects.order_by().values_list("room_id", "status").annotate(n=Count("id"))
    tallied = QueueTally.objects.filter(count__gt=0).values_list("room_id", "status", "count")
    assert set(tallied) == set(live)


def test_a_larger_count_adds_only_the_difference(entrepreneur, mh_room):
    unit = pune_enterprise(entrepreneur)
    places = [DemoEnterprise(unit.pk, unit.district_id, unit.state_id, "MH")]
    demo_grievances_load(count=10, enterprises=places)

    added = demo_grievances_load(count=25, enterprises=places)

    assert added == 15
    assert Grievance.objects.count() == 25


def test_demo_appeals_are_decided_by_the_appellate_officer(
    entrepreneur, mh_room, appellate_officer
):
    unit = pune_enterprise(entrepreneur)
    places = [DemoEnterprise(unit.pk, unit.district_id, unit.state_id, "MH")]

    demo_grievances_load(count=300, enterprises=places, appellate_id=appellate_officer.pk)

    deciders = set(
        TimelineEntry.objects.filter(action="decide_appeal").values_list("actor_id", flat=True)
    )
    assert deciders == {appellate_officer.pk}
