"""The real worker against the sandbox: killed in the middle of a delivery and restarted, it
leaves exactly one CPGRAMS record per grievance."""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import champions
from champions.integrations.cpgrams.sandbox import SandboxStore

GRIEVANCES = 6
LODGE = f"""
from champions.accounts.services import user_create
from champions.grievances.services import GrievanceInput, grievance_lodge
desk = user_create(email="desk@example.com", password=None, role="hub_officer")
for n in range({GRIEVANCES}):
    grievance_lodge(actor=desk, channel="phone", data=GrievanceInput(
        subject=f"Payment delayed {{n}}", description="A PSU has not paid for 90 days.",
        complainant_type="aspiring", contact_name="Ravi Kumar", contact_phone="9876543210"))
"""
# What the periodic cpgrams-sync job does (every 5 minutes in production), then the outbox state.
SWEEP = """
from champions.integrations import tasks
from champions.integrations.models import OutboxMessage
tasks.deliver_outbox_task.enqueue()
print(json.dumps(dict(OutboxMessage.objects.values_list("status").annotate(n=Count("id")))))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _sandbox_records(port: int) -> list[dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/sandbox/records")
        return json.loads(connection.getresponse().read())["records"]
    finally:
        connection.close()


@pytest.mark.slow
def test_a_worker_killed_mid_delivery_leaves_one_record_per_grievance(tmp_path: Path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        # This checkout's code, whatever the virtual environment's editable install points at.
        PYTHONPATH=str(Path(champions.__file__).resolve().parents[1]),
        CHAMPIONS_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="champions.config.settings.base",
        CPGRAMS_ENABLED="1",
        CPGRAMS_BASE_URL=f"http://127.0.0.1:{port}/api/v1",
        CPGRAMS_TOKEN="worker-test",
        CPGRAMS_TIMEOUT="3",
        CPGRAMS_BATCH_SIZE="2",
    )
    manage = [sys.executable, "-m", "champions.manage"]

    def run(*args: str) -> str:
        done = subprocess.run([*manage, *args], env=env, check=True, capture_output=True, text=True)
        return done.stdout

    def start(*args: str, stdout=subprocess.DEVNULL) -> subprocess.Popen:
        return subprocess.Popen([*manage, *args], env=env, stdout=stdout, stderr=subprocess.DEVNULL)

    def outbox_after_sweep() -> dict[str, int]:
        script = "import json; from django.db.models import Count" + SWEEP
        return json.loads(run("shell", "-c", script).strip().splitlines()[-1])

    for step in (["migrate", "-v0"], ["load_reference"], ["load_network"]):
        run(*step)
    run("load_grievance_reference")
    # The sandbox stores each grievance, then answers a second late: the kill lands in between.
    sandbox = start(
        *("cpgrams-sandbox", "--port", str(port), "--delay", "1"),
        *("--data", str(tmp_path / "cpgrams.sqlite3")),
        stdout=subprocess.PIPE,
    )
    workers: list[subprocess.Popen] = []
    try:
        assert b"CPGRAMS sandbox on" in sandbox.stdout.readline()
        run("shell", "-c", LODGE)  # each lodging queues a delivery task on commit
        worker_args = ("db_worker", "--interval", "0.2", "--no-reload", "--no-startup-delay")

        # Given a worker in the middle of delivering (a record stored, its answer not yet back)
        workers.append(start(*worker_args))
        deadline = time.monotonic() + 60
        while len(_sandbox_records(port)) < 2:
            assert time.monotonic() < deadline, "the worker delivered nothing"
            time.sleep(0.05)
        # When it is killed
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait()
        stored_at_kill = len(_sandbox_records(port))
        delivered_at_kill = outbox_after_sweep().get("delivered", 0)
        assert delivered_at_kill < stored_at_kill  # CPGRAMS has one the outbox did not mark

        # And restarted, with the periodic sync running until the outbox is drained
        workers.append(start(*worker_args))
        deadline = time.monotonic() + 120
        while (state := outbox_after_sweep()) != {"delivered": GRIEVANCES}:
            assert "dead" not in state
            assert time.monotonic() < deadline, f"the outbox did not drain: {state}"
            time.sleep(1)
    finally:
        for process in [*workers, sandbox]:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)

    # Then CPGRAMS holds exactly one record per grievance
    records = SandboxStore(tmp_path / "cpgrams.sqlite3").dump()["records"]
    references = sorted(r["source_reference"] for r in records)
    assert len(records) == GRIEVANCES
    assert len(set(references)) == GRIEVANCES
    assert all(ref.startswith("CHMP/") for ref in references)
