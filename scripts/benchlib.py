"""What every benchmark shares, so that each `scripts/bench_*.py` says only what it measures.

- output while running: `banner`, `step`, `progress`, `duration`;
- a bench database on the local PostgreSQL: `postgres_database_prepare` (dropped first with
  `fresh`; only names starting with `bench`, never the suite's or the demo's);
- timing: `timed` (one call, in milliseconds), `window` (calls repeated for a fixed time or a
  fixed count), `percentile` (numpy's linear interpolation) and `summary` (n, p50, p95, max);
- the machine-load header every section of docs/PERFORMANCE.md opens with: `machine_info`
  (CPU, cores, memory, versions, the load average before), `code_version` (the commit and the
  application files changed beside it) and `measured_line` (date, commit, machine, load);
- HTTP against a real server: `granian_server` (the production server on a free port, stopped
  afterwards), `http_samples` (paths in order on one connection) and `http_load` (concurrent
  clients for a timing window, the warm-up not counted);
- the Markdown writer: `table`, `ms`, and `section_write`, which replaces only one benchmark's
  section of docs/PERFORMANCE.md, between its two markers.

Import it as `import benchlib` (the scripts folder is on `sys.path` when a script runs).
"""

import http.client
import math
import os
import platform
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "PERFORMANCE.md"
POSTGRES = "postgres://postgres@127.0.0.1:5432/"

# --- Output while running ----------------------------------------------------------------------


def banner(text: str) -> None:
    print(f"\n=== {text} ===", flush=True)


def step(text: str) -> None:
    print(f"-- {text}", flush=True)


def progress(label: str, done: int, total: int, started: float | None = None) -> None:
    """One line on stderr, rewritten in place: done/total (and the rate, given a start)."""
    rate = ""
    if started is not None:
        rate = f" ({done / max(time.monotonic() - started, 1e-6):,.0f}/s)"
    sys.stderr.write(f"\r   {label}: {done:,}/{total:,}{rate}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{seconds:.1f} s"


# --- A bench database ---------------------------------------------------------------------------


def postgres_database_prepare(name: str, *, fresh: bool) -> bool:
    """Create the database `name` on the local server (dropped first with `fresh`); True when
    it is new. Raises psycopg.OperationalError when the server cannot be reached."""
    import psycopg

    if not name.startswith(("bench", "h_")):  # bench_*, or h_*: a scratch database of your own
        raise ValueError(f"{name!r}: only bench databases are dropped and created here")
    with psycopg.connect(POSTGRES + "postgres", autocommit=True, connect_timeout=5) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            step(f"Dropping database {name} (fresh)")
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return not exists


# --- Timing --------------------------------------------------------------------------------------


def timed(call: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def window(
    call: Callable[[], object], *, seconds: float = 0.0, count: int = 0, warmup: int = 0
) -> list[float]:
    """Milliseconds of each call: `warmup` untimed calls, then `count` calls, or as many as
    fit in `seconds` (at least one)."""
    for _ in range(warmup):
        call()
    timings: list[float] = []
    deadline = time.monotonic() + seconds
    while (count and len(timings) < count) or (not count and time.monotonic() < deadline):
        timings.append(timed(call))
        if not count and not seconds:
            break
    return timings


def percentile(values: list[float], p: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(milliseconds: list[float]) -> dict:
    return {
        "n": len(milliseconds),
        "p50": percentile(milliseconds, 50),
        "p95": percentile(milliseconds, 95),
        "max": max(milliseconds),
    }


# --- HTTP against a real server -----------------------------------------------------------------

Request = tuple[str, str, bytes, dict[str, str]]  # method, path, body, headers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def granian_server(
    name: str, bin_dir: Path, app: str, *, cwd: Path, env: dict, log_dir: Path
) -> Iterator[int]:
    """`granian --interface wsgi --workers 2` on a free port of 127.0.0.1, stopped afterwards."""
    port = free_port()
    log = log_dir / f"granian-{name}.log"
    command = [str(bin_dir / "granian"), "--interface", "wsgi", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", "2", "--no-access-log", app]
    step(f"Starting {' '.join(command[1:])} ({name}; log in {log})")
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_for_server(server, port, log)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# On a shared, loaded machine two workers importing Django can take more than a minute.
SERVER_START_SECONDS = 180


def wait_for_server(server: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited:\n{log.read_text()[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/")
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the server did not answer within {SERVER_START_SECONDS} s")


def http_samples(
    port: int,
    paths: list[str],
    headers: dict[str, str],
    *,
    budget_seconds: float = 90,
    min_samples: int = 5,
) -> list[float]:
    """Each path once, in order, on one keep-alive connection: milliseconds per response.
    Stops early after `budget_seconds` once `min_samples` are in (slow pages)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    times: list[float] = []
    deadline = time.monotonic() + budget_seconds
    for path in paths:
        if len(times) >= min_samples and time.monotonic() > deadline:
            break
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        times.append((time.perf_counter() - started) * 1000)
        if response.status != 200 or not body:
            raise RuntimeError(f"GET {path} answered {response.status}: {body[:300]!r}")
    conn.close()
    return times


def http_load(
    port: int, requests: list[Request], *, clients: int, seconds: float, warmup: int, expect: int
) -> dict:
    """`clients` threads, each with its own keep-alive connection, send `requests` in order
    until they run out or `seconds` pass after the first `warmup` (which are not counted)."""
    lock = threading.Lock()
    clock = {"next": 0, "started": 0.0, "deadline": math.inf}
    latencies: list[float] = []
    statuses: Counter = Counter()
    finished: list[float] = []

    def take() -> int | None:
        with lock:
            i = clock["next"]
            if i >= len(requests) or time.monotonic() > clock["deadline"]:
                return None
            if i == warmup:
                clock["started"] = time.monotonic()
                clock["deadline"] = clock["started"] + seconds
            clock["next"] += 1
            return i

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while (i := take()) is not None:
            method, path, body, headers = requests[i]
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                status = type(exc).__name__
            if i >= warmup:
                with lock:
                    latencies.append((time.perf_counter() - started) * 1000)
                    statuses[status] += 1
                    finished.append(time.monotonic())
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = max(finished) - clock["started"]
    return {
        "requests": len(latencies),
        "seconds": wall,
        "per_second": len(latencies) / wall,
        "ok": statuses[expect],
        "statuses": dict(statuses),
        "clients": clients,
        "latencies": latencies,
        **summary(latencies),
    }


# --- The machine-load header ---------------------------------------------------------------------


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def memory_gib() -> float:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kib = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
    except (OSError, StopIteration):
        return 0.0
    return kib / 1024 / 1024


def load_average() -> str:
    return ", ".join(f"{v:.2f}" for v in os.getloadavg())


def code_version() -> dict:
    """The commit measured and the application files changed in the work tree beside it."""

    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout

    changed = [line[3:] for line in git("status", "--porcelain", "--", "src").splitlines()]
    return {"commit": git("rev-parse", "--short", "HEAD").strip() or "unknown", "changed": changed}


def machine_info(**extra) -> dict:
    """The machine and the moment, taken before measuring; `extra` adds versions etc."""
    return {
        "cpu": cpu_name(),
        "cores": os.cpu_count(),
        "ram_gib": memory_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_before": load_average(),
        "started": datetime.now(UTC),
        "code": code_version(),
        **extra,
    }


def measured_line(machine: dict, *, command: str) -> str:
    """'Measured <date> at commit <sha> by `<command>` on <cpu> (<cores> cores, <GiB>);
    load average <before> before, <now> after.' The shared opening of every section."""
    code = machine.get("code") or code_version()
    changed = " (with uncommitted changes)" if code.get("changed") else ""
    return (
        f"Measured {machine['started']:%Y-%m-%d %H:%M} UTC at commit `{code['commit']}`"
        f"{changed} by `{command}` on {machine['cpu']} ({machine['cores']} cores, "
        f"{machine['ram_gib']:.0f} GiB), Python {machine['python']}; load average "
        f"{machine['load_before']} before, {load_average()} after (a shared machine: "
        "figures are upper bounds on latency)."
    )


# --- The Markdown writer -------------------------------------------------------------------------


def ms(value: float) -> str:
    """Milliseconds for a table cell: one decimal under 100, none above."""
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table as lines: the first column left-aligned, the figures right-aligned."""
    align = ["---"] + ["---:"] * (len(header) - 1)
    return ["| " + " | ".join(r) + " |" for r in [header, align, *rows]]


def section_write(name: str, text: str, *, doc: Path = DOC, after: str = "") -> None:
    """Replace only what lies between `<!-- name:start -->` and `<!-- name:end -->` in
    docs/PERFORMANCE.md. A new section goes right after the section `after` when that one is
    there, else at the end of the page."""
    start_marker, end_marker = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    current = doc.read_text(encoding="utf-8") if doc.exists() else ""
    section = f"{start_marker}\n{text.rstrip()}\n{end_marker}"
    start, end = current.find(start_marker), current.find(end_marker)
    after_end = f"<!-- {after}:end -->" if after else ""
    if start != -1 and end > start:
        updated = current[:start] + section + current[end + len(end_marker) :]
    elif after_end and after_end in current:
        head, rest = current.split(after_end, 1)
        updated = head + after_end + "\n" + section + rest
    else:
        updated = current.rstrip("\n") + ("\n\n" if current else "") + section + "\n"
    doc.write_text(updated, encoding="utf-8")
