"""The SLA sweep: at risk, breached, escalation up the ladder, auto-close, idempotence."""

from collections import Counter
from datetime import datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from champions.grievances.audit_chain import timeline_chain_verify
from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.queue.tallies import tally_counts
from champions.grievances.services import grievance_rate, grievance_transition
from champions.grievances.sla import sweep
from champions.grievances.sla.sweep import sla_sweep
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.notifications.models import Notification

pytestmark = pytest.mark.django_db
MONDAY = "2027-03-01 09:00 +0000"


@pytest.fixture
def grievance(entrepreneur):
    with time_machine.travel(MONDAY, tick=False):
        return lodge(entrepreneur, pune_enterprise(entrepreneur))


def _sweep_at(when):
    return sla_sweep(now=when)


def test_unassigned_after_three_working_days_escalates_to_the_hub(
    grievance, hub_officer, django_capture_on_commit_callbacks
):
    late = grievance.assign_due_at + timedelta(minutes=1)

    with django_capture_on_commit_callbacks(execute=True):
        result = _sweep_at(late)

    grievance.refresh_from_db()
    assert (grievance.escalation_level, grievance.sla_state) == (1, "breached")
    assert (result.escalated, result.breached) == (1, 1)
    assert [m.to for m in mail.outbox] == [["hub@example.com"]]


def test_a_second_run_changes_nothing(grievance):
    late = grievance.assign_due_at + timedelta(hours=1)
    _sweep_at(late)
    entries = TimelineEntry.objects.count()

    again = _sweep_at(late)

    assert (again.escalated, again.breached, again.at_risk) == (0, 0, 0)
    assert TimelineEntry.objects.count() == entries


def test_at_risk_at_eighty_percent(grievance, spoke_officer):
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    allowed = grievance.resolution_due_at - grievance.lodged_at

    _sweep_at(grievance.lodged_at + allowed * 0.79)
    grievance.refresh_from_db()
    assert grievance.sla_state == "on_track"
    _sweep_at(grievance.lodged_at + allowed * 0.81)
    grievance.refresh_from_db()
    assert grievance.sla_state == "at_risk"


def test_resolution_breach_reaches_leadership(grievance, spoke_officer):
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)

    _sweep_at(grievance.resolution_due_at + timedelta(minutes=1))

    grievance.refresh_from_db()
    assert (grievance.escalation_level, grievance.sla_state) == (2, "breached")


def test_paused_grievance_is_not_marked(grievance, spoke_officer, entrepreneur):
    for action, note in (("assign", ""), ("start", ""), ("ask_msme", "Invoice copy?")):
        grievance_transition(
            grievance_id=grievance.pk, action=action, actor=spoke_officer, note=note
        )
    allowed = grievance.resolution_due_at - grievance.lodged_at

    _sweep_at(grievance.lodged_at + allowed * 0.9)

    grievance.refresh_from_db()
    assert grievance.sla_state == "on_track"


def test_unrated_resolved_grievance_closes_after_fifteen_days(grievance, spoke_officer):
    with time_machine.travel(MONDAY, tick=False) as traveller:
        for action, note in (("assign", ""), ("start", ""), ("resolve", "Paid.")):
            grievance_transition(
                grievance_id=grievance.pk, action=action, actor=spoke_officer, note=note
            )
        traveller.shift(timedelta(days=15, minutes=1))

        result = sla_sweep()

    grievance.refresh_from_db()
    assert (grievance.status, result.auto_closed) == ("closed", 1)


def test_scheduler_enqueues_every_declared_job_once(grievance, capsys, settings):
    call_command("scheduler", "--once")

    first, *rest = capsys.readouterr().out.splitlines()
    lines = " ".join(rest).split()
    assert first.endswith("holds the scheduler lease")
    assert "sla-sweep" in lines
    assert lines == [word for job in settings.PERIODIC_JOBS for word in ("enqueued", job.name)]


def _lodge_at(when, owner, enterprise):
    with time_machine.travel(when, tick=False):
        return lodge(owner, enterprise)


def _work(grievance, officer, *actions):
    for action in actions:
        note = "Invoice copy?" if action == "ask_msme" else ""
        grievance_transition(grievance_id=grievance.pk, action=action, actor=officer, note=note)


@pytest.fixture
def mixed_batch(entrepreneur, spoke_officer):
    """Six open grievances that a sweep at SWEEP_AT finds in different states."""
    unit = pune_enterprise(entrepreneur)
    batch = {
        "unassigned": _lodge_at(MONDAY, entrepreneur, unit),
        "assigned": _lodge_at(MONDAY, entrepreneur, unit),
        "paused": _lodge_at(MONDAY, entrepreneur, unit),
        "fresh": _lodge_at("2027-03-10 08:00 +0000", entrepreneur, unit),
        "nearly_due": _lodge_at("2027-02-12 09:00 +0000", entrepreneur, unit),
        "overdue": _lodge_at("2027-02-01 09:00 +0000", entrepreneur, unit),
    }
    _work(batch["assigned"], spoke_officer, "assign")
    _work(batch["paused"], spoke_officer, "assign", "start", "ask_msme")
    _work(batch["nearly_due"], spoke_officer, "assign")
    _work(batch["overdue"], spoke_officer, "assign", "start")
    return batch


SWEEP_AT = datetime.fromisoformat("2027-03-10 09:30 +00:00")


def test_a_batch_writes_the_same_timeline_entries_as_one_grievance_at_a_time(mixed_batch):
    # given
    touched_before = dict(Grievance.objects.values_list("pk", "updated_at"))

    # when
    result = sla_sweep(now=SWEEP_AT)

    # then: what the sweep wrote when it saved one grievance and one entry at a time
    names = {grievance.pk: name for name, grievance in mixed_batch.items()}
    swept = TimelineEntry.objects.filter(
        grievance__in=names, action__in=["sla_at_risk", "sla_breached", "escalated"]
    ).order_by("grievance_id", "id")
    entries = [
        (names[e.grievance_id], e.action, e.from_status, e.to_status, e.note, e.is_internal)
        for e in swept
    ]
    assert entries == [
        ("unassigned", "sla_breached", "submitted", "submitted", "", True),
        ("unassigned", "escalated", "", "", "Escalated to Hub.", True),
        ("assigned", "escalated", "", "", "Escalated to Hub.", True),
        ("paused", "escalated", "", "", "Escalated to Hub.", True),
        ("nearly_due", "sla_at_risk", "assigned", "assigned", "", True),
        ("nearly_due", "escalated", "", "", "Escalated to Hub.", True),
        ("overdue", "sla_breached", "in_progress", "in_progress", "", True),
        ("overdue", "escalated", "", "", "Escalated to Leadership.", True),
    ]
    assert not swept.filter(actor__isnull=False).exists()
    states = Grievance.objects.filter(pk__in=names).values_list(
        "pk", "sla_state", "escalation_level", "updated_at"
    )
    assert {names[pk]: (state, level) for pk, state, level, _at in states} == {
        "unassigned": ("breached", 1),
        "assigned": ("on_track", 1),
        "paused": ("on_track", 1),
        "fresh": ("on_track", 0),
        "nearly_due": ("at_risk", 1),
        "overdue": ("breached", 2),
    }
    touched = {names[pk] for pk, _state, _level, at in states if at != touched_before[pk]}
    assert touched == set(names.values()) - {"fresh"}
    assert (result.examined, result.at_risk, result.breached, result.escalated) == (6, 1, 2, 5)


def test_each_batch_enqueues_one_notification_task_with_all_its_escalations(
    mixed_batch, settings, monkeypatch, django_capture_on_commit_callbacks
):
    # given: tasks are queued in the database, and the sweep takes four rows at a time
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(sweep, "BATCH", 4)
    pk = {name: grievance.pk for name, grievance in mixed_batch.items()}

    # when
    with django_capture_on_commit_callbacks(execute=True):
        sla_sweep(now=SWEEP_AT)

    # then
    queued = DBTaskResult.objects.order_by("enqueued_at", "id")
    assert [(t.task_path, t.args_kwargs) for t in queued] == [
        (
            "champions.grievances.tasks.notify_escalations_task",
            {
                "args": [[[pk["unassigned"], 1], [pk["assigned"], 1], [pk["paused"], 1]]],
                "kwargs": {},
            },
        ),
        (
            "champions.grievances.tasks.notify_escalations_task",
            {"args": [[[pk["nearly_due"], 1], [pk["overdue"], 2]]], "kwargs": {}},
        ),
    ]


def test_every_escalated_grievance_is_notified_to_the_officers_who_now_hold_it(
    mixed_batch, hub_officer, leadership, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        sla_sweep(now=SWEEP_AT)

    # then: the hub hears of all five; leadership of the one that reached it
    told = Notification.objects.filter(kind="grievance_escalated").values_list(
        "recipient__email", "link"
    )
    link = {name: f"/grievances/{grievance.pk}/" for name, grievance in mixed_batch.items()}
    assert sorted(told) == sorted(
        [("hub@example.com", link[name]) for name in link if name != "fresh"]
        + [("lead@example.com", link["overdue"])]
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["hub@example.com"] * 5 + ["lead@example.com"]


@pytest.mark.parametrize("size", [5, 50])
def test_a_batch_costs_the_same_queries_whatever_its_size(
    size, entrepreneur, django_assert_max_num_queries
):
    # given: grievances all escalating and breaching at once (two entries each)
    unit = pune_enterprise(entrepreneur)
    lodged = [_lodge_at(MONDAY, entrepreneur, unit) for _ in range(size)]
    late = lodged[0].assign_due_at + timedelta(minutes=1)

    # when: read, savepoint, lock the rows and read the chains' last hashes (audit_chain),
    # insert the entries (two statements for 100 on SQLite), update the rows, release; the
    # empty next read; the auto-close read
    with django_assert_max_num_queries(10):
        result = sla_sweep(now=late)

    # then
    assert (result.examined, result.escalated, result.breached) == (size, size, size)


def _resolved(owner, unit, officer):
    grievance = _lodge_at(MONDAY, owner, unit)
    with time_machine.travel(MONDAY, tick=False):
        _work(grievance, officer, "assign", "start")
        grievance_transition(
            grievance_id=grievance.pk, action="resolve", actor=officer, note="Paid."
        )
    return grievance


AUTO_CLOSE_NOTE = "Closed automatically: not rated within 15 days of resolution."
FORTNIGHT_AFTER = datetime.fromisoformat(MONDAY.replace(" +0000", "+00:00")) + timedelta(
    days=15, minutes=1
)


@pytest.mark.parametrize("size", [3, 30])
def test_auto_close_costs_the_same_queries_whatever_the_chunk_size(
    size, entrepreneur, spoke_officer, django_assert_max_num_queries
):
    # given
    unit = pune_enterprise(entrepreneur)
    resolved = [_resolved(entrepreneur, unit, spoke_officer) for _ in range(size)]

    # when: the (empty) open read, the stale read; savepoint, lock, update, the chains' lock
    # and last hashes (audit_chain), entries, the room's counts (four: the room's first
    # "closed" row is created), release
    with django_assert_max_num_queries(13):
        result = sla_sweep(now=FORTNIGHT_AFTER)

    # then
    assert result.auto_closed == size
    assert (
        Grievance.objects.filter(pk__in=[g.pk for g in resolved], status="closed").count() == size
    )
    closes = TimelineEntry.objects.filter(action="close").values_list(
        "from_status", "to_status", "note", "is_internal", "actor"
    )
    assert list(closes) == [("resolved", "closed", AUTO_CLOSE_NOTE, False, None)] * size


def test_auto_close_leaves_a_grievance_rated_after_the_sweep_read_it(
    entrepreneur, spoke_officer, mh_room
):
    # given: the sweep has read two stale grievances, then the MSME rates one
    unit = pune_enterprise(entrepreneur)
    stale, rated = (_resolved(entrepreneur, unit, spoke_officer) for _ in range(2))
    with time_machine.travel(FORTNIGHT_AFTER, tick=False):
        grievance_rate(grievance_id=rated.pk, actor=entrepreneur, rating=5, comment="Paid, thanks.")
    result = sweep.SweepResult()

    # when
    sweep._close_unrated([stale.pk, rated.pk], FORTNIGHT_AFTER, result)

    # then
    assert result.auto_closed == 1
    closed_by_sweep = TimelineEntry.objects.filter(note=AUTO_CLOSE_NOTE)
    assert list(closed_by_sweep.values_list("grievance_id", flat=True)) == [stale.pk]
    rated.refresh_from_db()
    assert (rated.status, rated.rating, rated.feedback) == ("closed", 5, "Paid, thanks.")
    counts = Counter(Grievance.objects.filter(room=mh_room).values_list("status", flat=True))
    tallied = tally_counts(room_id=mh_room.pk)
    assert {status: count for status, count in tallied.items() if count} == dict(counts)


def test_the_sweeps_timeline_words_are_message_ids_read_in_each_language(grievance, spoke_officer):
    with time_machine.travel(grievance.assign_due_at + timedelta(minutes=1), tick=False) as t:
        sla_sweep()  # unassigned too long: escalated to the hub
        for action, note in (("assign", ""), ("start", ""), ("resolve", "Paid.")):
            grievance_transition(
                grievance_id=grievance.pk, action=action, actor=spoke_officer, note=note
            )
        t.shift(timedelta(days=15, minutes=1))
        sla_sweep()  # resolved and not rated: closed

    escalated = TimelineEntry.objects.get(grievance=grievance, action="escalated")
    closed = TimelineEntry.objects.get(grievance=grievance, action="close")
    assert escalated.message == {"id": "Escalated to %(level)s.", "params": {"level": "Hub"}}
    assert closed.message == {"id": AUTO_CLOSE_NOTE, "params": {}}
    with translation.override("hi"):
        assert (escalated.text, closed.text) == (
            "हब स्तर पर भेजी गई।",
            "अपने आप बंद: निपटारे के 15 दिनों के भीतर रेटिंग नहीं दी गई।",
        )
    with translation.override("en"):
        assert (escalated.text, closed.text) == ("Escalated to Hub.", AUTO_CLOSE_NOTE)
    assert timeline_chain_verify().ok
