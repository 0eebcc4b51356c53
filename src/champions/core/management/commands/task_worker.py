import os

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import task_backends

from champions.core.rqleases import rq_worker_jobs_reclaim
from champions.core.taskleases import worker_tasks_reclaim


class Command(BaseCommand):
    help = (
        "Run one task worker for the configured backend: the database's under a fixed id, "
        "first queuing again the tasks a previous life of that worker left RUNNING; or an RQ "
        "worker when REDIS_URL is set. scripts/serve restarts a worker that died."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--worker-id", required=True, help="Stable and unique per worker.")
        parser.add_argument("--queue-name", default="default")
        parser.add_argument("--interval", type=float, default=1)

    def handle(self, *args, worker_id: str, queue_name: str, interval: float, **options) -> None:
        if task_backends["default"].__class__.__name__ == "RQBackend":
            # RQ refuses a name still registered by a killed worker (until its heartbeat
            # expires), so each life of the worker gets its own; an earlier life's job is
            # queued again first.
            name = f"{worker_id}.{os.getpid()}"
            reclaimed = rq_worker_jobs_reclaim(worker_id=worker_id, queue_names=[queue_name])
            self.stdout.write(f"{worker_id}: {reclaimed} job(s) of a previous run queued again")
            call_command(
                "rqworker",
                queue_name,
                name=name,
                with_scheduler=True,
                job_class="django_tasks_rq.Job",  # the backend's results and callbacks
                worker_class="champions.core.rqleases.WorkHorseDiesWithWorker",
            )
            return
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
