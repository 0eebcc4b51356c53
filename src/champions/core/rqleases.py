"""The Redis (RQ) counterpart of `taskleases.worker_tasks_reclaim`.

An RQ worker killed mid-job leaves the job STARTED in the queue's started registry; RQ moves it
to the failed registry once its timeout has passed and never runs it again. `champions
task_worker` names each life of a worker `<worker id>.<pid>`; when a worker starts under an id,
a job still STARTED under an earlier life of that id lost its worker (one life runs at a time
per id: systemd or scripts/serve restart it), so it is queued again at once. Every task is safe
to run twice.
"""

import ctypes
import logging
import os
import signal

import django_rq
from django_tasks_rq import Job
from rq.job import JobStatus
from rq.registry import StartedJobRegistry
from rq.worker import Worker

logger = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1


def rq_worker_jobs_reclaim(*, worker_id: str, queue_names: list[str]) -> int:
    """Queue again every job STARTED by an earlier life of `worker_id`. Returns how many."""
    reclaimed = 0
    for name in queue_names:
        queue = django_rq.get_queue(name, job_class=Job)
        registry = StartedJobRegistry(queue=queue, job_class=Job)
        for job_id, _execution_id in registry.get_job_and_execution_ids(cleanup=False):
            job = queue.fetch_job(job_id)
            if job is None or job.get_status() != JobStatus.STARTED:
                continue
            if not (job.worker_name or "").startswith(f"{worker_id}."):
                continue
            registry.remove_executions(job)
            queue.enqueue_job(job)
            reclaimed += 1
    if reclaimed:
        logger.warning("re-queued %s job(s) left STARTED by %s", reclaimed, worker_id)
    return reclaimed


def _die_with_parent(parent_pid: int) -> None:
    """Linux: the kernel sends SIGKILL to this process when its parent dies (prctl
    PR_SET_PDEATHSIG). Elsewhere nothing is done (the job may then outlive its worker)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)


class WorkHorseDiesWithWorker(Worker):
    """RQ's forking worker, except that the work-horse running a job is killed with its worker.
    RQ puts the horse in a process group of its own, so when a worker is killed its horse
    would finish the job alone while the restarted worker queues it again (above): two runs
    at once. `champions task_worker` runs this class."""

    def fork_work_horse(self, job, queue) -> None:
        self._champions_parent_pid = os.getpid()
        super().fork_work_horse(job, queue)

    def main_work_horse(self, job, queue) -> None:
        _die_with_parent(self._champions_parent_pid)
        super().main_work_horse(job, queue)
