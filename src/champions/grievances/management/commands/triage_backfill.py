import time

from django.core.management.base import BaseCommand

from champions.grievances.triage_link.predictions import (
    grievance_triage_backfill,
    grievance_triage_missing_count,
)

BATCH = 200


class Command(BaseCommand):
    help = (
        "Triage and embed grievances that have no prediction or no vector yet (lodged while "
        "the models were missing, or loaded as demo data), in batches with progress. Safe to "
        "run again: only what is missing is done."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--limit", type=int, default=None, help="at most this many (all)")

    def handle(self, *args, **options) -> None:
        missing = grievance_triage_missing_count()
        todo = missing if options["limit"] is None else min(max(options["limit"], 0), missing)
        started, done = time.monotonic(), 0
        # At most as many batches as there were gaps: a grievance that cannot be embedded
        # (models missing) is not retried forever.
        while done < todo:
            batch = grievance_triage_backfill(limit=min(BATCH, todo - done))
            if not batch:
                break
            done += batch
            elapsed = time.monotonic() - started
            self.stdout.write(f"triaged and embedded {done} of {todo} ({elapsed:.0f} s)")
        elapsed = time.monotonic() - started
        self.stdout.write(f"{done} grievances triaged and embedded in {elapsed:.0f} s")
