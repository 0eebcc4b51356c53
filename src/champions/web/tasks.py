"""Background work that `champions setup` hands to the worker `make run` starts."""

from django_tasks import task

from champions.grievances.services import grievance_triage_backfill, grievance_triage_missing_count
from champions.insights.services import systemic_clusters_refresh

BATCH = 200


@task()
def demo_embed_task() -> None:
    """Triage and embed the demo grievances in batches (idempotent: only what is missing; it
    stops when a batch makes no progress), then group them into systemic issues."""
    for _ in range(grievance_triage_missing_count() // BATCH + 1):
        if not grievance_triage_backfill(limit=BATCH):
            break
    systemic_clusters_refresh()
