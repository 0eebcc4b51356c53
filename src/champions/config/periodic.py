"""Every periodic job, declared in one place. `champions scheduler` enqueues each on its
interval; the task workers run them. Jobs are idempotent, so a late or doubled run is harmless.
"""

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: str  # dotted path of a django-tasks task
    every: timedelta
    why: str


PERIODIC_JOBS = [
    PeriodicJob(
        name="sla-sweep",
        task="champions.grievances.tasks.sla_sweep_task",
        every=timedelta(minutes=15),
        # Due dates count working days, so 15 minutes is well inside the 80 % at-risk margin
        # of even the shortest deadline (3 working days to assign).
        why="mark at-risk/breached grievances, escalate, auto-close unrated resolved ones",
    ),
    PeriodicJob(
        name="cpgrams-sync",
        task="champions.integrations.tasks.sync_cpgrams_task",
        every=timedelta(minutes=5),
        # CPGRAMS asks ministries to act on a grievance within days, so 5 minutes is prompt;
        # the run also resends outbox messages a killed worker left behind (their lease ends).
        why="pull grievances CPGRAMS routes to the ministry; resend due outbox messages",
    ),
    PeriodicJob(
        name="notification-retry",
        task="champions.notifications.tasks.retry_deliveries_task",
        every=timedelta(minutes=5),
        # Deliveries that failed for a passing reason (mail server, SMS gateway) are retried
        # with backoff, at most 5 attempts; 5 minutes keeps a retried SMS timely.
        why="send again e-mails and SMS whose delivery failed for a passing reason",
    ),
    PeriodicJob(
        name="queue-recount",
        task="champions.grievances.tasks.queue_recount_task",
        every=timedelta(days=1),
        # The counts are moved by every save, so the daily rebuild only repairs writes that
        # bypassed the model (bulk loads, raw SQL, deletions in the admin).
        why="rebuild the work queue's counts per room and status from the grievances",
    ),
    PeriodicJob(
        name="compliance-reminders",
        task="champions.compliance.tasks.send_compliance_reminders_task",
        every=timedelta(days=1),
        # Due dates are whole days and reminders go N days ahead (N chosen per enterprise);
        # the Reminder log makes a second run in a day send nothing.
        why="remind enterprises of GST, TDS, tax, EPF/ESI, Udyam and MSME Form-1 due dates",
    ),
    PeriodicJob(
        name="systemic-clusters",
        task="champions.insights.tasks.systemic_clusters_task",
        every=timedelta(days=1),
        # The page shows growth week by week, so a daily rebuild of the last 12 weeks keeps
        # the current week's count at most a day behind; it reads only the stored embeddings.
        why="group similar grievances across MSMEs into systemic issues, with weekly counts",
    ),
    PeriodicJob(
        name="task-lease-reclaim",
        task="champions.core.tasks.reclaim_abandoned_tasks_task",
        every=timedelta(minutes=5),
        # A task RUNNING longer than TASK_LEASE_SECONDS (30 min; the longest job, the daily
        # clusters, takes minutes) lost its worker: it is queued again, every task being safe
        # to run twice.
        why="queue again the tasks a killed worker left RUNNING",
    ),
]
