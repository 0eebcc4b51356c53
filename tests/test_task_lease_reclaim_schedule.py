"""The scheduler re-queues abandoned tasks every five minutes (core/taskleases.py)."""

from datetime import timedelta

from champions.config.periodic import PERIODIC_JOBS


def test_the_reclaim_runs_periodically():
    job = next(j for j in PERIODIC_JOBS if j.name == "task-lease-reclaim")

    assert job.task == "champions.core.tasks.reclaim_abandoned_tasks_task"
    assert job.every == timedelta(minutes=5)
