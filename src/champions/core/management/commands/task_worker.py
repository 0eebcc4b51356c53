from django.core.management import call_command
from django.core.management.base import BaseCommand

from champions.core.taskleases import worker_tasks_reclaim


class Command(BaseCommand):
    help = (
        "Run a database task worker under a fixed id, first queuing again the tasks a previous "
        "life of that worker left RUNNING (scripts/serve restarts a worker that died)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--worker-id", required=True, help="Stable and unique per worker.")
        parser.add_argument("--queue-name", default="default")
        parser.add_argument("--interval", type=float, default=1)

    def handle(self, *args, worker_id: str, queue_name: str, interval: float, **options) -> None:
        reclaimed = worker_tasks_reclaim(worker_id=worker_id)
        self.stdout.write(f"{worker_id}: {reclaimed} task(s) of a previous run queued again")
        call_command(
            "db_worker",
            worker_id=worker_id,
            queue_name=queue_name,
            interval=interval,
            reload=False,
            startup_delay=False,
        )
