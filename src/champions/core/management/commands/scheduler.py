import os
import signal
import socket
import sys
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from champions.core.leases import lease_acquire, lease_release

LEASE = "scheduler"


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs (champions/config/periodic.py) on their intervals. Only the "
        "scheduler holding the database lease enqueues; another one waits and takes over when "
        "the holder stops renewing (it died)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Enqueue every job once, exit.")
        parser.add_argument("--tick", type=float, default=5.0, help="Seconds between checks.")
        parser.add_argument(
            "--lease-seconds",
            type=float,
            default=settings.SCHEDULER_LEASE_SECONDS,
            help="How long the lease lasts unless renewed (renewed every tick).",
        )

    def handle(self, *args, once: bool, tick: float, lease_seconds: float, **options) -> None:
        signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
        holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        ttl = timedelta(seconds=lease_seconds)
        try:
            self._loop(holder=holder, ttl=ttl, once=once, tick=tick)
        except KeyboardInterrupt:
            return
        finally:
            lease_release(name=LEASE, holder=holder)

    def _loop(self, *, holder: str, ttl: timedelta, once: bool, tick: float) -> None:
        jobs = settings.PERIODIC_JOBS
        next_run: dict[str, float] = {}
        leading = None
        while True:
            now_leading = lease_acquire(name=LEASE, holder=holder, ttl=ttl)
            if now_leading != leading:
                leading = now_leading
                # A new holder runs every job once: jobs are idempotent, and the last
                # holder's timings died with it.
                next_run = {job.name: 0.0 for job in jobs}
                state = "holds the scheduler lease" if leading else "waits: another holds it"
                self.stdout.write(f"{holder}: {state}")
            if leading:
                self._enqueue_due(jobs, next_run)
            if once:
                return
            time.sleep(tick)

    def _enqueue_due(self, jobs, next_run: dict[str, float]) -> None:
        now = time.monotonic()
        for job in jobs:
            if now >= next_run[job.name]:
                import_string(job.task).enqueue()
                next_run[job.name] = now + job.every.total_seconds()
                self.stdout.write(f"enqueued {job.name}")
