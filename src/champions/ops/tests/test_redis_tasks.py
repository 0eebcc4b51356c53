"""With REDIS_URL, tasks go through Redis (django-tasks-rq) to an RQ worker: a real task is
enqueued, waits in Redis (seen by /metrics), and a worker runs it. Needs a Redis server: CI's
(.ci/run sets REDIS_URL); skipped without one."""

import pytest
from django_rq import get_queue, get_worker
from django_tasks.base import TaskResultStatus
from django_tasks_rq import Job
from rq import SimpleWorker

from champions.core.tasks import reclaim_abandoned_tasks_task
from champions.ops.selectors import task_queues

pytestmark = pytest.mark.django_db

# A queue of its own on the server: other runs sharing the Redis server use "default".
QUEUE = "champions-test"


@pytest.fixture
def rq_tasks(settings, redis_url):
    # django-tasks-rq reads results through the "default" queue's connection.
    settings.RQ_QUEUES = {name: {"URL": redis_url} for name in ("default", QUEUE)}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [QUEUE]}}
    get_queue(QUEUE).empty()
    yield reclaim_abandoned_tasks_task.using(queue_name=QUEUE)
    get_queue(QUEUE).empty()


def test_a_task_waits_in_redis_then_an_rq_worker_runs_it(rq_tasks):
    result = rq_tasks.enqueue()

    waiting = {queue.name: queue.depth for queue in task_queues()}
    assert waiting == {QUEUE: 1}
    assert result.status == TaskResultStatus.READY

    # The worker runs in this process (SimpleWorker does not fork), on the test database.
    get_worker(QUEUE, job_class=Job, worker_class=SimpleWorker).work(burst=True)

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 0  # nothing was abandoned
    assert {queue.name: queue.depth for queue in task_queues()} == {QUEUE: 0}
