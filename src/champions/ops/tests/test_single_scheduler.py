"""Two schedulers (two `scripts/serve` supervisors, or two machines) never both enqueue the
periodic jobs: one holds the database lease, the other waits, and takes over when the first
is killed (its lease runs out)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

LEASE_SECONDS = 2
CHAMPIONS = str(Path(sys.executable).with_name("champions"))  # the venv's command


def _wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds} s for {what}")


class Scheduler:
    def __init__(self, var: Path, env: dict[str, str], name: str):
        self.log = var / f"{name}.log"
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                [CHAMPIONS, "scheduler", "--tick", "0.3", "--lease-seconds", str(LEASE_SECONDS)],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def lines(self) -> list[str]:
        return self.log.read_text().splitlines()

    def holds(self) -> bool:
        return any(line.endswith("holds the scheduler lease") for line in self.lines())

    def waits(self) -> bool:
        return any(line.endswith("another holds it") for line in self.lines())

    def enqueued(self) -> list[str]:
        return [line.split()[1] for line in self.lines() if line.startswith("enqueued ")]


def _sweeps_enqueued(var: Path) -> int:
    with sqlite3.connect(var / "champions.sqlite3") as db:
        (count,) = db.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path LIKE ?",
            ["%sla_sweep_task"],
        ).fetchone()
        return count


def _leases(var: Path) -> list[str]:
    with sqlite3.connect(var / "champions.sqlite3") as db:
        return [name for (name,) in db.execute("SELECT name FROM core_lease")]


@pytest.fixture
def var_env(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "PROMETHEUS_MULTIPROC_DIR"}
    }
    env.update(
        CHAMPIONS_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="champions.config.settings.base",
        PYTHONUNBUFFERED="1",
    )
    subprocess.run([CHAMPIONS, "migrate", "-v0"], env=env, check=True)
    return tmp_path, env


def test_only_one_scheduler_enqueues_and_the_other_takes_over_when_it_dies(var_env):
    var, env = var_env
    first = Scheduler(var, env, "first")
    _wait_for(first.enqueued, seconds=60, what="the first scheduler to enqueue")
    second = Scheduler(var, env, "second")
    try:
        _wait_for(second.waits, seconds=60, what="the second scheduler to wait")
        time.sleep(3 * LEASE_SECONDS)  # several renewals; the second must stay idle

        assert not second.holds()
        assert second.enqueued() == []
        assert "sla-sweep" in first.enqueued()
        assert _sweeps_enqueued(var) == 1  # every 15 min, so once, by the holder

        first.process.send_signal(signal.SIGKILL)  # no clean exit: the lease must run out
        first.process.wait(timeout=10)
        _wait_for(second.holds, seconds=30, what="the second scheduler to take over")
        _wait_for(lambda: "sla-sweep" in second.enqueued(), seconds=30, what="its first run")

        assert _sweeps_enqueued(var) == 2
    finally:
        for scheduler in (first, second):
            if scheduler.process.poll() is None:
                scheduler.process.send_signal(signal.SIGTERM)
                scheduler.process.wait(timeout=30)
    assert _leases(var) == []  # the clean exit gave the lease up
