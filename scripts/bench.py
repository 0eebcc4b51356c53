"""The national-scale benchmark behind `make bench`: a measurement, not a timed test.

For each database (a fresh SQLite file under var/bench/, and PostgreSQL at POSTGRES_URL when it
answers) it migrates and loads the reference data, seeds 1,000,000 synthetic enterprises with
`champions generate`, then measures in a worker process with that database's environment:

- search latency: a realistic mix of list queries through EnterpriseFilterSet + keyset_page,
  exactly as the API runs them, and a smaller sample through the test client on the API URL;
- classify() calls per second (pure Python);
- import_rows() on a 100,000-row CSV of new enterprises, then the same file again (upserts).

It prints a table and writes docs/PERFORMANCE.md. Reruns reuse the seeded rows (use --fresh to
start again); rows left by an earlier run's import are deleted first, so searches always run on
exactly the seeded rows.

    python scripts/bench.py [--enterprises N] [--import-rows N] [--databases sqlite,postgres]
                            [--fresh]
"""

import argparse
import csv
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from benchlib import (
    DOC,
    banner,
    duration,
    load_average,
    machine_info,
    percentile,
    postgres_database_prepare,
    section_write,
    step,
)

ROOT = Path(__file__).resolve().parents[1]
VAR_DIR = ROOT / "var" / "bench"
# BENCH_DATABASE names another bench database (e.g. a national-scale one seeded by
# bench_grievances.py); its figures go to their own section of docs/PERFORMANCE.md.
POSTGRES_DATABASE = os.environ.get("BENCH_DATABASE", "bench")
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/" + POSTGRES_DATABASE
SECTION = "registry" if POSTGRES_DATABASE == "bench" else f"registry-{POSTGRES_DATABASE}"
DATABASE_LABELS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}

# Imported rows get serials from this block; `generate` numbers its rows from max(id) + 1,000,000,
# far below it, so the block identifies the rows an earlier run imported.
IMPORT_SERIAL_START = 9_000_000
IMPORT_UDYAM_RE = r"-9[0-9]{6}$"
CLASSIFY_CALLS = 300_000
SEARCH_QUERIES_PER_KIND = 30
WARMUP_QUERIES = 40
SAMPLE_ROWS = 2000
HTTP_QUERIES = 60
PAGE_SIZE = 25  # the API's default page
TARGET_IMPORT_SECONDS = 60
TARGET_SEARCH_P95_MS = 100


# --- Orchestration (no Django here: each database runs in its own processes) ---------------


def main() -> int:
    args = parse_args()
    if args.worker:
        return worker_main(args)
    started = time.monotonic()
    machine = machine_info()
    results = {}
    for name in args.databases:
        banner(f"{DATABASE_LABELS[name]}")
        results[name] = run_database(name, args)
    total_seconds = time.monotonic() - started
    machine["load_after"] = load_average()
    banner("Results")
    print(summary_table(results))
    write_doc(results, machine, args, total_seconds)
    print(f"\nWritten {DOC.relative_to(ROOT)}; total run time {duration(total_seconds)}.")
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--enterprises", type=int, default=1_000_000, metavar="N")
    parser.add_argument("--import-rows", type=int, default=100_000, metavar="N")
    parser.add_argument("--databases", default="sqlite,postgres", type=database_list)
    parser.add_argument("--fresh", action="store_true", help="Drop the bench databases first.")
    parser.add_argument("--worker", choices=["count", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 0 < args.import_rows < 1_000_000:
        parser.error("--import-rows must be between 1 and 999,999")
    if args.enterprises <= 0:
        parser.error("--enterprises must be positive")
    return args


def database_list(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = set(names) - set(DATABASE_LABELS)
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose from: {', '.join(DATABASE_LABELS)}")
    return names


def run_database(name: str, args: argparse.Namespace) -> dict:
    started = time.monotonic()
    env = database_env(name)
    result: dict = {}
    if name == "postgres":
        problem = postgres_prepare(fresh=args.fresh)
        if problem:
            print(f"skipped: {problem}")
            return {"skipped": problem}
    elif args.fresh:
        for suffix in ("", "-wal", "-shm"):
            (VAR_DIR / f"champions.sqlite3{suffix}").unlink(missing_ok=True)
    if args.fresh:
        (VAR_DIR / f"{name}-seed.json").unlink(missing_ok=True)
    try:
        result["setup_seconds"] = setup_schema(env)
        result["seed"] = seed(name, env, args.enterprises)
        step(f"Measuring (search, classify, import of {args.import_rows:,} rows)")
        result.update(run_worker("measure", env, name, ["--import-rows", str(args.import_rows)]))
    except BenchError as exc:
        print(f"failed: {exc}")
        result["failed"] = str(exc)
    result["seconds"] = time.monotonic() - started
    return result


class BenchError(RuntimeError):
    """A step failed; the message says which and why."""


def database_env(name: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "champions.config.settings.base",
        "CHAMPIONS_VAR_DIR": str(VAR_DIR),
        "DEBUG": "0",  # DEBUG would keep every query in memory
        # The officers sign in with force_login, which shows no second factor.
        "MFA_REQUIRED": "0",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)
    if name == "postgres":
        env["DATABASE_URL"] = POSTGRES_URL
    return env


def postgres_prepare(*, fresh: bool) -> str | None:
    """Create (or with --fresh recreate) the bench database; a reason when unreachable."""
    import psycopg

    try:
        postgres_database_prepare(POSTGRES_DATABASE, fresh=fresh)
    except psycopg.OperationalError as exc:
        return f"not reachable ({str(exc).strip().splitlines()[0]})"
    return None


def setup_schema(env: dict[str, str]) -> float:
    step("Migrating and loading reference data")
    started = time.monotonic()
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "createcachetable")
    manage(env, "load_reference")
    manage(env, "load_network")
    return time.monotonic() - started


def seed(name: str, env: dict[str, str], wanted: int) -> dict:
    """Top the table up to `wanted` rows; the rate is kept in var/bench/ for later reruns."""
    record = VAR_DIR / f"{name}-seed.json"
    present = run_worker("count", env, "count")["enterprises"]
    missing = wanted - present
    if missing <= 0:
        step(f"Seeding skipped: {present:,} enterprises already there")
        earlier = json.loads(record.read_text()) if record.exists() else None
        return {"skipped": True, "present": present, "earlier": earlier}
    step(f"Seeding {missing:,} enterprises with `champions generate` ({present:,} present)")
    output = manage(env, "generate", "--enterprises", str(missing), stream_stderr=True)
    match = re.search(r"(\d+) enterprises generated in ([\d.]+) s", output)
    if not match:
        raise BenchError(f"unexpected output from generate: {output!r}")
    rows, seconds = int(match[1]), float(match[2])
    result = {"rows": rows, "seconds": seconds, "per_second": rows / seconds}
    record.write_text(json.dumps({**result, "date": f"{datetime.now(UTC):%Y-%m-%d}"}))
    return {"skipped": False, **result}


def manage(env: dict[str, str], *command: str, stream_stderr: bool = False) -> str:
    process = subprocess.run(
        [sys.executable, "-m", "champions.manage", *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=None if stream_stderr else subprocess.PIPE,
        text=True,
        check=False,
    )
    if process.returncode:
        raise BenchError(f"`champions {' '.join(command)}` failed:\n{process.stderr or ''}")
    return process.stdout


def run_worker(phase: str, env: dict[str, str], name: str, extra: list[str] | None = None):
    out = VAR_DIR / f"{name}-{phase}.json"
    out.unlink(missing_ok=True)
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        phase,
        "--out",
        str(out),
        *(extra or []),
    ]
    if subprocess.run(command, cwd=ROOT, env=env, check=False).returncode:
        raise BenchError(f"the {phase} step failed (see above)")
    return json.loads(out.read_text())


# --- Worker: runs inside Django, against the database its environment names -------------------


def worker_main(args: argparse.Namespace) -> int:
    import django

    django.setup()
    if args.worker == "count":
        result = {"enterprises": seeded_count()}
    else:
        result = measure(args.import_rows)
    args.out.write_text(json.dumps(result, default=str))
    return 0


def seeded_count() -> int:
    from champions.registry.models import Enterprise

    return Enterprise.objects.exclude(udyam_number__regex=IMPORT_UDYAM_RE).count()


def measure(import_rows: int) -> dict:
    from django.db import connection

    result = {"vendor": connection.vendor, "version": database_version()}
    delete_earlier_import()
    if connection.vendor == "postgresql":
        # The registry's table only: the other tables of a shared bench database (grievances
        # being seeded by another script) are not what this measures.
        step("VACUUM ANALYZE registry_enterprise (what autovacuum does after a bulk load)")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE registry_enterprise")
    result["enterprises"] = seeded_count()
    result["size_mib"] = database_size() / 2**20
    rng = random.Random(42)  # noqa: S311 - a reproducible sample, not security
    queries = search_mix(rng, hub=bench_user("hub_officer"), spokes=spoke_users())
    result["search"] = bench_search(queries)
    result["http"] = bench_http(queries)
    result["classify"] = bench_classify()
    result["import"] = bench_import(import_rows)
    return result


def database_version() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0].split()[0]


def database_size() -> int:
    from django.db import connection

    if connection.vendor == "sqlite":
        name = Path(connection.settings_dict["NAME"])
        return sum(p.stat().st_size for p in name.parent.glob(name.name + "*"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def delete_earlier_import() -> None:
    from champions.registry.models import CategoryChange, Enterprise

    earlier = Enterprise.objects.filter(udyam_number__regex=IMPORT_UDYAM_RE)
    if earlier.exists():
        step("Deleting the rows an earlier run imported")
        CategoryChange.objects.filter(enterprise__in=earlier.values("pk")).delete()
        earlier.only("pk").delete()


def bench_user(role: str, room=None):
    from champions.accounts.selectors import user_get_by_email
    from champions.accounts.services import user_create

    email = f"bench-{role}-{room.code if room else 'national'}@bench.invalid"
    user = user_get_by_email(email=email)
    if user is None:
        user = user_create(
            email=email, password=None, role=role, control_room_id=room.pk if room else None
        )
    return user


def spoke_users() -> list:
    from champions.controlrooms.selectors import control_room_list

    rooms = sorted((r for r in control_room_list() if r.kind == "spoke"), key=lambda r: r.code)
    picked = random.Random(7).sample(rooms, min(3, len(rooms)))  # noqa: S311
    return [bench_user("spoke_officer", room) for room in picked]


# --- Search ------------------------------------------------------------------------------------


@dataclass
class Query:
    kind: str
    user: object
    params: dict
    after: int | None = None
    before: int | None = None

    def describe(self) -> str:
        parts = [f"{k}={v}" for k, v in self.params.items()]
        parts += [f"{k}={v}" for k, v in (("after", self.after), ("before", self.before)) if v]
        if getattr(self.user, "role", "") == "spoke_officer":
            parts.append("as spoke officer")
        return "&".join(parts) or "(no filter)"


@dataclass
class Samples:
    """Real rows to build queries from, picked at random across the table."""

    rows: list[dict]
    low_id: int
    high_id: int
    spoke_rows: dict[int, list[dict]] = field(default_factory=dict)


def load_samples(rng: random.Random, spokes: list) -> Samples:
    from django.db.models import Max, Min

    from champions.controlrooms.selectors import room_district_ids
    from champions.registry.models import Enterprise

    columns = ["name", "udyam_number", "state_id", "district_id", "primary_nic", "major_activity"]
    bounds = Enterprise.objects.aggregate(low=Min("pk"), high=Max("pk"))
    population = range(bounds["low"], bounds["high"] + 1)
    ids = rng.sample(population, min(SAMPLE_ROWS, len(population)))
    rows = list(Enterprise.objects.filter(pk__in=ids).values(*columns))
    spoke_rows = {}
    for user in spokes:
        districts = room_district_ids(room_id=user.control_room_id)
        spoke_rows[user.pk] = list(
            Enterprise.objects.filter(district_id__in=districts).values(*columns)[:200]
        )
    return Samples(rows, bounds["low"], bounds["high"], spoke_rows)


def search_mix(rng: random.Random, *, hub, spokes: list) -> list[Query]:
    """SEARCH_QUERIES_PER_KIND queries of each kind, interleaved, plus warm-up queries first."""
    samples = load_samples(rng, spokes)
    builders = query_builders(samples, hub, spokes)
    queries = [
        Query(kind, *build(rng))
        for _ in range(SEARCH_QUERIES_PER_KIND)
        for kind, build in builders.items()
    ]
    rng.shuffle(queries)
    warmup = [
        Query("warm-up", *rng.choice(list(builders.values()))(rng)) for _ in range(WARMUP_QUERIES)
    ]
    return warmup + queries


def query_builders(samples: Samples, hub, spokes: list) -> dict[str, Callable]:
    categories = ["micro", "small", "medium"]

    def row(rng):
        return rng.choice(samples.rows)

    def cursor(rng):
        return rng.randint(samples.low_id, samples.high_id)

    def spoke(rng):
        user = rng.choice(spokes)
        name = rng.choice(samples.spoke_rows[user.pk] or samples.rows)["name"]
        params = rng.choice([{}, {"category": rng.choice(categories)}, {"q": name[:3]}])
        return user, params

    return {
        "no filter, first page": lambda rng: (hub, {}),
        "name prefix (3-5 letters)": lambda rng: (
            hub,
            {"q": row(rng)["name"][: rng.randint(3, 5)]},
        ),
        "Udyam number or prefix": lambda rng: (
            hub,
            {"q": row(rng)["udyam_number"][: rng.choice([11, 19])]},  # UDYAM-XX-DD or all
        ),
        "state": lambda rng: (hub, {"state": row(rng)["state_id"]}),
        "state + category": lambda rng: (
            hub,
            {"state": row(rng)["state_id"], "category": rng.choice(categories)},
        ),
        "district": lambda rng: (hub, {"district": row(rng)["district_id"]}),
        "NIC prefix (2-5 digits)": lambda rng: (
            hub,
            {"nic": row(rng)["primary_nic"][: rng.randint(2, 5)]},
        ),
        "activity + category": lambda rng: (
            hub,
            {"major_activity": row(rng)["major_activity"], "category": rng.choice(categories)},
        ),
        "deep page (cursor)": lambda rng: (
            hub,
            rng.choice([{}, {"state": row(rng)["state_id"]}, {"category": "small"}]),
            cursor(rng),
        ),
        "spoke officer (room scope)": spoke,
    }


def run_query(query: Query) -> int:
    """What GET /api/v1/registry/enterprises does, minus HTTP and serialisation."""
    from champions.core.pagination import keyset_page
    from champions.registry import selectors
    from champions.registry.filters import EnterpriseFilterSet

    filterset = EnterpriseFilterSet(
        query.params, queryset=selectors.enterprise_queryset_for_user(user=query.user)
    )
    if not filterset.is_valid():
        raise BenchError(f"invalid filter {query.describe()}: {dict(filterset.errors)}")
    page = keyset_page(filterset.qs, after=query.after, before=query.before, size=PAGE_SIZE)
    return len(page.items)


def bench_search(queries: list[Query]) -> dict:
    step(f"Search: {len(queries) - WARMUP_QUERIES} queries through the FilterSet + keyset_page")
    timings: dict[str, list[tuple[float, int, str]]] = {}
    for number, query in enumerate(queries, 1):
        started = time.perf_counter()
        rows = run_query(query)
        elapsed = (time.perf_counter() - started) * 1000
        timings.setdefault(query.kind, []).append((elapsed, rows, query.describe()))
        if number % 25 == 0 or number == len(queries):
            progress_bar("Searching", number, len(queries))
    timings.pop("warm-up")
    return latency_summary(timings)


def bench_http(queries: list[Query]) -> dict:
    from django.test import Client

    hub_queries = [q for q in queries if q.kind != "warm-up" and q.user.role == "hub_officer"]
    sample = random.Random(3).sample(hub_queries, min(HTTP_QUERIES, len(hub_queries)))  # noqa: S311
    step(f"Search over HTTP: {len(sample)} requests to /api/v1/registry/enterprises (test client)")
    client = Client(HTTP_HOST="localhost")
    client.force_login(sample[0].user, backend="django.contrib.auth.backends.ModelBackend")
    timings: dict[str, list[tuple[float, int, str]]] = {}
    client.get("/api/v1/registry/enterprises")  # warm-up: URL resolving, first session save
    for number, query in enumerate(sample, 1):
        params = dict(query.params)
        params.update({k: v for k, v in (("after", query.after), ("before", query.before)) if v})
        started = time.perf_counter()
        response = client.get("/api/v1/registry/enterprises", params)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise BenchError(f"HTTP {response.status_code} for {query.describe()}")
        rows = len(response.json()["items"])
        timings.setdefault(query.kind, []).append((elapsed, rows, query.describe()))
        progress_bar("Requests", number, len(sample))
    return latency_summary(timings)


def latency_summary(timings: dict[str, list[tuple[float, int, str]]]) -> dict:
    def summary(entries):
        values = [e[0] for e in entries]
        slowest = max(entries)
        return {
            "count": len(values),
            "p50": percentile(values, 50),
            "p95": percentile(values, 95),
            "max": slowest[0],
            "mean_rows": sum(e[1] for e in entries) / len(entries),
            "slowest": slowest[2],
        }

    everything = [e for entries in timings.values() for e in entries]
    return {
        "kinds": {kind: summary(entries) for kind, entries in timings.items()},
        "overall": summary(everything),
    }


def progress_bar(label: str, done: int, total: int) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    sys.stderr.write(f"\r   {label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


# --- Classification ----------------------------------------------------------------------------


def bench_classify() -> dict:
    from django.utils import timezone

    from champions.registry.classification import classify

    step(f"classify(): {CLASSIFY_CALLS:,} calls")
    rng = random.Random(11)  # noqa: S311
    # Log-uniform figures from ₹10,000 to ₹1,000 crore, so every category (and "none") occurs.
    figures = []
    for _ in range(CLASSIFY_CALLS):
        turnover = int(10 ** rng.uniform(4, 10))
        exports = int(turnover * rng.random() * 0.5) if rng.random() < 0.1 else 0
        figures.append((int(10 ** rng.uniform(4, 9.5)), turnover, exports))
    on = timezone.localdate()
    started = time.perf_counter()
    for investment, turnover, exports in figures:
        classify(
            investment_inr=investment, turnover_inr=turnover, export_turnover_inr=exports, on=on
        )
    seconds = time.perf_counter() - started
    return {"calls": CLASSIFY_CALLS, "seconds": seconds, "per_second": CLASSIFY_CALLS / seconds}


# --- Import ------------------------------------------------------------------------------------


def bench_import(rows: int) -> dict:
    path = VAR_DIR / f"import-{rows}.csv"
    step(f"Writing {rows:,} new enterprises to {path.relative_to(ROOT)}")
    write_import_csv(path, rows)
    step("Import, first run (every row is new)")
    first = timed_import(path, expect_created=rows)
    step("Import, second run of the same file (every row is an update)")
    second = timed_import(path, expect_created=0)
    return {"rows": rows, "first": first, "second": second}


def write_import_csv(path: Path, rows: int) -> None:
    from django.utils import timezone

    from champions.core.selectors import reference_index_build
    from champions.registry.importing import COLUMNS
    from champions.registry.synthetic import synthetic_enterprises

    ref = reference_index_build()
    udyam_code = {pk: code for code, pk in ref.state_by_udyam_code.items()}
    district_lgd = {pk: lgd for lgd, pk in ref.district_by_lgd_code.items()}
    enterprises = synthetic_enterprises(
        rows, ref=ref, seed=2024, start_serial=IMPORT_SERIAL_START, on=timezone.localdate()
    )
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for e in enterprises:
            record = {column: getattr(e, column, "") for column in COLUMNS}
            record.update(
                state=udyam_code[e.state_id],
                district=district_lgd[e.district_id],
                nic_codes=";".join(e.nic_codes),
                commenced_on=e.commenced_on.isoformat(),
                owner_specially_abled="yes" if e.owner_specially_abled else "no",
            )
            writer.writerow(record)


def timed_import(path: Path, *, expect_created: int) -> dict:
    from champions.registry.importing import count_rows, import_rows, read_rows

    total = count_rows(path)
    checked_at = [0.0]
    last = [-1]

    def progress(done: int) -> None:
        if done == last[0]:
            return  # import_rows may report the last count twice
        last[0] = done
        checked_at[0] = time.perf_counter()
        progress_bar("Checking rows", done, total)
        if done >= total:
            sys.stderr.write("   Writing in one transaction...\n")

    started = time.perf_counter()
    result = import_rows(read_rows(path), progress=progress)
    seconds = time.perf_counter() - started
    if result.errors or result.created != expect_created:
        problems = [f"row {e.row} {e.column}: {e.message}" for e in result.errors[:5]]
        raise BenchError(f"import: {result.created} created, expected {expect_created}; {problems}")
    return {
        "seconds": seconds,
        "check_seconds": checked_at[0] - started,
        "write_seconds": time.perf_counter() - checked_at[0],
        "per_second": result.total_rows / seconds,
        "created": result.created,
        "updated": result.updated,
    }


# --- Report ------------------------------------------------------------------------------------


def measured(results: dict) -> dict:
    return {n: r for n, r in results.items() if "skipped" not in r and "failed" not in r}


SUMMARY = [  # (label, path into a database's results, format)
    ("Enterprises searched", ("enterprises",), "{:,.0f}"),
    ("Database size (MiB)", ("size_mib",), "{:,.0f}"),
    ("Seeding with `generate` (rows/s)", ("seed", "per_second"), "{:,.0f}"),
    ("Import, new rows (s)", ("import", "first", "seconds"), "{:.1f}"),
    ("Import, new rows (rows/s)", ("import", "first", "per_second"), "{:,.0f}"),
    ("Import, same file again = upserts (s)", ("import", "second", "seconds"), "{:.1f}"),
    ("Import, upserts (rows/s)", ("import", "second", "per_second"), "{:,.0f}"),
    ("classify() (calls/s)", ("classify", "per_second"), "{:,.0f}"),
    ("Search p50 (ms)", ("search", "overall", "p50"), "{:.1f}"),
    ("Search p95 (ms)", ("search", "overall", "p95"), "{:.1f}"),
    ("Search max (ms)", ("search", "overall", "max"), "{:.1f}"),
    ("API over HTTP p50 (ms)", ("http", "overall", "p50"), "{:.1f}"),
    ("API over HTTP p95 (ms)", ("http", "overall", "p95"), "{:.1f}"),
    ("API over HTTP max (ms)", ("http", "overall", "max"), "{:.1f}"),
]


def summary_rows(results: dict) -> list[tuple[str, dict[str, float], str]]:
    """(label, {database: value}, format) for each measure at least one database has."""
    rows = []
    for label, path, fmt in SUMMARY:
        values = {}
        for name, r in measured(results).items():
            value = r
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if value is not None:
                values[name] = value
        if values:
            rows.append((label, values, fmt))
    return rows


def summary_table(results: dict) -> str:
    names = list(results)
    both = {"sqlite", "postgres"} <= set(measured(results))
    header = ["Measure", *(DATABASE_LABELS[n] for n in names)]
    if both:
        header.append("PostgreSQL/SQLite")
    lines = [markdown_row(header), markdown_row(["---"] + ["---:"] * (len(header) - 1))]
    for label, values, fmt in summary_rows(results):
        cells = [label]
        for name in names:
            cells.append(fmt.format(values[name]) if name in values else status(results[name]))
        if both:
            ratio = values.get("postgres", 0) / values["sqlite"] if values.get("sqlite") else None
            cells.append(f"{ratio:.2f}" if ratio else "")
        lines.append(markdown_row(cells))
    if not summary_rows(results):
        lines.append(markdown_row(["(nothing measured)", *(status(results[n]) for n in names)]))
    return "\n".join(lines)


def status(result: dict) -> str:
    if "skipped" in result:
        return f"skipped: {result['skipped']}"
    if "failed" in result:
        return "failed"
    return "-"


def markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def kinds_table(search: dict) -> str:
    header = ["Query kind", "Queries", "p50 ms", "p95 ms", "max ms", "Rows/page", "Slowest query"]
    lines = [markdown_row(header), markdown_row(["---", *["---:"] * 5, "---"])]
    for kind, s in [*search["kinds"].items(), ("**all**", search["overall"])]:
        cells = [kind, s["count"], f"{s['p50']:.1f}", f"{s['p95']:.1f}", f"{s['max']:.1f}"]
        lines.append(markdown_row([*cells, f"{s['mean_rows']:.1f}", f"`{s['slowest']}`"]))
    return "\n".join(lines)


def targets(results: dict, import_rows: int) -> list[str]:
    """One line per target and database; a verdict only when the run had the target's size."""
    lines = []
    for name, r in measured(results).items():
        label = DATABASE_LABELS[name]
        first, second = r["import"]["first"]["seconds"], r["import"]["second"]["seconds"]
        lines.append(
            f"- {label}, a 100,000-row import under a minute: "
            + verdict(first < TARGET_IMPORT_SECONDS, full_size=import_rows == 100_000)
            + f" ({first:.1f} s for {import_rows:,} new rows; {second:.1f} s for them again)."
        )
        p95, http = r["search"]["overall"]["p95"], r["http"]["overall"]["p95"]
        slow = [k for k, s in r["search"]["kinds"].items() if s["p95"] >= TARGET_SEARCH_P95_MS]
        lines.append(
            f"- {label}, search p95 under 100 ms at 1 M: "
            + verdict(p95 < TARGET_SEARCH_P95_MS, full_size=r["enterprises"] >= 1_000_000)
            + f" (p95 {p95:.1f} ms through the FilterSet and {http:.1f} ms over HTTP, at "
            f"{r['enterprises']:,} enterprises"
            + (f"; kinds with p95 over 100 ms: {', '.join(slow)}" if slow else "")
            + ")."
        )
    return lines


def verdict(passed: bool, *, full_size: bool) -> str:
    if not full_size:
        return "not judged (smaller run)"
    return "met" if passed else "**not met**"


def write_doc(results: dict, machine: dict, args: argparse.Namespace, total: float) -> None:
    versions = [f"Python {machine['python']}", f"SQLite {machine['sqlite']}"]
    if "postgres" in measured(results):
        versions.append(f"PostgreSQL {results['postgres']['version']}")
    parts = [
        "## Enterprise registry at national scale"
        + ("" if SECTION == "registry" else f" (database `{POSTGRES_DATABASE}`)"),
        "",
        "Written by `make bench` (`python scripts/bench.py`); every figure below was measured by "
        "that run. Rerun it to refresh this section.",
        "",
        f"- Date: {machine['started']:%Y-%m-%d %H:%M} UTC; the whole run took {duration(total)}.",
        f"- Machine: {machine['cpu']}, {machine['cores']} cores, {machine['ram_gib']:.1f} GiB RAM, "
        f"{machine['os']}.",
        f"- Software: {', '.join(versions)}.",
        f"- Load average (1, 5, 15 min) before: {machine['load_before']}; after: "
        f"{machine['load_after']}. Other work on the machine during the run adds noise.",
        "",
        "### Method",
        "",
        *method_lines(args),
        "",
        "### Summary",
        "",
        summary_table(results),
        "",
        "### Targets",
        "",
        *(targets(results, args.import_rows) or ["- Nothing was measured."]),
    ]
    for name, r in results.items():
        parts += ["", f"### {DATABASE_LABELS[name]}", "", *database_section(r)]
    section_write(SECTION, "\n".join(parts) + "\n", after="registry")


def method_lines(args: argparse.Namespace) -> list[str]:
    n_kinds = 10
    scale = (
        []
        if SECTION == "registry"
        else [
            f"- Database `{POSTGRES_DATABASE}` was seeded beforehand by "
            "`scripts/bench_grievances.py --base-enterprises N`: N enterprises from "
            "`champions generate` (COPY), then copied inside PostgreSQL with new Udyam serials "
            "(`scripts/bench_scale.py`); this run found them there (SQLite not run)."
        ]
    )
    return [
        *scale,
        f"- Each database is seeded up to {args.enterprises:,} synthetic enterprises by "
        "`champions generate` (districts in proportion to real Udyam registrations, about 97 % "
        "micro). Seeding is skipped when they are already there; `--fresh` starts again. "
        "PostgreSQL runs `VACUUM ANALYZE` before measuring (autovacuum would after a bulk "
        "load); SQLite runs as deployed, without `ANALYZE`.",
        f"- Search: {n_kinds * SEARCH_QUERIES_PER_KIND} list queries, {SEARCH_QUERIES_PER_KIND} of "
        "each kind below, interleaved, after "
        f"{WARMUP_QUERIES} warm-up queries. Values come from {SAMPLE_ROWS:,} random rows "
        "(names, Udyam numbers, states, districts, NIC codes). Each query runs "
        "`EnterpriseFilterSet` on "
        "`enterprise_queryset_for_user` and fetches a page of 25 with `keyset_page` (the "
        "page's ids first, then those rows), as `GET /api/v1/registry/enterprises` does, as a "
        "hub officer (whole country) or as a spoke officer (filtered on their room's district "
        "ids). Deep pages take a random cursor (`after=id`). Time is "
        "wall time in this process, from building the FilterSet to having the rows.",
        f"- API over HTTP: {HTTP_QUERIES} of the hub officer's queries through Django's test "
        "client with a logged-in session: middleware, authentication, the query, pydantic "
        "serialisation and JSON. No network.",
        f"- classify(): {CLASSIFY_CALLS:,} calls with figures spread log-uniformly over every "
        "category, including the reasons text.",
        f"- Import: a CSV of {args.import_rows:,} new enterprises (state as its Udyam code, "
        "district as its LGD code) through `read_rows` + `import_rows` (check every row, then "
        "upsert in one transaction); then the same file again, which updates every row. Writing "
        "the CSV is not timed. The imported rows are deleted at the start of the next run.",
        "- Percentiles interpolate between the closest ranks.",
    ]


def database_section(r: dict) -> list[str]:
    if "skipped" in r:
        return [f"Skipped: {r['skipped']}."]
    if "failed" in r:
        return [f"Failed: {r['failed']}"]
    lines = []
    seed_info = r["seed"]
    if seed_info["skipped"]:
        earlier = seed_info.get("earlier")
        lines.append(
            f"- Seeding skipped: {seed_info['present']:,} enterprises were already there"
            + (
                f" (the run that seeded them on {earlier['date']} generated {earlier['rows']:,} "
                f"rows at {earlier['per_second']:,.0f} rows/s)."
                if earlier
                else "."
            )
        )
    else:
        lines.append(
            f"- Seeding: {seed_info['rows']:,} rows in {seed_info['seconds']:.0f} s "
            f"({seed_info['per_second']:,.0f} rows/s)."
        )
    first, second = r["import"]["first"], r["import"]["second"]
    lines += [
        f"- Import of {r['import']['rows']:,} new rows: {first['seconds']:.1f} s "
        f"(checking {first['check_seconds']:.1f} s, writing {first['write_seconds']:.1f} s); "
        f"again as upserts: {second['seconds']:.1f} s (checking {second['check_seconds']:.1f} s, "
        f"writing {second['write_seconds']:.1f} s).",
        f"- classify(): {r['classify']['per_second']:,.0f} calls/s "
        f"({1e6 / r['classify']['per_second']:.1f} µs a call).",
        f"- Database size when searched: {r['size_mib']:,.0f} MiB. "
        f"Time for this database, seeding included: {duration(r['seconds'])}.",
        "",
        f"Search at {r['enterprises']:,} enterprises, through the FilterSet + keyset_page:",
        "",
        kinds_table(r["search"]),
        "",
        "API over HTTP (test client, hub officer session):",
        "",
        kinds_table(r["http"]),
    ]
    return lines


if __name__ == "__main__":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    sys.exit(main())
