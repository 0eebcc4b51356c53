"""The grievance benchmark behind `make bench-grievances` (run by `make bench` too): a
measurement, not a timed test.

On PostgreSQL (database bench_grievances) it seeds 1,000,000 grievances with bulk_create, then:

- lodges through POST /api/v1/grievances on the production server (granian, 2 workers) from
  concurrent clients: requests/s and latency;
- times the officers' queue for a spoke officer and for the hub: the keyset page (newest first
  and due soonest, first and deep) and the per-status counts in process (read from the
  QueueTally rows for the whole queue, counted live for a narrowed one), the HTML page and the
  API list over HTTP, first and deep pages;
- times `tally_recount()` (the daily `queue-recount` job), which it also runs after seeding and
  after resetting the seeded rows, since bulk_create and QuerySet.update bypass the tallies;
- counts SQL queries per queue page on a 10,000-row sample of the same rows and on all of them;
- runs the SLA sweep over the seeded rows twice (the second run is the idempotent no-op);
- does the same creation and listing in django-helpdesk 2.6.1, installed in its own virtual
  environment (var/bench-helpdesk-venv), database bench_helpdesk, seeded from the same rows
  (scripts/bench_helpdesk/).

It prints the figures and writes them between the grievances markers of docs/PERFORMANCE.md.
Reruns reuse the seeded rows (--fresh drops both databases); rows an earlier run lodged through
the APIs are deleted first.

    python scripts/bench_grievances.py [--grievances N] [--enterprises N] [--clients N]
        [--lodge-seconds S] [--lodge-max N] [--samples N] [--http-samples N] [--no-helpdesk]
        [--fresh]
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import bench_grievances_data  # noqa: F401 - sets up Django for the bench database
import django
from bench_grievances_data import (
    CATEGORY_MIX,
    DATABASE,
    HELPDESK_VERSION,
    LODGE_ROUNDS,
    NARROW,
    PAGE_SIZE,
    RECOUNTS,
    REPORT_FILE,
    SAMPLE_ROWS,
    SAMPLE_SCHEMA,
    VAR_DIR,
    WARMUP,
    LodgeCase,
    People,
    busiest_spoke_officer,
    enterprises_ensure,
    grievance_text,
    grievances_seed,
    leftovers_delete,
    narrow_query,
    people_ensure,
    triage_counts,
    triage_models_info,
    weighted,
)
from bench_grievances_helpdesk import (
    helpdesk_lodge_requests,
    helpdesk_measure,
    helpdesk_prepare,
    helpdesk_server,
)
from bench_grievances_report import render
from benchlib import (
    DOC,
    ROOT,
    Request,
    banner,
    duration,
    granian_server,
    http_load,
    http_samples,
    load_average,
    machine_info,
    percentile,
    postgres_database_prepare,
    section_write,
    step,
    summary,
    timed,
)
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from champions.accounts.models import User
from champions.accounts.services import api_token_create
from champions.controlrooms.models import ControlRoom, RoomDistrict
from champions.grievances.choices import (
    OPEN_STATUSES,
    Kind,
    SlaState,
    Status,
)
from champions.grievances.filters import GrievanceQueueFilterSet
from champions.grievances.models import (
    Grievance,
    QueueTally,
    TimelineEntry,
)
from champions.grievances.queue.tallies import tally_recount
from champions.grievances.selectors import (
    grievance_queue_for_user,
    grievance_queue_page,
    queue_counts_by_status,
    queue_counts_for_user,
)
from champions.grievances.sla import sweep as sweep_module
from champions.grievances.sla.sweep import sla_sweep
from champions.registry.models import Enterprise

SWEEP_FILE = Path(sweep_module.__file__)
# The default run's section, or its own for a run on another database (national scale).
# BENCH_GRIEVANCES_SECTION names it for a run of the default figures on a database of its own.
SECTION = os.environ.get("BENCH_GRIEVANCES_SECTION") or (
    "grievances" if DATABASE == "bench_grievances" else f"grievances-{DATABASE}"
)


def sweep_code() -> dict:
    """Which sweep.py this process imported (read at start, as imported): its lines, its
    uncommitted changes (git diff --stat) and whether it writes each batch in bulk."""
    text = SWEEP_FILE.read_text(encoding="utf-8")
    diff = subprocess.run(
        ["git", "diff", "--stat", "--", str(SWEEP_FILE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%h", "--", str(SWEEP_FILE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "path": str(SWEEP_FILE.relative_to(ROOT)),
        "lines": len(text.splitlines()),
        "diff_stat": diff.splitlines()[-1].strip() if diff else "",
        "commit": commit,
        "batched": hasattr(sweep_module, "_sweep_batch"),
    }


SWEEP_CODE = sweep_code()


VERSIONS = {"django": django.get_version(), "granian": version("granian")}


def main() -> int:
    args = parse_args()
    if args.render_only:
        return republish()
    started = time.monotonic()
    report: dict = {
        "machine": machine_info(**VERSIONS),
        "args": vars(args),
        "sweep_code": SWEEP_CODE,
    }
    banner("Seeding (PostgreSQL, database bench_grievances)")
    postgres_database_prepare(DATABASE, fresh=args.fresh)
    step("champions setup --no-demo (migrate, reference data, network, SLA defaults)")
    call_command("setup", no_demo=True)
    report["triage_models"] = triage_models_info()
    report["enterprises"] = enterprises_ensure(args.enterprises, args.base_enterprises)
    people = people_ensure(args.clients)
    leftovers_delete(people)
    report["seed"] = grievances_seed(args.grievances, people, args.base_grievances)
    if not report["seed"]["skipped"]:
        report["seed"]["recount_seconds"] = recount("after seeding (bulk_create bypasses them)")
    if args.seed_only:
        step("Seeded (--seed-only): not measuring")
        return 0
    people.spoke = busiest_spoke_officer(people)
    step("Resetting the seeded rows to their seeded state (undoing earlier runs' sweeps)")
    sweep_reset()
    report["recount"] = {"after_reset": recount("after the reset (QuerySet.update bypasses them)")}
    analyze()
    report["recount"].update(recount_timings())
    report["database"] = database_facts(people)
    cases = lodge_cases(people, args.lodge_max + LODGE_ROUNDS * WARMUP * args.clients)
    if args.helpdesk:
        banner(f"django-helpdesk {HELPDESK_VERSION}: install and seed from the same rows")
        report["helpdesk_seed"] = helpdesk_prepare(args, people)
    banner("Champions: measuring")
    report["queries"] = queries_and_sample_timings(people, args.samples)
    report["queue"] = {who: queue_timings(user, args.samples) for who, user in people.officers()}
    with granian_server(
        "champions",
        ROOT / ".venv" / "bin",
        "champions.config.wsgi:application",
        cwd=ROOT,
        env=dict(os.environ),
        log_dir=VAR_DIR,
    ) as port:
        report["http_queue"] = champions_queue_http(port, people, args.http_samples)
        ours = champions_lodge_requests(people, cases)
        with ceiling_server() as ceiling_port:
            systems = [
                ("Champions", port, ours),
                ("bare insert", ceiling_port, ceiling_lodge_requests(cases)),
            ]
            if args.helpdesk:
                with helpdesk_server() as their_port:
                    theirs = helpdesk_lodge_requests(report["helpdesk_seed"], cases, args.clients)
                    systems.append(("django-helpdesk", their_port, theirs))
                    runs = lodge_rounds(args, systems)
                    report["helpdesk_lodge"] = runs[2]
            else:
                runs = lodge_rounds(args, systems)
            report["lodge"], report["ceiling_lodge"] = runs[0], runs[1]
    report["triage_models"].update(triage_counts(people))
    REPORT_FILE.write_text(json.dumps(report, default=str, indent=1))  # kept if a later step fails
    report["sweep"] = sweeps() if args.sweep else []
    report["tallies_after"] = tallies_check()
    if args.helpdesk:
        banner(f"django-helpdesk {HELPDESK_VERSION}: measuring")
        report["helpdesk"] = helpdesk_measure(args, report["helpdesk_seed"])
    report["seconds"] = time.monotonic() - started
    report["machine"]["load_after"] = load_average()
    REPORT_FILE.write_text(json.dumps(report, default=str, indent=1))
    return publish(report)


def publish(report: dict) -> int:
    banner("Results")
    text = render(report)
    print(text)
    section_write(SECTION, text, after="grievances")
    print(f"\nWritten to {DOC.relative_to(ROOT)}; total run time {duration(report['seconds'])}.")
    return 0


def republish() -> int:
    """--render-only: write the page again from the last run's figures (no measuring)."""
    report = json.loads(REPORT_FILE.read_text())
    report["machine"]["started"] = datetime.fromisoformat(report["machine"]["started"])
    return publish(report)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grievances", type=int, default=1_000_000, metavar="N")
    parser.add_argument(
        "--enterprises",
        type=int,
        default=100_000,
        metavar="N",
        help="synthetic enterprises the grievances are about",
    )
    parser.add_argument(
        "--base-enterprises",
        type=int,
        default=0,
        metavar="N",
        help="generate N enterprises and copy them in SQL up to --enterprises (bench_scale)",
    )
    parser.add_argument(
        "--base-grievances",
        type=int,
        default=0,
        metavar="N",
        help="generate N grievances and copy each --grievances/N times in SQL (bench_scale)",
    )
    parser.add_argument("--clients", type=int, default=8, help="concurrent lodging clients")
    parser.add_argument("--lodge-seconds", type=float, default=45, metavar="S")
    parser.add_argument(
        "--lodge-max",
        type=int,
        default=3000,
        metavar="N",
        help="at most this many lodgings per system",
    )
    parser.add_argument("--samples", type=int, default=100, help="timings per in-process case")
    parser.add_argument("--http-samples", type=int, default=40, help="timings per HTTP case")
    parser.add_argument("--no-helpdesk", dest="helpdesk", action="store_false")
    parser.add_argument(
        "--no-sweep", dest="sweep", action="store_false", help="do not time the SLA sweep"
    )
    parser.add_argument(
        "--helpdesk-tickets",
        type=int,
        default=0,
        metavar="N",
        help="copy only every n-th grievance into django-helpdesk, N tickets (default: all)",
    )
    parser.add_argument("--fresh", action="store_true", help="drop both databases first")
    parser.add_argument("--seed-only", action="store_true", help="seed, recount, then stop")
    parser.add_argument(
        "--render-only", action="store_true", help="rewrite the page from the last run's figures"
    )
    args = parser.parse_args()
    if args.grievances < SAMPLE_ROWS:
        parser.error(f"--grievances must be at least {SAMPLE_ROWS:,}")
    return args


def analyze() -> None:
    step("VACUUM ANALYZE (what autovacuum does after a bulk load)")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def recount(why: str) -> float:
    """tally_recount(), timed: the queue's counts rebuilt from the grievances."""
    step(f"tally_recount() {why}")
    started = time.monotonic()
    rows = tally_recount()
    seconds = time.monotonic() - started
    print(f"   {rows:,} (room, status) rows in {seconds:.2f} s", flush=True)
    return seconds


def recount_timings() -> dict:
    """What the daily `queue-recount` job costs on these rows, as it would find them (after
    VACUUM ANALYZE): RECOUNTS runs."""
    step(f"tally_recount() timed {RECOUNTS} times (the daily queue-recount job)")
    seconds = []
    for _ in range(RECOUNTS):
        started = time.monotonic()
        rows = tally_recount()
        seconds.append(time.monotonic() - started)
    print(f"   {rows:,} rows; seconds: {', '.join(f'{s:.2f}' for s in seconds)}", flush=True)
    return {
        "runs": seconds,
        "p50": percentile(seconds, 50),
        "rows": rows,
        "grievances": Grievance.objects.count(),
    }


def tallies_check() -> dict:
    """After lodging (through Grievance.save) and the sweeps: do the tallies still equal the
    grievances? Pairs (room, status) that differ, and by how many grievances in all."""
    step("Tallies against the grievances after lodging and the sweeps")
    live = {
        (room, status): n
        for room, status, n in Grievance.objects.order_by()
        .values_list("room_id", "status")
        .annotate(n=Count("id"))
    }
    kept = {(t.room_id, t.status): t.count for t in QueueTally.objects.all()}
    differ = {
        key: (kept.get(key, 0), live.get(key, 0))
        for key in live.keys() | kept.keys()
        if kept.get(key, 0) != live.get(key, 0)
    }
    result = {
        "pairs": len(live),
        "differ": len(differ),
        "off_by": sum(abs(a - b) for a, b in differ.values()),
        "examples": [
            {"room": room, "status": status, "tally": a, "grievances": b}
            for (room, status), (a, b) in sorted(differ.items())[:5]
        ],
    }
    print(f"   {result}", flush=True)
    return result


def database_facts(people: People) -> dict:
    rows = Grievance.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database()), version()")
        size, server = cursor.fetchone()
    return {
        "grievances": rows,
        "open": Grievance.objects.filter(kind=Kind.GRIEVANCE, status__in=OPEN_STATUSES).count(),
        "spoke_room": people.spoke.control_room.name,
        "spoke_rows": Grievance.objects.filter(room_id=people.spoke.control_room_id).count(),
        "timeline_entries": TimelineEntry.objects.count(),
        "size_mib": size / 2**20,
        "postgres": server.split()[1],
    }


def scope(user: User):
    return grievance_queue_for_user(user=user)


def random_cursors(user: User, n: int, seed: int) -> list[int]:
    """Ids spread over the user's whole queue (deep pages), reproducible."""
    ids = list(scope(user).order_by("pk").values_list("pk", flat=True))
    return random.Random(seed).sample(ids, min(n, len(ids)))  # noqa: S311


def queue_timings(user: User, samples: int) -> dict:
    """The keyset page (newest first and due soonest, first and deep) and the per-status counts,
    as the queue view runs them: the whole queue's from the tallies, a narrowed one's live."""
    step(f"Queue in process ({user.email}): keyset pages, counts by status (tallies, narrowed)")
    qs = scope(user)
    # The counts' querysets as the view builds them: its FilterSet without the status.
    whole = GrievanceQueueFilterSet({}, queryset=qs)
    narrowed = GrievanceQueueFilterSet(NARROW, queryset=qs)
    if whole.narrows or not narrowed.narrows:
        raise RuntimeError("GrievanceQueueFilterSet.narrows is not what the benchmark expects")
    few = max(10, samples // 5)

    def page(after: int | None, sort: str = "newest") -> None:
        list(grievance_queue_page(qs, sort=sort, after=after, before=None, size=PAGE_SIZE).items)

    def counts() -> dict[str, int]:
        return queue_counts_for_user(user=user, qs=whole.qs, narrowed=whole.narrows)

    def counts_narrowed() -> dict[str, int]:
        return queue_counts_for_user(user=user, qs=narrowed.qs, narrowed=narrowed.narrows)

    for _ in range(WARMUP):
        page(None)
        counts()
    cursors = random_cursors(user, samples, seed=5)
    due_cursors = random_cursors(user, few, seed=7)
    live = {c.status: c.count for c in queue_counts_by_status(qs)}
    return {
        "first": summary([timed(lambda: page(None)) for _ in range(samples)]),
        "deep": summary([timed(lambda c=c: page(c)) for c in cursors]),
        "due_first": summary([timed(lambda: page(None, "due")) for _ in range(few)]),
        "due_deep": summary([timed(lambda c=c: page(c, "due")) for c in due_cursors]),
        "counts": summary([timed(counts) for _ in range(samples)]),
        "counts_narrowed": summary([timed(counts_narrowed) for _ in range(few)]),
        "counts_live": summary([timed(lambda: queue_counts_by_status(qs)) for _ in range(few)]),
        "tallies_match": counts() == live,
    }


def queue_paths(user: User) -> dict[str, str]:
    """The pages whose SQL is counted: HTML queue and API list, first page and a deep one."""
    ids = scope(user).order_by("-pk").values_list("pk", flat=True)
    middle = ids[scope(user).count() // 2]
    return {
        "HTML queue, first page": "/grievances/queue/",
        "HTML queue, deep page": f"/grievances/queue/?after={middle}",
        "HTML queue, narrowed (category), first page": f"/grievances/queue/?{narrow_query()}",
        "API list, first page": "/api/v1/grievances",
        "API list, deep page": f"/api/v1/grievances?after={middle}",
    }


def count_queries(user: User) -> dict[str, int]:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    client.get("/grievances/queue/")  # the first request after login also writes the session
    counts = {}
    for label, path in queue_paths(user).items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        counts[label] = len(captured.captured_queries)
    return counts


@contextmanager
def sample_table(every: int) -> Iterator[int]:
    """Point this connection at a copy of every `every`-th seeded grievance.

    The copy sits in its own schema under the same table name and comes first on the search
    path, so the ORM, the views and the test client read it instead of the full table, on the
    same server and connection. Its QueueTally is copied the same way and recounted from the
    copy. Dropped afterwards.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SAMPLE_SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SAMPLE_SCHEMA}")
        cursor.execute(
            f"CREATE TABLE {SAMPLE_SCHEMA}.grievances_grievance "
            "(LIKE public.grievances_grievance INCLUDING ALL)"
        )
        cursor.execute(
            f"INSERT INTO {SAMPLE_SCHEMA}.grievances_grievance SELECT * FROM "  # noqa: S608
            "public.grievances_grievance WHERE lodged_by_id IS NULL AND id %% %s = 0",
            [every],
        )
        cursor.execute(f"ANALYZE {SAMPLE_SCHEMA}.grievances_grievance")
        # The queue's counts for the sample: its own QueueTally, recounted from the copy.
        cursor.execute(
            f"CREATE TABLE {SAMPLE_SCHEMA}.grievances_queuetally "
            "(LIKE public.grievances_queuetally INCLUDING ALL)"
        )
        cursor.execute(f"SET search_path TO {SAMPLE_SCHEMA}, public")
    try:
        tally_recount()
        yield Grievance.objects.count()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET search_path")
            cursor.execute(f"DROP SCHEMA {SAMPLE_SCHEMA} CASCADE")


def queries_and_sample_timings(people: People, samples: int) -> dict:
    seeded = Grievance.objects.filter(lodged_by__isnull=True).count()
    every = max(1, seeded // SAMPLE_ROWS)
    step(f"SQL queries per queue page: a sample of every {every}th row, then all rows")
    result: dict = {"sample": {}, "full": {}}
    with sample_table(every) as sample_rows:
        result["sample_rows"] = sample_rows
        for who, user in people.officers():
            result["sample"][who] = count_queries(user)
        result["sample_timings"] = {
            who: queue_timings(user, samples) for who, user in people.officers()
        }
        if Grievance.objects.count() != sample_rows:
            raise RuntimeError("the connection left the sample table during the measurement")
    result["full_rows"] = Grievance.objects.count()
    for who, user in people.officers():
        result["full"][who] = count_queries(user)
    return result


def session_cookie(user: User) -> dict[str, str]:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return {"Cookie": f"{name}={client.cookies[name].value}"}


def champions_queue_http(port: int, people: People, samples: int) -> dict:
    result = {}
    for who, user in people.officers():
        step(f"Queue over HTTP as the {who} officer: HTML page and API list, first and deep")
        headers = session_cookie(user)
        cursors = random_cursors(user, samples, seed=9)
        http_samples(port, ["/grievances/queue/"] * WARMUP, headers)
        result[who] = {
            "html_first": summary(http_samples(port, ["/grievances/queue/"] * samples, headers)),
            "html_deep": summary(
                http_samples(port, [f"/grievances/queue/?after={c}" for c in cursors], headers)
            ),
            "html_narrowed": summary(
                http_samples(port, [f"/grievances/queue/?{narrow_query()}"] * samples, headers)
            ),
            "api_first": summary(http_samples(port, ["/api/v1/grievances"] * samples, headers)),
            "api_deep": summary(
                http_samples(port, [f"/api/v1/grievances?after={c}" for c in cursors], headers)
            ),
        }
    return result


def lodge_cases(people: People, n: int) -> list[LodgeCase]:
    """The same grievances for both systems: an enterprise, its room (queue) and the text."""
    rng = random.Random(31)  # noqa: S311 - reproducible fake data
    room_of = dict(RoomDistrict.objects.values_list("district_id", "room__code"))
    hub_code = ControlRoom.objects.get(kind=ControlRoom.Kind.HUB).code
    districts = dict(
        Enterprise.objects.filter(pk__in=people.enterprise_ids).values_list("pk", "district_id")
    )
    cases = []
    for _ in range(n):
        enterprise_id = rng.choice(people.enterprise_ids)
        category = weighted(rng, CATEGORY_MIX)
        subject, description = grievance_text(rng, category)
        room = room_of.get(districts[enterprise_id], hub_code)
        cases.append(LodgeCase(enterprise_id, room, str(category), subject, description))
    return cases


def champions_lodge_requests(people: People, cases: list[LodgeCase]) -> list[Request]:
    """POST /api/v1/grievances as the entrepreneurs, each with their bearer token."""
    tokens = [api_token_create(user=u, name="bench").key for u in people.lodgers]
    requests = []
    for i, case in enumerate(cases):
        body = {
            "subject": case.subject,
            "description": case.description,
            "enterprise_id": case.enterprise_id,
            "category": case.category,
        }
        headers = {
            "Authorization": f"Bearer {tokens[i % len(tokens)]}",
            "Content-Type": "application/json",
            "Idempotency-Key": str(uuid.uuid4()),
        }
        requests.append(("POST", "/api/v1/grievances", json.dumps(body).encode(), headers))
    return requests


CEILING_DIR = ROOT / "scripts" / "bench_ceiling"
CEILING_TABLE = "bench_ceiling_row"


@contextmanager
def ceiling_server() -> Iterator[int]:
    """The bare-insert view (scripts/bench_ceiling) on granian, same workers, same database
    server; its table emptied first."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {CEILING_TABLE} (id bigserial PRIMARY KEY, "
            "subject varchar(200) NOT NULL, description text NOT NULL, enterprise_id bigint, "
            "category varchar(20) NOT NULL, created_at timestamptz NOT NULL)"
        )
        cursor.execute(f"TRUNCATE {CEILING_TABLE}")
    env = {**os.environ, "PYTHONPATH": str(CEILING_DIR)}
    with granian_server(
        "ceiling", ROOT / ".venv" / "bin", "ceiling_wsgi:application",
        cwd=CEILING_DIR, env=env, log_dir=VAR_DIR,
    ) as port:  # fmt: skip
        yield port


def ceiling_lodge_requests(cases: list[LodgeCase]) -> list[Request]:
    """The same JSON bodies as ours, to the bare-insert view."""
    requests = []
    for case in cases:
        body = {
            "subject": case.subject,
            "description": case.description,
            "enterprise_id": case.enterprise_id,
            "category": case.category,
        }
        headers = {"Content-Type": "application/json"}
        requests.append(("POST", "/lodge", json.dumps(body).encode(), headers))
    return requests


def lodge_rounds(args, systems: list[tuple[str, int, list[Request]]]) -> list[dict]:
    """LODGE_ROUNDS windows per system, alternating between the systems, so that a change in
    the machine's load during the run falls on both alike. Each window sends its own slice of
    the requests (the same cases for every system) after its own warm-up."""
    warmup = WARMUP * args.clients
    per_round = args.lodge_max // LODGE_ROUNDS
    window = args.lodge_seconds / LODGE_ROUNDS
    step(
        f"Creation, {' and '.join(name for name, _p, _r in systems)} alternating: "
        f"{LODGE_ROUNDS} windows each of {window:.0f} s or {per_round:,} requests, "
        f"{args.clients} clients"
    )
    runs: dict[str, list[dict]] = {name: [] for name, _p, _r in systems}
    for number in range(LODGE_ROUNDS):
        first = number * (warmup + per_round)
        for name, port, requests in systems:
            run = http_load(
                port,
                requests[first : first + warmup + per_round],
                clients=args.clients,
                seconds=window,
                warmup=warmup,
                expect=201,
            )
            runs[name].append(run)
            print(
                f"   {name}, window {number + 1}: {run['requests']:,} in {run['seconds']:.1f} s, "
                f"{run['per_second']:.1f}/s, p50 {run['p50']:.0f} ms, statuses {run['statuses']}"
            )
    return [rounds_merge(runs[name]) for name, _p, _r in systems]


def rounds_merge(runs: list[dict]) -> dict:
    latencies = [t for run in runs for t in run.pop("latencies")]
    statuses: Counter = Counter()
    for run in runs:
        statuses.update(run["statuses"])
    seconds = sum(run["seconds"] for run in runs)
    return {
        "requests": len(latencies),
        "seconds": seconds,
        "per_second": len(latencies) / seconds,
        "ok": sum(run["ok"] for run in runs),
        "statuses": dict(statuses),
        "rounds_per_second": [run["per_second"] for run in runs],
        **summary(latencies),
    }


def sweep_reset() -> int:
    """Put the seeded rows back as seeding left them, undoing an earlier run's sweeps, so that
    every run times the same catch-up. Seeded rows have only their `lodged` entry; every other
    entry on them came from a sweep. Returns the rows the sweeps had closed automatically."""
    seeded = Grievance.objects.filter(lodged_by__isnull=True)
    auto_closed = seeded.filter(timeline__action="close").values("pk")
    reopened = Grievance.objects.filter(pk__in=auto_closed).update(
        status=Status.RESOLVED, closed_at=None
    )
    seeded.filter(kind=Kind.GRIEVANCE).exclude(
        sla_state=SlaState.ON_TRACK, escalation_level=0
    ).update(sla_state=SlaState.ON_TRACK, escalation_level=0)
    # The timeline is append-only (its queryset refuses deletes, a trigger backs it up); the
    # bench undoes its own sweeps' entries on its own database with the trigger skipped.
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            f"DELETE FROM {TimelineEntry._meta.db_table} WHERE action <> 'lodged' AND "  # noqa: S608
            f"grievance_id IN (SELECT id FROM {Grievance._meta.db_table} "
            "WHERE lodged_by_id IS NULL)"
        )
    DBTaskResult.objects.all().delete()
    return reopened


def sweeps() -> list[dict]:
    now = timezone.now()  # both runs at the same moment: the second must find nothing to do
    runs = []
    for number in (1, 2):
        step(f"SLA sweep, run {number}")
        started = time.monotonic()
        result = sla_sweep(now=now)
        seconds = time.monotonic() - started
        runs.append(
            {
                "seconds": seconds,
                "examined": result.examined,
                "at_risk": result.at_risk,
                "breached": result.breached,
                "escalated": result.escalated,
                "auto_closed": result.auto_closed,
            }
        )
        print(f"   {seconds:.1f} s: {runs[-1]}")
    return runs


if __name__ == "__main__":
    sys.exit(main())
