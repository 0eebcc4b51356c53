"""`scripts/serve` keeps each process running on its own: kill the worker and the web server
keeps serving while the worker comes back and finishes the killed task exactly once; kill the
web server and the worker keeps working while the web server comes back; kill the scheduler
and the others serve on while it comes back.

Nothing here assumes how fast the machine is (CI and a shared machine can sit at a load of 20):
the killed task waits for a gate the test opens only after the kill, and every wait is for a
condition, with deadlines long enough only to end a hung run."""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds} s for {what}")


def _get(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status
    except OSError:
        return 0


class Served:
    def __init__(self, var: Path, port: int, env: dict[str, str], process: subprocess.Popen):
        self.var, self.port, self.env, self.process = var, port, env, process

    def pids(self) -> dict[str, int]:
        try:
            return json.loads((self.var / "serve.json").read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def enqueue(self, name: str, seconds: float, *, gated: bool = False) -> None:
        code = (
            "import django; django.setup(); "
            "from champions.ops.tests.slow_tasks import slow_mark_task; "
            f"slow_mark_task.enqueue({str(self.var)!r}, {name!r}, {seconds}, {gated})"
        )
        subprocess.run([sys.executable, "-c", code], env=self.env, check=True)

    def lines(self, name: str) -> list[str]:
        path = self.var / name
        return path.read_text().split() if path.exists() else []

    def task_statuses(self) -> list[str]:
        with sqlite3.connect(self.var / "champions.sqlite3") as db:
            rows = db.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult WHERE task_path LIKE ?",
                ["%slow_mark_task"],
            )
            return [status for (status,) in rows]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    var = tmp_path_factory.mktemp("serve")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "PROMETHEUS_MULTIPROC_DIR"}
    }
    env.update(
        CHAMPIONS_VAR_DIR=str(var),
        DJANGO_SETTINGS_MODULE="champions.config.settings.base",
        CPGRAMS_ENABLED="false",
        CPGRAMS_BASE_URL="http://127.0.0.1:9/api/v1",  # no sandbox process
        WEB_WORKERS="1",
        TASK_WORKERS="1",
        PYTHONPATH=os.pathsep.join([str(Path(__file__).parents[3]), env.get("PYTHONPATH", "")]),
    )
    subprocess.run(["champions", "migrate", "-v0"], env=env, check=True)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "champions.ops.supervisor", "--port", str(port)], env=env
    )
    running = Served(var, port, env, process)
    _wait_for(lambda: _get(port, "/healthz") == 200, seconds=120, what="the web server")
    _wait_for(lambda: "worker-0" in running.pids(), seconds=60, what="the worker")
    yield running
    pids = running.pids()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    assert not (var / "serve.json").exists()
    for pid in pids.values():  # every program stopped with the supervisor
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_a_killed_worker_is_restarted_and_finishes_the_task_once(served):
    served.enqueue("a", seconds=300, gated=True)  # it waits for a.go, created after the kill
    _wait_for(lambda: served.lines("a.started"), seconds=120, what="the task to start")
    killed = served.pids()["worker-0"]

    os.kill(killed, signal.SIGKILL)  # the process only: what it started is left behind

    assert _get(served.port, "/healthz") == 200  # the web server keeps serving meanwhile
    assert _get(served.port, "/track/") == 200
    _wait_for(
        lambda: served.pids().get("worker-0", killed) != killed, seconds=60, what="a new worker"
    )
    assert served.lines("a.done") == []  # the killed run never finished
    (served.var / "a.go").touch()
    _wait_for(lambda: served.lines("a.done"), seconds=120, what="the task to finish")
    _wait_for(
        lambda: served.task_statuses() == ["SUCCESSFUL"], seconds=60, what="the task's result"
    )
    time.sleep(3)  # room for a wrongful third run
    assert len(served.lines("a.started")) == 2  # the killed run and the run after restart
    assert served.lines("a.done") == served.lines("a.started")[1:]  # once, by the second
    assert served.task_statuses() == ["SUCCESSFUL"]


def test_a_killed_web_server_is_restarted_while_the_worker_keeps_working(served):
    killed = served.pids()["web"]

    os.kill(killed, signal.SIGKILL)  # the process only: what it started is left behind
    served.enqueue("b", seconds=0)

    _wait_for(lambda: served.lines("b.done"), seconds=120, what="the worker to run a task")
    _wait_for(lambda: served.pids().get("web", killed) != killed, seconds=60, what="a new web")
    _wait_for(lambda: _get(served.port, "/healthz") == 200, seconds=120, what="the web server")
    assert _get(served.port, "/track/") == 200
    assert served.lines("b.done") == served.lines("b.started")  # one run, one result
    with pytest.raises(ProcessLookupError):  # granian's own workers went with it
        os.kill(killed, 0)


def test_a_killed_scheduler_is_restarted_while_the_web_and_the_worker_keep_serving(served):
    killed = served.pids()["scheduler"]

    os.kill(killed, signal.SIGKILL)
    served.enqueue("c", seconds=0)

    assert _get(served.port, "/healthz") == 200
    _wait_for(lambda: served.lines("c.done"), seconds=120, what="the worker to run a task")
    restarted = _wait_for(
        lambda: served.pids().get("scheduler", killed) != killed and served.pids()["scheduler"],
        seconds=60,
        what="a new scheduler",
    )
    time.sleep(2)
    os.kill(restarted, 0)  # still running: it waits for the dead one's lease, it does not exit
    assert served.lines("c.done") == served.lines("c.started")
