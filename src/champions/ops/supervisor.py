"""`scripts/serve`: starts the web server, the task workers, the scheduler and the CPGRAMS
sandbox, and keeps each one running on its own. A process that dies is started again after a
short, growing pause (1 s doubling to 30 s, back to 1 s once it has run a minute); the others
are not touched and keep serving. Ctrl-C or SIGTERM stops them all (SIGTERM, then SIGKILL
after 15 s).

Each program runs in its own process group, so that when it dies whatever it left behind
(granian's worker processes) is killed with it before the restart, and a Ctrl-C in the
terminal reaches only this supervisor. Plain Python, no Django: it must outlive them all.

The pids of the running programs are kept in `var/serve.json` (for `kill` and the tests).
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

FIRST_PAUSE, LONGEST_PAUSE, SETTLED_AFTER, STOP_GRACE = 1.0, 30.0, 60.0, 15.0


@dataclass
class Program:
    name: str
    argv: list[str]
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    pause: float = FIRST_PAUSE
    restart_at: float | None = None
    restarts: int = field(default=0)


def programs_for(*, port: int, env: dict[str, str]) -> list[Program]:
    """What `make run` starts: one granian (N processes), M task workers, one scheduler (one
    only: each would enqueue every job), and the CPGRAMS sandbox unless a real CPGRAMS is set."""
    web_workers = env.get("WEB_WORKERS", "2")
    web = [
        "granian", "--interface", "wsgi", "--host", env.get("WEB_HOST", "127.0.0.1"),
        "--port", str(port), "--workers", web_workers, "--blocking-threads", "4",
        "--backpressure", "32", "--log-level", "warning", "--respawn-failed-workers",
        "champions.config.wsgi:application",
    ]  # fmt: skip
    programs = [Program("web", web)]
    host = socket.gethostname()
    for n in range(int(env.get("TASK_WORKERS", "1"))):
        programs.append(Program(f"worker-{n}", worker_argv(worker_id=f"{host}-worker-{n}")))
    programs.append(Program("scheduler", ["champions", "scheduler"]))
    if not env.get("CPGRAMS_BASE_URL"):
        # The sandbox stands in for the national grievance system (docs/CPGRAMS.md).
        sandbox = ["champions", "cpgrams-sandbox", "--port", "8765"]
        programs.append(Program("cpgrams-sandbox", [*sandbox, "--data", _sandbox_data(env)]))
    return programs


def worker_argv(*, worker_id: str) -> list[str]:
    """The database's worker or, with REDIS_URL, an RQ worker (`champions task_worker` picks).
    A fixed id: a restarted database worker first queues again the task it was running."""
    return ["champions", "task_worker", "--worker-id", worker_id, "--interval", "1"]


def _sandbox_data(env: dict[str, str]) -> str:
    return str(Path(env.get("CHAMPIONS_VAR_DIR", "var")) / "cpgrams-sandbox.sqlite3")


def say(message: str) -> None:
    sys.stderr.write(f"{time.strftime('%H:%M:%S')} serve: {message}\n")
    sys.stderr.flush()


class Supervisor:
    def __init__(self, programs: list[Program], *, state_file: Path, env: dict[str, str]):
        self.programs = programs
        self.state_file = state_file
        self.env = env
        self.stopping = False

    def start(self, program: Program) -> None:
        # argv is built above from fixed words and numbers, never from a request.
        program.process = subprocess.Popen(  # noqa: S603
            program.argv, env=self.env, start_new_session=True
        )
        program.started_at = time.monotonic()
        program.restart_at = None
        self.write_state()

    def write_state(self) -> None:
        pids = {p.name: p.process.pid for p in self.programs if p.process and p.restart_at is None}
        temporary = self.state_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(pids))
        temporary.replace(self.state_file)

    def reap(self, program: Program, now: float) -> None:
        """`program` has exited: clean up its group and plan its restart."""
        code = program.process.returncode
        _kill_group(program.process.pid, signal.SIGKILL)
        ran = now - program.started_at
        if ran >= SETTLED_AFTER:
            program.pause = FIRST_PAUSE
        how = f"signal {-code}" if code < 0 else f"code {code}"
        say(f"{program.name} exited ({how}) after {ran:.0f} s; restart in {program.pause:.0f} s")
        program.restart_at = now + program.pause
        program.pause = min(program.pause * 2, LONGEST_PAUSE)
        program.restarts += 1
        self.write_state()

    def tick(self) -> None:
        now = time.monotonic()
        for program in self.programs:
            if program.restart_at is not None:
                if now >= program.restart_at:
                    self.start(program)
            elif program.process.poll() is not None:
                self.reap(program, now)

    def run(self) -> None:
        for program in self.programs:
            self.start(program)
        while not self.stopping:
            self.tick()
            time.sleep(0.2)
        self.stop_all()

    def stop_all(self) -> None:
        running = [p.process for p in self.programs if p.process and p.restart_at is None]
        for process in running:
            _kill_group(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        while time.monotonic() < deadline and any(p.poll() is None for p in running):
            time.sleep(0.2)
        for process in running:
            _kill_group(process.pid, signal.SIGKILL)
            process.wait()
        self.state_file.unlink(missing_ok=True)
        say("stopped")


def _kill_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    env = dict(os.environ)
    var = Path(env.get("CHAMPIONS_VAR_DIR", "var"))
    var.mkdir(parents=True, exist_ok=True)
    # Counters of the web processes, added up by /metrics; emptied at each start.
    metrics_dir = var / "prometheus"
    shutil.rmtree(metrics_dir, ignore_errors=True)
    metrics_dir.mkdir()
    env.setdefault("PROMETHEUS_MULTIPROC_DIR", str(metrics_dir.resolve()))
    supervisor = Supervisor(
        programs_for(port=args.port, env=env), state_file=var / "serve.json", env=env
    )

    def stop(*_args) -> None:
        supervisor.stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    supervisor.run()


if __name__ == "__main__":
    main()
