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
        name="cpgrams-updates",
        task="champions.integrations.tasks.pull_cpgrams_updates_task",
        every=timedelta(minutes=5),
        # A closure on CPGRAMS should close the grievance here (and tell the owner) within
        # minutes; the cursor and the event ids make a late, doubled or overlapping run harmless.
        why="pull status changes, remarks and closures made on CPGRAMS into the timelines",
    ),
    PeriodicJob(
        name="samadhaan-sync",
        task="champions.samadhaan.tasks.sync_samadhaan_task",
        every=timedelta(minutes=10),
        # Councils move in weeks (a hearing, then an award within 90 days), so ten minutes
        # is prompt; the run also resends filings whose send timed out or whose worker died.
        why="send queued MSME Samadhaan applications; bring back council, hearing and award",
    ),
    PeriodicJob(
        name="udyam-recheck",
        task="champions.udyam.tasks.recheck_udyam_task",
        every=timedelta(days=1),
        # A unit's Udyam details change yearly at most (the ITR/GST-based update), so each is
        # checked again 90 days (UDYAM_RECHECK_DAYS) after its last check, 500 a run.
        why="check Udyam numbers never checked or last checked 90 days ago",
    ),
    PeriodicJob(
        name="gem-refresh",
        task="champions.gem.tasks.refresh_gem_task",
        every=timedelta(days=1),
        # GeM orders and awards move in days; a daily read keeps the shares current.
        why="read GeM orders of recorded seller IDs and the award of linked bids",
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
        name="case-followups",
        task="champions.cases.tasks.case_followups_task",
        every=timedelta(days=1),
        # Steps and the 30-day follow-up (CASES_SLA_DAYS) are whole days; each message has an
        # idempotency key, so a second run in a day sends nothing.
        why="tell step owners of steps due or overdue, and officers of cases past follow-up",
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
        name="network-expire-posts",
        task="champions.network.tasks.expire_posts_task",
        every=timedelta(days=1),
        # Posts live 12 months unless renewed; a day late is harmless.
        why="expire partnership posts published more than 12 months ago and not renewed",
    ),
    PeriodicJob(
        name="network-digest",
        task="champions.network.tasks.alerts_digest_task",
        every=timedelta(days=1),
        # A daily digest by design; each alert is digested once (digested_at).
        why="e-mail each unit the new partnership posts that match it (unless turned off)",
    ),
    PeriodicJob(
        name="grievance-contacts-expire",
        task="champions.grievances.tasks.contacts_expire_task",
        every=timedelta(days=1),
        # Contacts are kept GRIEVANCE_CONTACT_RETENTION_DAYS (3 years) after closure; a daily
        # run removes them at most a day late, and a second run in a day changes nothing.
        why="remove the contact details of grievances closed longer than the retention period",
    ),
    PeriodicJob(
        name="assistant-purge",
        task="champions.assistant.tasks.purge_transcripts_task",
        every=timedelta(days=1),
        # Transcripts are kept ASSISTANT_TRANSCRIPT_DAYS (90) days; a daily run deletes them
        # at most a day late, and a second run in a day deletes nothing.
        why="delete assistant conversations and handled call-backs past the retention period",
    ),
    PeriodicJob(
        name="insights-rollups",
        task="champions.insights.tasks.rollups_catch_up_task",
        every=timedelta(seconds=15),
        # The dashboards poll every 30 seconds; counting every 15 keeps what they show at most
        # ~45 s behind a lodging (entries settle 10 s first, see insights/rollups.py).
        why="count new grievance timeline entries and triage rows into the dashboards' rollups",
    ),
    PeriodicJob(
        name="insights-rollups-rebuild",
        task="champions.insights.tasks.rollups_rebuild_task",
        every=timedelta(days=1),
        # Repairs what the incremental count cannot see: writes without a timeline entry
        # (a category changed in the admin, a row deleted).
        why="recount the dashboards' rollups from the whole grievance timeline",
    ),
    PeriodicJob(
        name="insights-weekly-summary",
        task="champions.insights.tasks.weekly_summary_task",
        every=timedelta(hours=6),
        # Sent once per ISO week (a cache key marks it), so a run every 6 hours delivers it
        # early on Monday and a missed run is made up within hours.
        why="e-mail leadership last week's national grievance figures (HTML)",
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
