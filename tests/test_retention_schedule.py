"""The grievance contacts retention job runs daily (config/periodic.py)."""

from datetime import timedelta

from django.utils.module_loading import import_string

from champions.config.periodic import PERIODIC_JOBS


def test_the_contacts_retention_job_runs_daily_and_its_task_resolves():
    job = next(j for j in PERIODIC_JOBS if j.name == "grievance-contacts-expire")

    assert job.every == timedelta(days=1)
    assert import_string(job.task).name == "contacts_expire_task"
