"""With REDIS_URL, tasks go through Redis (django-tasks-rq) to an RQ worker: a real task is
enqueued, waits in Redis (seen by /metrics), and a worker runs it; a worker killed mid-job
takes the job back when it restarts, and the job is done once. Needs a Redis server: CI's
(.ci/run sets REDIS_URL); skipped without one."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django_rq import get_queue, get_worker
from django_tasks.base import TaskResultStatus
from django_tasks_rq import Job
from redis import Redis
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


def _empty_database(redis_url: str) -> str:
    """A database of the same server that holds no key (the highest free number): the worker
    below takes every job of its default queue there, and the test empties it afterwards.
    Never one that holds keys: a shared server's other data is not ours to flush."""
    parts = urlsplit(redis_url)
    for number in range(15, 0, -1):
        url = urlunsplit((parts.scheme, parts.netloc, f"/{number}", "", ""))
        if Redis.from_url(url).dbsize() == 0:
            return url
    pytest.skip("every database of this Redis server holds keys: none is free to use and empty")


def test_the_worker_test_never_takes_a_database_that_holds_keys(redis_url):
    first = _empty_database(redis_url)
    foreign = Redis.from_url(first)
    foreign.set("someone-elses-key", "kept")
    try:
        assert _empty_database(redis_url) != first
        assert foreign.get("someone-elses-key") == b"kept"
    finally:
        foreign.delete("someone-elses-key")


def _wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds} s for {what}")


@pytest.mark.slow
def test_an_rq_worker_killed_mid_job_takes_it_back_when_it_restarts(redis_url, tmp_path):
    url = _empty_database(redis_url)
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        REDIS_URL=url,
        CHAMPIONS_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="champions.config.settings.base",
        PYTHONPATH=os.pathsep.join([str(Path(__file__).parents[3]), env.get("PYTHONPATH", "")]),
    )
    worker_argv = ["champions", "task_worker", "--worker-id", "test-rq-0"]
    enqueue = (  # the job waits for a.go, created only after the kill (slow_tasks.py)
        "import django; django.setup(); "
        "from champions.ops.tests.slow_tasks import slow_mark_task; "
        f"slow_mark_task.enqueue({str(tmp_path)!r}, 'a', 300, True)"
    )
    first = subprocess.Popen(worker_argv, env=env, start_new_session=True)
    second = None
    try:
        subprocess.run([sys.executable, "-c", enqueue], env=env, check=True)
        _wait_for(lambda: (tmp_path / "a.started").exists(), seconds=90, what="the job to start")
        os.kill(first.pid, signal.SIGKILL)  # the worker only: its work-horse must follow
        first.wait()

        assert not (tmp_path / "a.done").exists()  # the killed run never finished
        second = subprocess.Popen(worker_argv, env=env, start_new_session=True)
        (tmp_path / "a.go").touch()
        _wait_for(lambda: (tmp_path / "a.done").exists(), seconds=90, what="the job to finish")
        time.sleep(3)  # room for a wrongful third run
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
        Redis.from_url(url).flushdb()  # empty before the test: only this test's keys
    started = (tmp_path / "a.started").read_text().split()
    done = (tmp_path / "a.done").read_text().split()
    assert len(started) == 2  # the killed run and the run after restart
    assert done == [started[1]]  # once, by the second run: the first died with its worker
