import multiprocessing
import os
import sys
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, connections, transaction
from django.db.models import Max
from django.utils import timezone

from champions.core.bulk import copy_create, copy_supported
from champions.core.selectors import ReferenceIndex, reference_index_build
from champions.registry.models import Enterprise
from champions.registry.synthetic import synthetic_enterprises

BATCH = 5000
# Rows per unit of work. Each chunk has its own seed, so the rows are the same whatever the
# number of workers; big enough that the generator's setup (reading the district counts) is noise.
CHUNK = 10_000
CHECKPOINT_EVERY = 10  # chunks


class Command(BaseCommand):
    help = "Generate realistic synthetic enterprises (district mix from Udyam counts)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--enterprises", type=int, required=True, metavar="N")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes that generate and insert in parallel (default: one per CPU).",
        )

    def handle(self, *args, enterprises: int, seed: int, workers: int, **options) -> None:
        if enterprises <= 0:
            raise CommandError("--enterprises must be a positive number")
        ref = reference_index_build()
        if not ref.district_state:
            raise CommandError("No reference data: run `champions load_reference` first.")
        # Continue the serials after the highest existing one, so a second run adds rows.
        start = (Enterprise.objects.aggregate(m=Max("id"))["m"] or 0) + 1_000_000
        on = timezone.localdate()
        chunks = [
            (ref, seed * 100_000 + number, start + offset, min(CHUNK, enterprises - offset), on)
            for number, offset in enumerate(range(0, enterprises, CHUNK))
        ]
        started = time.monotonic()
        done = 0
        if workers <= 1:
            for chunk in chunks:
                done += _generate_chunk(chunk)
                _progress(done, enterprises, started)
        else:
            # Generating a row costs about as much as inserting it, so with one process per
            # core one process builds rows while another writes (SQLite serialises the writes).
            connections.close_all()  # never share a connection with forked children
            context = multiprocessing.get_context("fork")
            with context.Pool(min(workers, len(chunks))) as pool:
                for number, count in enumerate(pool.imap_unordered(_generate_chunk, chunks), 1):
                    done += count
                    _progress(done, enterprises, started)
                    if number % CHECKPOINT_EVERY == 0:
                        _checkpoint()
        sys.stderr.write("\n")
        self.stdout.write(f"{done} enterprises generated in {time.monotonic() - started:.1f} s")


def _generate_chunk(chunk: tuple[ReferenceIndex, int, int, int, date]) -> int:
    ref, seed, start_serial, size, on = chunk
    rows = synthetic_enterprises(size, ref=ref, seed=seed, start_serial=start_serial, on=on)
    batch: list[Enterprise] = []
    for enterprise in rows:
        batch.append(enterprise)
        if len(batch) == BATCH:
            _save(batch)
            batch = []
    if batch:
        _save(batch)
    return size


def _checkpoint() -> None:
    # With two SQLite writers taking turns there is never a moment without a writer, so the
    # automatic checkpoints never get to restart the WAL and it grows by gigabytes, which
    # slows every read. A TRUNCATE checkpoint waits for the current writer and resets it.
    if connections["default"].vendor == "sqlite":
        with connections["default"].cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@transaction.atomic
def _save(batch: list[Enterprise]) -> None:
    # On PostgreSQL, COPY (several times faster). The serials start past every existing row,
    # so a clash is rare (an imported row with the same number); then the batch goes through
    # bulk_create, which skips the clashing rows.
    if copy_supported():
        try:
            with transaction.atomic():
                copy_create(Enterprise, batch)
            return
        except IntegrityError:
            pass
    Enterprise.objects.bulk_create(batch, ignore_conflicts=True)


def _progress(done: int, total: int, started: float) -> None:
    width = 40
    filled = int(width * done / total)
    rate = done / max(time.monotonic() - started, 1e-6)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({rate:,.0f}/s)")
    sys.stderr.flush()
