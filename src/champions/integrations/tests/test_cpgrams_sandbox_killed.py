"""CPGRAMS itself dies: the sandbox process is killed (SIGKILL) while it holds answers to
records it has already stored, stays down while more grievances are lodged, and comes back on
the same records. Every grievance reaches CPGRAMS exactly once and every outbox message ends
delivered."""

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

import champions
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.integrations import outbox
from champions.integrations.cpgrams.client import HttpCpgramsClient
from champions.integrations.cpgrams.sandbox import SandboxStore
from champions.integrations.models import OutboxMessage, OutboxStatus

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
TOKEN = "killed-sandbox"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _sandbox(tmp_path: Path, port: int, *, delay: float) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        PYTHONPATH=str(Path(champions.__file__).resolve().parents[1]),
        CHAMPIONS_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="champions.config.settings.base",
    )
    argv = [sys.executable, "-m", "champions.manage", "cpgrams-sandbox", "--port", str(port)]
    argv += ["--token", TOKEN, "--delay", str(delay), "--data", str(tmp_path / "cpgrams.sqlite3")]
    process = subprocess.Popen(
        argv,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    assert b"CPGRAMS sandbox on" in process.stdout.readline()
    return process


def _deliver(at=None) -> outbox.DeliveryReport:
    return outbox.outbox_deliver_due(now=at, client=HttpCpgramsClient.from_settings())


def test_a_killed_cpgrams_loses_nothing_and_doubles_nothing(settings, tmp_path, entrepreneur):
    port = _free_port()
    settings.CPGRAMS_ENABLED = True
    settings.CPGRAMS_BASE_URL = f"http://127.0.0.1:{port}/api/v1"
    settings.CPGRAMS_TOKEN = TOKEN
    settings.CPGRAMS_TIMEOUT = 0.5
    unit = pune_enterprise(entrepreneur)
    subjects = [f"Invoice {n} unpaid by a PSU for 120 days" for n in range(4)]
    # Given a CPGRAMS that stores each grievance and answers two seconds late
    sandbox = _sandbox(tmp_path, port, delay=2)
    try:
        for subject in subjects[:3]:
            lodge(entrepreneur, unit, subject=subject)
        assert _deliver().retried == 3  # stored there, every answer lost to the timeout
        # When it is killed while its answers are still pending, and more is lodged meanwhile
        os.killpg(sandbox.pid, signal.SIGKILL)
        sandbox.wait()
        lodge(entrepreneur, unit, subject=subjects[3])
        later = timezone.now() + timedelta(hours=1)
        assert _deliver(at=later).retried == 4  # refused: nobody listens
        # And it comes back on the same records
        sandbox = _sandbox(tmp_path, port, delay=0)
        settings.CPGRAMS_TIMEOUT = 5
        deadline = time.monotonic() + 60
        while OutboxMessage.objects.exclude(status=OutboxStatus.DELIVERED).exists():
            assert time.monotonic() < deadline, "the outbox did not drain"
            later += timedelta(hours=2)
            _deliver(at=later)
    finally:
        if sandbox.poll() is None:
            os.killpg(sandbox.pid, signal.SIGTERM)
            sandbox.wait(timeout=30)

    # Then CPGRAMS holds exactly one record per grievance, and the outbox names each
    records = SandboxStore(tmp_path / "cpgrams.sqlite3").dump()["records"]
    assert sorted(r["subject"] for r in records) == sorted(subjects)
    numbers = set(OutboxMessage.objects.values_list("remote_number", flat=True))
    assert numbers == {r["registration_number"] for r in records}
