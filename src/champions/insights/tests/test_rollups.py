"""The dashboards' rollups: after any mix of workflow writes and the SLA sweep, counting the
new timeline entries gives the same figures as counting the grievances and their timeline
directly, and a rebuild gives the same rows as the incremental count."""

from datetime import timedelta

import pytest
import time_machine
from django.db.models import Count, Sum
from django.utils import timezone

from champions.grievances.choices import OPEN_STATUSES
from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.services import (
    grievance_merge,
    grievance_rate,
    grievance_refer,
    grievance_transfer,
    grievance_transition,
)
from champions.grievances.sla.sweep import sla_sweep
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.insights.models import ALL, BacklogRollup, DailyRollup
from champions.insights.services import rollups_catch_up_all, rollups_rebuild

pytestmark = pytest.mark.django_db


def _open_by_room() -> dict[int, int]:
    rows = (
        Grievance.objects.filter(status__in=OPEN_STATUSES)
        .order_by()
        .values_list("room_id")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def _backlog_by_room() -> dict[int, int]:
    rows = (
        BacklogRollup.objects.filter(category=ALL, channel=ALL, language=ALL)
        .values_list("room_id")
        .annotate(n=Sum("count"))
    )
    return {room: n for room, n in rows if n}


def _events() -> dict[str, int]:
    rows = (
        DailyRollup.objects.filter(category=ALL, channel=ALL, language=ALL)
        .values_list("metric")
        .annotate(n=Sum("count"))
    )
    return dict(rows)


def _entries(*actions: str) -> int:
    return TimelineEntry.objects.filter(action__in=actions).count()


def _snapshot() -> set[tuple]:
    daily = DailyRollup.objects.values_list(
        "day", "room_id", "state", "category", "channel", "language", "metric", "count", "total"
    )
    backlog = BacklogRollup.objects.filter(count__gt=0).values_list(
        "room_id", "state", "category", "channel", "language", "lodged_day", "due_day", "count"
    )
    return set(daily) | set(backlog)


def _mixed_sequence(entrepreneur, unit, spoke_officer, hub_room):
    first, second, third, fourth, fifth = (lodge(entrepreneur, unit) for _ in range(5))
    for action in ("assign", "start", "resolve"):
        grievance_transition(
            grievance_id=first.pk, action=action, actor=spoke_officer, note="Paid on 3 May."
        )
    grievance_rate(grievance_id=first.pk, actor=entrepreneur, rating=1, comment="Not paid")
    # a poor rating offers an appeal; the owner takes it
    grievance_transition(
        grievance_id=first.pk, action="appeal", actor=entrepreneur, note="Still not paid."
    )
    grievance_transition(grievance_id=second.pk, action="assign", actor=spoke_officer)
    grievance_refer(
        grievance_id=second.pk,
        actor=spoke_officer,
        organisation="State Government",
        reason="A state matter.",
    )
    grievance_transfer(
        grievance_id=third.pk, room_id=hub_room.pk, actor=spoke_officer, reason="National"
    )
    grievance_merge(duplicate_id=fifth.pk, primary_id=fourth.pk, actor=spoke_officer)
    with time_machine.travel(timezone.now() + timedelta(days=40), tick=False):
        sla_sweep()
    return first, second, third, fourth


def test_counting_the_timeline_gives_the_direct_counts(
    entrepreneur, spoke_officer, hub_officer, hub_room
):
    # given: lodgings, a resolution rated 1 (closed and appealed), a referral, a transfer, a
    # merge, and a sweep 40 days later that escalates and marks breaches
    _mixed_sequence(entrepreneur, pune_enterprise(entrepreneur), spoke_officer, hub_room)

    # when: counted after the sweep (its entries bear its time)
    with time_machine.travel(timezone.now() + timedelta(days=41), tick=False):
        rollups_catch_up_all(settle=timedelta(0))

    # then: the backlog per room equals the open grievances per room
    assert _backlog_by_room() == _open_by_room()
    assert sum(_open_by_room().values()) == 3
    # and each event count equals the timeline's entries of that action
    events = _events()
    assert events["lodged"] == _entries("lodged") == 5
    assert events["resolved"] == _entries("resolve", "refer") == 2
    assert events["referred_to:State Government"] == 1
    assert events["appealed"] == _entries("appeal") == 1
    assert events["closed"] == _entries("close") == 2  # rated, and unrated after 15 days
    assert events["rated"] == 1
    assert events["rating:1"] == 1
    assert events["escalated"] == _entries("escalated")
    assert events["escalated"] >= 3
    assert events["transferred"] == _entries("transferred") == 1
    assert events["routed"] == 2  # first and second left "submitted" once each


def test_a_rebuild_gives_the_same_rows_as_the_incremental_count(
    entrepreneur, spoke_officer, hub_officer, hub_room
):
    # given: the same sequence counted in two steps as it happened
    unit = pune_enterprise(entrepreneur)
    early = lodge(entrepreneur, unit)
    rollups_catch_up_all(settle=timedelta(0))
    _mixed_sequence(entrepreneur, unit, spoke_officer, hub_room)
    with time_machine.travel(timezone.now() + timedelta(days=41), tick=False):
        grievance_transition(grievance_id=early.pk, action="assign", actor=spoke_officer)
        rollups_catch_up_all(settle=timedelta(0))
        incremental = _snapshot()

        # when
        rollups_rebuild()

        # then
        assert _snapshot() == incremental
    assert len(incremental) > 100


def test_the_category_cube_rows_add_up_to_the_all_row(entrepreneur, spoke_officer, hub_room):
    # given
    unit = pune_enterprise(entrepreneur)
    lodge(entrepreneur, unit, category="credit")
    lodge(entrepreneur, unit, category="taxation")
    lodge(entrepreneur, unit, category="taxation")

    # when
    rollups_catch_up_all(settle=timedelta(0))

    # then
    lodged = DailyRollup.objects.filter(metric="lodged", channel=ALL, language=ALL)
    by_category = dict(lodged.values_list("category").annotate(n=Sum("count")))
    assert by_category == {"credit": 1, "taxation": 2, ALL: 3}


def test_entries_younger_than_the_settling_time_wait_for_the_next_run(entrepreneur):
    # given
    unit = pune_enterprise(entrepreneur)
    lodge(entrepreneur, unit)

    # when: counted with the default 10-second settling time, at once
    counted = rollups_catch_up_all()

    # then: nothing yet; 11 seconds later the entry is counted
    assert counted == 0
    with time_machine.travel(timezone.now() + timedelta(seconds=11), tick=False):
        assert rollups_catch_up_all() >= 1
    assert _events()["lodged"] == 1
