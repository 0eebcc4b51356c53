import signal
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Enqueue the periodic jobs (champions/config/periodic.py) on their intervals."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Enqueue every job once, exit.")

    def handle(self, *args, once: bool, **options) -> None:
        signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
        jobs = settings.PERIODIC_JOBS
        next_run = {job.name: 0.0 for job in jobs}
        try:
            while True:
                now = time.monotonic()
                for job in jobs:
                    if now >= next_run[job.name]:
                        import_string(job.task).enqueue()
                        next_run[job.name] = now + job.every.total_seconds()
                        self.stdout.write(f"enqueued {job.name}")
                if once:
                    return
                time.sleep(5)
        except KeyboardInterrupt:
            return
