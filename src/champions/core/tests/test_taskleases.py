"""A task a killed worker left RUNNING is queued again after its lease, once."""

import pytest
import time_machine
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from champions.core.taskleases import abandoned_tasks_reclaim, worker_tasks_reclaim
from champions.core.tasks import reclaim_abandoned_tasks_task

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = DB_TASKS
    settings.TASK_LEASE_SECONDS = 1800


def _claimed(at: str) -> DBTaskResult:
    result = reclaim_abandoned_tasks_task.enqueue()
    row = DBTaskResult.objects.get(pk=result.id)
    with time_machine.travel(at, tick=False):
        row.claim("worker-killed-mid-task")
    return row


def test_a_task_running_past_its_lease_is_ready_again(db_tasks):
    row = _claimed("2026-12-04 10:00:00+00:00")

    with time_machine.travel("2026-12-04 10:31:00+00:00", tick=False):
        reclaimed = abandoned_tasks_reclaim()
        again = abandoned_tasks_reclaim()

    row.refresh_from_db()
    assert (reclaimed, again) == (1, 0)
    assert row.status == TaskResultStatus.READY
    assert row.started_at is None
    assert row.worker_ids == ["worker-killed-mid-task"]


def test_a_task_inside_its_lease_is_left_running(db_tasks):
    row = _claimed("2026-12-04 10:00:00+00:00")

    with time_machine.travel("2026-12-04 10:29:00+00:00", tick=False):
        reclaimed = abandoned_tasks_reclaim()

    row.refresh_from_db()
    assert reclaimed == 0
    assert row.status == TaskResultStatus.RUNNING


def test_a_restarted_worker_takes_back_only_its_own_running_tasks(db_tasks):
    own = _claimed("2026-12-04 10:00:00+00:00")
    own.worker_ids = ["host-worker-1", "host-worker-0"]  # retried, last claimed by worker 0
    own.save(update_fields=["worker_ids"])
    other = _claimed("2026-12-04 10:00:00+00:00")
    other.worker_ids = ["host-worker-0", "host-worker-1"]
    other.save(update_fields=["worker_ids"])

    reclaimed = worker_tasks_reclaim(worker_id="host-worker-0")
    again = worker_tasks_reclaim(worker_id="host-worker-0")

    own.refresh_from_db()
    other.refresh_from_db()
    assert (reclaimed, again) == (1, 0)
    assert (own.status, other.status) == (TaskResultStatus.READY, TaskResultStatus.RUNNING)
