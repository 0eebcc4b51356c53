"""The hand-holding follow-up notices run daily (config/periodic.py)."""

from datetime import timedelta

from champions.config.periodic import PERIODIC_JOBS


def test_the_case_followups_run_daily():
    job = next(j for j in PERIODIC_JOBS if j.name == "case-followups")
    assert (job.task, job.every) == ("champions.cases.tasks.case_followups_task", timedelta(days=1))
