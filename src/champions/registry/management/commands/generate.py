import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from champions.core.selectors import reference_index_build
from champions.registry.models import Enterprise
from champions.registry.synthetic import synthetic_enterprises

BATCH = 5000


class Command(BaseCommand):
    help = "Generate realistic synthetic enterprises (district mix from Udyam counts)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--enterprises", type=int, required=True, metavar="N")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, enterprises: int, seed: int, **options) -> None:
        if enterprises <= 0:
            raise CommandError("--enterprises must be a positive number")
        ref = reference_index_build()
        if not ref.district_state:
            raise CommandError("No reference data: run `champions load_reference` first.")
        # Continue the serials after the highest existing one, so a second run adds rows.
        start = (Enterprise.objects.aggregate(m=Max("id"))["m"] or 0) + 1_000_000
        rows = synthetic_enterprises(
            enterprises, ref=ref, seed=seed, start_serial=start, on=timezone.localdate()
        )
        started = time.monotonic()
        done = 0
        batch: list[Enterprise] = []
        for enterprise in rows:
            batch.append(enterprise)
            if len(batch) == BATCH:
                done += self._save(batch)
                batch = []
                self._progress(done, enterprises, started)
        if batch:
            done += self._save(batch)
        self._progress(done, enterprises, started)
        sys.stderr.write("\n")
        self.stdout.write(f"{done} enterprises generated in {time.monotonic() - started:.1f} s")

    @staticmethod
    @transaction.atomic
    def _save(batch: list[Enterprise]) -> int:
        Enterprise.objects.bulk_create(batch, ignore_conflicts=True)
        return len(batch)

    @staticmethod
    def _progress(done: int, total: int, started: float) -> None:
        width = 40
        filled = int(width * done / total)
        rate = done / max(time.monotonic() - started, 1e-6)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({rate:,.0f}/s)"
        )
        sys.stderr.flush()
