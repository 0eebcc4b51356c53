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
# ruff: noqa: E402 - Django is configured from this script's environment before it is imported

import argparse
import http.client
import json
import math
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR_DIR = ROOT / "var" / "bench-grievances"
DOC = ROOT / "docs" / "PERFORMANCE.md"
REPORT_FILE = VAR_DIR / "report.json"  # the last run's figures, for --render-only
SEED_FILE = VAR_DIR / "seed.json"  # how the seeded rows were made, for runs that reuse them
HELPDESK_SEED_FILE = VAR_DIR / "helpdesk-seed.json"
START_MARKER = "<!-- grievances:start -->"
END_MARKER = "<!-- grievances:end -->"
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
DATABASE = "bench_grievances"
HELPDESK_DATABASE = "bench_helpdesk"
HELPDESK_DIR = ROOT / "scripts" / "bench_helpdesk"
HELPDESK_VENV = ROOT / "var" / "bench-helpdesk-venv"
HELPDESK_VERSION = "2.6.1"

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "champions.config.settings.base",
        "CHAMPIONS_VAR_DIR": str(VAR_DIR),
        "DATABASE_URL": POSTGRES + DATABASE,
        "DEBUG": "0",  # as in production; DEBUG would also keep every query in memory
    }
)
VAR_DIR.mkdir(parents=True, exist_ok=True)

import django

django.setup()

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from champions.accounts.choices import Role
from champions.accounts.models import ApiToken, User
from champions.accounts.selectors import user_get_by_email
from champions.accounts.services import api_token_create, user_create
from champions.controlrooms.models import ControlRoom, RoomDistrict
from champions.grievances.choices import (
    OPEN_STATUSES,
    Category,
    Channel,
    ComplainantType,
    Kind,
    Priority,
    SlaState,
    Status,
)
from champions.grievances.filters import GrievanceQueueFilterSet
from champions.grievances.models import (
    Grievance,
    QueueTally,
    RegistrationCounter,
    TimelineEntry,
    Triage,
)
from champions.grievances.queue.tallies import tally_recount
from champions.grievances.selectors import (
    calendar_for,
    grievance_queue_for_user,
    grievance_queue_page,
    queue_counts_by_status,
    queue_counts_for_user,
    sla_policy_for,
)
from champions.grievances.sla import sweep as sweep_module
from champions.grievances.sla.clock import Calendar, Policy, add_working_days
from champions.grievances.sla.sweep import sla_sweep
from champions.registry.models import Enterprise
from champions.triage.store import models_directory, models_manifest

PAGE_SIZE = settings.CHAMPIONS_PAGE_SIZE  # the HTML queue's page; the API's default is 25 too
SEED_BATCH = 1000  # rows per INSERT: 38 columns stay under PostgreSQL's 65,535 parameters
SEED_DAYS = 730
SAMPLE_ROWS = 10_000
SAMPLE_SCHEMA = "bench_sample"
WARMUP = 5
LODGE_ROUNDS = 3  # creation windows per system, alternating between the systems
MIN_SAMPLES = 5
SAMPLE_BUDGET_SECONDS = 90  # per HTTP case: enough samples for a p95 unless a page is slow
LODGERS_ENTERPRISES = 200
BENCH_DOMAIN = "bench.invalid"
# The narrowed queue: one category (the most common one), whose counts are counted live.
NARROW = {"category": str(Category.DELAYED_PAYMENT)}
RECOUNTS = 3  # timed tally_recount() runs after VACUUM ANALYZE
SWEEP_FILE = Path(sweep_module.__file__)


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


# --- Orchestration -----------------------------------------------------------------------------


def main() -> int:
    args = parse_args()
    if args.render_only:
        return republish()
    started = time.monotonic()
    report: dict = {"machine": machine_info(), "args": vars(args), "sweep_code": SWEEP_CODE}
    banner("Seeding (PostgreSQL, database bench_grievances)")
    database_prepare(DATABASE, fresh=args.fresh)
    step("champions setup --no-demo (migrate, reference data, network, SLA defaults)")
    call_command("setup", no_demo=True)
    report["triage_models"] = triage_models_info()
    report["enterprises"] = enterprises_ensure(args.enterprises)
    people = people_ensure(args.clients)
    leftovers_delete(people)
    report["seed"] = grievances_seed(args.grievances, people)
    if not report["seed"]["skipped"]:
        report["seed"]["recount_seconds"] = recount("after seeding (bulk_create bypasses them)")
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
    ) as port:
        report["http_queue"] = champions_queue_http(port, people, args.http_samples)
        ours = champions_lodge_requests(people, cases)
        if args.helpdesk:
            with helpdesk_server() as their_port:
                theirs = helpdesk_lodge_requests(report["helpdesk_seed"], cases, args.clients)
                report["lodge"], report["helpdesk_lodge"] = lodge_rounds(
                    args, [("Champions", port, ours), ("django-helpdesk", their_port, theirs)]
                )
        else:
            (report["lodge"],) = lodge_rounds(args, [("Champions", port, ours)])
    report["triage_models"].update(triage_counts(people))
    report["sweep"] = sweeps()
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
    doc_write(text)
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
    parser.add_argument("--fresh", action="store_true", help="drop both databases first")
    parser.add_argument(
        "--render-only", action="store_true", help="rewrite the page from the last run's figures"
    )
    args = parser.parse_args()
    if args.grievances < SAMPLE_ROWS:
        parser.error(f"--grievances must be at least {SAMPLE_ROWS:,}")
    return args


def banner(text: str) -> None:
    print(f"\n=== {text} ===", flush=True)


def step(text: str) -> None:
    print(f"-- {text}", flush=True)


def progress(label: str, done: int, total: int, started: float) -> None:
    rate = done / max(time.monotonic() - started, 1e-6)
    sys.stderr.write(f"\r   {label}: {done:,}/{total:,} ({rate:,.0f}/s)")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{seconds:.1f} s"


def machine_info() -> dict:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        kib = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": kib / 1024 / 1024,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "granian": version("granian"),
        "load_before": load_average(),
        "started": datetime.now(UTC),
        "code": code_version(),
    }


def code_version() -> dict:
    """The commit measured and the application files changed in the work tree beside it."""

    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout

    changed = [line[3:] for line in git("status", "--porcelain", "--", "src").splitlines()]
    return {"commit": git("rev-parse", "--short", "HEAD").strip(), "changed": changed}


def load_average() -> str:
    return ", ".join(f"{v:.2f}" for v in os.getloadavg())


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


def timed(call: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def database_prepare(name: str, *, fresh: bool) -> None:
    """Create the database (with --fresh, drop it first). Only the bench databases."""
    assert name in {DATABASE, HELPDESK_DATABASE}  # noqa: S101 - never the suite's or the demo's
    with psycopg.connect(POSTGRES + "postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            step(f"Dropping database {name} (--fresh)")
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


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


# --- People: officers (assignees, queue users) and entrepreneurs (API lodging) ------------------


@dataclass
class People:
    hub: User
    officers_by_room: dict[int, list[int]]
    lodgers: list[User]
    enterprise_ids: list[int]  # represented by every lodger
    spoke: User | None = None  # an officer of the spoke holding the most grievances

    def officers(self) -> list[tuple[str, User]]:
        return [("hub", self.hub), ("spoke", self.spoke)]


def bench_user(email: str, *, role: str, room_id: int | None = None) -> User:
    user = user_get_by_email(email=email)
    if user is None:
        user = user_create(
            email=email,
            password=None,
            role=role,
            control_room_id=room_id,
            full_name=email.split("@")[0].replace("-", " ").title(),
        )
    return user


def people_ensure(clients: int) -> People:
    step("Bench users: two officers per control room, a hub officer, entrepreneurs")
    officers: dict[int, list[int]] = {}
    for room in ControlRoom.objects.order_by("code"):
        role = Role.HUB_OFFICER if room.kind == ControlRoom.Kind.HUB else Role.SPOKE_OFFICER
        officers[room.pk] = [
            bench_user(
                f"bench-officer-{room.code}-{n}@{BENCH_DOMAIN}", role=role, room_id=room.pk
            ).pk
            for n in (1, 2)
        ]
    hub_room = ControlRoom.objects.get(kind=ControlRoom.Kind.HUB)
    hub = bench_user(f"bench-hub@{BENCH_DOMAIN}", role=Role.HUB_OFFICER, room_id=hub_room.pk)
    lodgers = [
        bench_user(f"bench-msme-{n}@{BENCH_DOMAIN}", role=Role.ENTREPRENEUR)
        for n in range(1, clients + 1)
    ]
    rng = random.Random(11)  # noqa: S311 - reproducible fake data
    ids = sorted(Enterprise.objects.values_list("pk", flat=True))
    enterprise_ids = rng.sample(ids, min(LODGERS_ENTERPRISES, len(ids)))
    for enterprise in Enterprise.objects.filter(pk__in=enterprise_ids):
        enterprise.representatives.add(*lodgers)
    return People(hub, officers, lodgers, enterprise_ids)


def busiest_spoke_officer(people: People) -> User:
    counts = (
        Grievance.objects.filter(room__kind=ControlRoom.Kind.SPOKE)
        .values("room")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    room_id = counts[0]["room"]
    return User.objects.get(pk=people.officers_by_room[room_id][0])


def triage_models_info() -> dict:
    """The triage models the server will load (setup trains them when missing)."""
    directory = models_directory()
    manifest = models_manifest(directory) or {}
    try:
        shown = directory.relative_to(ROOT)
    except ValueError:
        shown = directory
    step(f"Triage models: {manifest.get('version') or 'none'} in {shown}")
    return {"version": manifest.get("version"), "directory": str(shown)}


def triage_counts(people: People) -> dict:
    """How many of the grievances lodged through the API got a stored prediction."""
    lodged = Grievance.objects.filter(lodged_by__in=people.lodgers)
    triaged = Triage.objects.filter(grievance__in=lodged).values("grievance").distinct().count()
    step(f"Triage predictions stored for {triaged:,} of {lodged.count():,} lodged grievances")
    return {"lodged": lodged.count(), "triaged": triaged}


def leftovers_delete(people: People) -> None:
    """Rows an earlier run lodged through the API, and the tasks lodging enqueued."""
    lodged = Grievance.objects.filter(lodged_by__in=people.lodgers)
    count = lodged.count()
    if count:
        step(f"Deleting {count:,} grievances an earlier run lodged through the API")
        lodged.delete()
    DBTaskResult.objects.all().delete()
    ApiToken.objects.filter(user__email__endswith="@" + BENCH_DOMAIN).delete()


def enterprises_ensure(wanted: int) -> dict:
    present = Enterprise.objects.count()
    if present >= wanted:
        step(f"Enterprises: {present:,} present")
        return {"present": present, "generated": 0}
    step(f"Generating {wanted - present:,} enterprises (champions generate)")
    call_command("generate", enterprises=wanted - present)
    return {"present": Enterprise.objects.count(), "generated": wanted - present}


# --- Seeding -----------------------------------------------------------------------------------

# Shares (weights) chosen to look like a national MSME grievance desk: delayed payments and
# credit dominate (as on MSME Samadhaan and CPGRAMS), most grievances come through the web.
CATEGORY_MIX = {
    Category.DELAYED_PAYMENT: 30,
    Category.CREDIT: 14,
    Category.SUBSIDY: 10,
    Category.TAXATION: 8,
    Category.LICENCES: 7,
    Category.INFRASTRUCTURE: 7,
    Category.PROCUREMENT: 5,
    Category.UDYAM: 5,
    Category.RAW_MATERIAL: 3,
    Category.LABOUR: 3,
    Category.TECHNOLOGY: 2,
    Category.MARKET_ACCESS: 2,
    Category.OTHER: 4,
}
PRIORITY_MIX = {Priority.NORMAL: 80, Priority.HIGH: 12, Priority.LOW: 5, Priority.CRITICAL: 3}
CHANNEL_MIX = {
    Channel.WEB: 60,
    Channel.API: 10,
    Channel.PHONE: 12,
    Channel.EMAIL: 8,
    Channel.LETTER: 3,
    Channel.VIDEO: 1,
    Channel.CPGRAMS: 6,
}
COMPLAINANT_MIX = {
    ComplainantType.ENTERPRISE: 92,
    ComplainantType.ASPIRING: 5,
    ComplainantType.ASSOCIATION: 3,
}
LANGUAGE_MIX = {"en": 70, "hi": 20, "hinglish": 10}
RATING_MIX = {5: 40, 4: 30, 3: 15, 2: 8, 1: 7}
SUGGESTION_SHARE = 0.05
NATIONAL_SHARE = 0.02  # grievances sent to the hub rather than a spoke
RATED_SHARE = 0.6
# Status by age: recent grievances are mostly open; old ones closed, with a stuck tail.
RECENT_MIX = {
    Status.SUBMITTED: 20,
    Status.ASSIGNED: 18,
    Status.IN_PROGRESS: 27,
    Status.AWAITING_MSME: 5,
    Status.REOPENED: 1,
    Status.RESOLVED: 14,
    Status.CLOSED: 15,
}
MIDDLE_MIX = {
    Status.SUBMITTED: 1,
    Status.ASSIGNED: 2,
    Status.IN_PROGRESS: 6,
    Status.AWAITING_MSME: 3,
    Status.REOPENED: 1.5,
    Status.APPEALED: 1.5,
    Status.RESOLVED: 3,
    Status.CLOSED: 77,
    Status.APPEAL_DECIDED: 5,
}
OLD_MIX = {
    Status.IN_PROGRESS: 1,
    Status.AWAITING_MSME: 0.5,
    Status.REOPENED: 0.3,
    Status.APPEALED: 0.2,
    Status.CLOSED: 93,
    Status.APPEAL_DECIDED: 5,
}
CONCLUDED = {Status.RESOLVED, Status.CLOSED, Status.APPEALED, Status.APPEAL_DECIDED}
APPEALS = {Status.APPEALED, Status.APPEAL_DECIDED}

SUBJECTS = {
    Category.DELAYED_PAYMENT: [
        "Payment for invoice {n} pending for {d} days",
        "{buyer} has not paid for supplies made in {month}",
    ],
    Category.CREDIT: [
        "Loan application pending at the bank for {d} days",
        "Bank asking for collateral on a CGTMSE-covered loan",
    ],
    Category.SUBSIDY: ["Subsidy under the scheme not released", "Capital subsidy claim {n} stuck"],
    Category.TAXATION: ["GST refund {n} not processed", "Demand notice raised in error"],
    Category.LICENCES: [
        "Factory licence renewal pending for {d} days",
        "Pollution consent not granted",
    ],
    Category.INFRASTRUCTURE: [
        "Power cuts of {d} hours a day in the industrial area",
        "Water connection not given to the unit",
    ],
    Category.PROCUREMENT: ["GeM order {n}: payment not released", "Tender rejected without reason"],
    Category.UDYAM: ["Cannot update Udyam registration", "Wrong category on Udyam certificate"],
    Category.RAW_MATERIAL: ["Steel supply delayed by {d} days", "Raw material prices doubled"],
    Category.LABOUR: ["Labour inspection notice {n}", "ESI registration problem"],
    Category.TECHNOLOGY: ["ZED certification fee not reimbursed", "Testing lab report delayed"],
    Category.MARKET_ACCESS: ["Export incentive not received", "Trade fair stall refund pending"],
    Category.OTHER: ["Need help with a government department", "Complaint about an office"],
}
BUYERS = [
    "A central PSU",
    "A state PSU",
    "The district hospital",
    "A railway division",
    "A private buyer",
    "The municipal corporation",
    "A state department",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SENTENCES = [
    "We are a micro enterprise with {d} workers and this has stopped our work.",
    "We wrote to the office on {n} but have had no reply.",
    "The amount involved is Rs {amount}.",
    "Our working capital is blocked and we cannot pay wages this month.",
    "Please ask the concerned officer to act quickly.",
    "All documents were submitted online and the acknowledgement is attached.",
    "The officer asked us to come again next week, three times now.",
    "Under the MSMED Act interest is payable on delayed payments.",
    "We request the Ministry to take up the matter.",
]


@dataclass
class SeedContext:
    """What generating rows needs, read once from the database."""

    enterprises: list[tuple[int, int, int, str]]  # id, district, state, owner
    room_by_district: dict[int, int]
    room_names: dict[int, str]
    hub_id: int
    officers_by_room: dict[int, list[int]]
    state_codes: dict[int, str]
    policies: dict[tuple[str, str], Policy]
    calendars: dict[int | None, Calendar]
    now: datetime
    serials: Counter = field(default_factory=Counter)
    due_cache: dict = field(default_factory=dict)


def seed_context(people: People) -> SeedContext:
    from champions.core.models import State

    return SeedContext(
        enterprises=list(
            Enterprise.objects.order_by("pk").values_list(
                "pk", "district_id", "state_id", "owner_name"
            )
        ),
        room_by_district=dict(RoomDistrict.objects.values_list("district_id", "room_id")),
        room_names=dict(ControlRoom.objects.values_list("pk", "name")),
        hub_id=ControlRoom.objects.get(kind=ControlRoom.Kind.HUB).pk,
        officers_by_room=people.officers_by_room,
        state_codes=dict(State.objects.values_list("pk", "udyam_code")),
        policies={
            (c, p): sla_policy_for(category=c, priority=p) for c in Category for p in Priority
        },
        calendars={
            state: calendar_for(state_id=state)
            for state in [None, *State.objects.values_list("pk", flat=True)]
        },
        now=timezone.now(),
    )


def grievances_seed(wanted: int, people: People) -> dict:
    present = Grievance.objects.filter(lodged_by__isnull=True).count()
    if present == wanted:
        step(f"Seeding skipped: {present:,} grievances already there")
        return {"skipped": True, "rows": present, "earlier": seed_record()}
    if present:
        step(f"{present:,} grievances present, {wanted:,} wanted: emptying the grievance tables")
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE grievances_grievance, grievances_timelineentry, "
                "grievances_registrationcounter CASCADE"
            )
    step(f"Seeding {wanted:,} grievances (bulk_create, {SEED_BATCH:,} rows a statement)")
    ctx = seed_context(people)
    started = time.monotonic()
    done = 0
    with historic_timestamps():
        for batch in batched(seed_rows(ctx, wanted), SEED_BATCH * 10):
            with transaction.atomic():
                Grievance.objects.bulk_create(batch, batch_size=SEED_BATCH)
                TimelineEntry.objects.bulk_create(
                    [lodged_entry(ctx, g) for g in batch], batch_size=SEED_BATCH * 5
                )
            done += len(batch)
            progress("grievances", done, wanted, started)
    for (year, code), last in ctx.serials.items():
        RegistrationCounter.objects.update_or_create(year=year, code=code, defaults={"last": last})
    seconds = time.monotonic() - started
    result = {"skipped": False, "rows": wanted, "seconds": seconds, "per_second": wanted / seconds}
    SEED_FILE.write_text(json.dumps({**result, "at": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"}))
    return result


def seed_record() -> dict | None:
    return json.loads(SEED_FILE.read_text()) if SEED_FILE.exists() else None


@contextmanager
def historic_timestamps() -> Iterator[None]:
    """Let bulk_create keep the seeded times instead of auto_now/auto_now_add's `now`."""
    fields = [Grievance._meta.get_field("updated_at"), TimelineEntry._meta.get_field("created_at")]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def batched(rows: Iterator, size: int) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def weighted(rng: random.Random, mix: dict):
    return rng.choices(list(mix), weights=list(mix.values()))[0]


def seed_rows(ctx: SeedContext, n: int) -> Iterator[Grievance]:
    """`n` grievances lodged over the last two years, oldest first, deterministic."""
    rng = random.Random(2026)  # noqa: S311 - reproducible fake data
    span = SEED_DAYS * 86400
    for i in range(n):
        # Volume grows threefold over the two years: density 1 + 2x on [0, 1], inverted.
        u = (i + rng.random()) / n
        x = (math.sqrt(1 + 8 * u) - 1) / 2
        yield seed_grievance(ctx, rng, ctx.now - timedelta(seconds=span * (1 - x)))


def seed_grievance(ctx: SeedContext, rng: random.Random, lodged_at: datetime) -> Grievance:
    enterprise_id, district_id, state_id, owner = rng.choice(ctx.enterprises)
    kind = Kind.SUGGESTION if rng.random() < SUGGESTION_SHARE else Kind.GRIEVANCE
    complainant_type = weighted(rng, COMPLAINANT_MIX)
    age_days = (ctx.now - lodged_at).days
    mix = RECENT_MIX if age_days < 30 else MIDDLE_MIX if age_days < 90 else OLD_MIX
    status = weighted(rng, mix)
    to_hub = kind == Kind.SUGGESTION or rng.random() < NATIONAL_SHARE or status in APPEALS
    category = weighted(rng, CATEGORY_MIX)
    subject, description = grievance_text(rng, category)
    grievance = Grievance(
        kind=kind,
        channel=weighted(rng, CHANNEL_MIX),
        complainant_type=complainant_type,
        enterprise_id=enterprise_id if complainant_type == ComplainantType.ENTERPRISE else None,
        contact_name=owner or "Proprietor",
        contact_email=f"unit{enterprise_id}@example.in",
        contact_phone=f"9{rng.randrange(10**9):09d}",
        subject=subject,
        description=description,
        language=weighted(rng, LANGUAGE_MIX),
        category=category,
        priority=weighted(rng, PRIORITY_MIX),
        state_id=state_id,
        district_id=district_id,
        room_id=ctx.hub_id if to_hub else ctx.room_by_district.get(district_id, ctx.hub_id),
        status=status,
        # As lodging left them: the SLA sweep has not run over the seeded rows yet.
        sla_state=SlaState.NONE if kind == Kind.SUGGESTION else SlaState.ON_TRACK,
        lodged_at=lodged_at,
    )
    grievance.registration_number = registration_number(ctx, grievance)
    if kind == Kind.GRIEVANCE:
        seed_due_dates(ctx, grievance)
    seed_lifecycle(ctx, rng, grievance)
    return grievance


def grievance_text(rng: random.Random, category: str) -> tuple[str, str]:
    values = {
        "n": f"{rng.randrange(1000, 99999)}",
        "d": rng.randrange(5, 240),
        "buyer": rng.choice(BUYERS),
        "month": rng.choice(MONTHS),
        "amount": f"{rng.randrange(20_000, 5_000_000):,}",
    }
    subject = rng.choice(SUBJECTS[category]).format(**values)
    sentences = rng.sample(SENTENCES, rng.randrange(2, 5))
    return subject, " ".join([subject + ".", *(s.format(**values) for s in sentences)])


def registration_number(ctx: SeedContext, grievance: Grievance) -> str:
    year = timezone.localtime(grievance.lodged_at).year
    code = ctx.state_codes.get(grievance.state_id, "HQ") if grievance.enterprise_id else "HQ"
    ctx.serials[year, code] += 1
    return f"CHMP/{year}/{code}/{ctx.serials[year, code]:07d}"


def working_days_after(ctx: SeedContext, start: datetime, state_id: int | None, days: int):
    """add_working_days on the state's calendar, cached per (day, state, days)."""
    key = (start.date(), state_id, days)
    delta = ctx.due_cache.get(key)
    if delta is None:
        delta = add_working_days(start, days, ctx.calendars.get(state_id, ctx.calendars[None]))
        delta = ctx.due_cache[key] = delta - start
    return start + delta


def seed_due_dates(ctx: SeedContext, grievance: Grievance) -> None:
    policy = ctx.policies[grievance.category, grievance.priority]
    start, state = grievance.lodged_at, grievance.state_id
    grievance.assign_due_at = working_days_after(ctx, start, state, policy.assign_days)
    grievance.escalate_due_at = working_days_after(ctx, start, state, policy.escalate_days)
    grievance.resolution_due_at = working_days_after(ctx, start, state, policy.resolve_days)


def seed_lifecycle(ctx: SeedContext, rng: random.Random, grievance: Grievance) -> None:
    """Assignee, pause, resolution, closure, appeal and rating consistent with the status."""
    status, lodged_at, now = grievance.status, grievance.lodged_at, ctx.now
    age = now - lodged_at
    if status != Status.SUBMITTED:
        grievance.assignee_id = rng.choice(ctx.officers_by_room[grievance.room_id])
    if status == Status.AWAITING_MSME:
        grievance.paused_at = now - age * rng.uniform(0, 0.3)
    if status == Status.RESOLVED:
        # Some resolved more than 15 days ago: the sweep closes those (unrated).
        grievance.resolved_at = now - min(age, timedelta(days=18)) * rng.random()
    elif status in CONCLUDED:
        grievance.resolved_at = lodged_at + age * rng.uniform(0.02, 0.5)
        window = min(now - grievance.resolved_at, timedelta(days=15))
        grievance.closed_at = grievance.resolved_at + window * rng.random()
        if status in APPEALS:
            grievance.rating = rng.choice([1, 2])
            appeal_days = ctx.policies[grievance.category, grievance.priority].appeal_days
            grievance.appeal_due_at = working_days_after(
                ctx, grievance.closed_at, grievance.state_id, appeal_days
            )
        elif rng.random() < RATED_SHARE:
            grievance.rating = weighted(rng, RATING_MIX)
    grievance.updated_at = grievance.closed_at or grievance.resolved_at or lodged_at


def lodged_entry(ctx: SeedContext, grievance: Grievance) -> TimelineEntry:
    return TimelineEntry(
        grievance=grievance,
        action="lodged",
        to_status=Status.SUBMITTED,
        note=f"Lodged by {grievance.channel}, routed to {ctx.room_names[grievance.room_id]}.",
        created_at=grievance.lodged_at,
    )


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


# --- Queue: in process -------------------------------------------------------------------------


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


def narrow_query() -> str:
    return "&".join(f"{k}={v}" for k, v in NARROW.items())


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


# --- HTTP: the production server, load from this process (127.0.0.1 only) ----------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def granian_server(name: str, bin_dir: Path, app: str, *, cwd: Path, env: dict) -> Iterator[int]:
    """`granian --interface wsgi --workers 2` on a free port of 127.0.0.1, stopped afterwards."""
    port = free_port()
    log = VAR_DIR / f"granian-{name}.log"
    command = [
        str(bin_dir / "granian"),
        "--interface",
        "wsgi",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "2",
        "--no-access-log",
        app,
    ]
    step(f"Starting {' '.join(command[1:])} ({name}; log in {log.relative_to(ROOT)})")
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


def wait_for_server(server: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 60
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
    raise RuntimeError("the server did not answer within 60 s")


def http_samples(port: int, paths: list[str], headers: dict[str, str]) -> list[float]:
    """Each path once, in order, on one keep-alive connection: milliseconds per response.
    Stops early after SAMPLE_BUDGET_SECONDS once MIN_SAMPLES are in (slow pages)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    times: list[float] = []
    deadline = time.monotonic() + SAMPLE_BUDGET_SECONDS
    for path in paths:
        if len(times) >= MIN_SAMPLES and time.monotonic() > deadline:
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


@dataclass(frozen=True)
class LodgeCase:
    enterprise_id: int
    room_code: str
    category: str
    subject: str
    description: str


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


Request = tuple[str, str, bytes, dict[str, str]]  # method, path, body, headers


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


# --- Sweep -------------------------------------------------------------------------------------


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
    TimelineEntry.objects.filter(grievance__lodged_by__isnull=True).exclude(
        action="lodged"
    ).delete()
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


# --- django-helpdesk ---------------------------------------------------------------------------


def helpdesk_python() -> Path:
    return HELPDESK_VENV / "bin" / "python"


def helpdesk_install() -> None:
    """Its own virtual environment; pip picks the Django that helpdesk 2.6.1 requires. The
    server and the database driver are pinned to ours, so that only the application differs."""
    if not helpdesk_python().exists():
        step(f"Creating {HELPDESK_VENV.relative_to(ROOT)}")
        subprocess.run([sys.executable, "-m", "venv", str(HELPDESK_VENV)], check=True)
    wanted = [
        f"django-helpdesk=={HELPDESK_VERSION}",
        f"granian=={version('granian')}",
        f"psycopg[binary]=={version('psycopg')}",
    ]
    step(f"pip install {' '.join(wanted)}")
    subprocess.run(
        [
            str(helpdesk_python()),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *wanted,
        ],
        check=True,
    )


def helpdesk_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "CHAMPIONS"))}
    env.pop("DATABASE_URL", None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "helpdesk_settings",
            "BENCH_HELPDESK_DATABASE": HELPDESK_DATABASE,
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def helpdesk_call(command: str, *options: str) -> dict:
    out = VAR_DIR / f"helpdesk-{command}.json"
    out.unlink(missing_ok=True)
    subprocess.run(
        [
            str(helpdesk_python()),
            str(HELPDESK_DIR / "run.py"),
            command,
            "--out",
            str(out),
            *options,
        ],
        cwd=HELPDESK_DIR,
        env=helpdesk_env(),
        check=True,
    )
    return json.loads(out.read_text())


def helpdesk_prepare(args, people: People) -> dict:
    helpdesk_install()
    database_prepare(HELPDESK_DATABASE, fresh=args.fresh)
    prepared = helpdesk_call(
        "prepare",
        "--tickets",
        str(args.grievances),
        "--source",
        POSTGRES + DATABASE,
        "--spoke-room",
        people.spoke.control_room.code,
        "--lodgers",
        str(args.clients),
    )
    if prepared["skipped"]:
        prepared["earlier"] = json.loads(HELPDESK_SEED_FILE.read_text())
    else:
        record = {k: prepared[k] for k in ("tickets", "seconds", "per_second")}
        record["at"] = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        HELPDESK_SEED_FILE.write_text(json.dumps(record))
    return prepared


def helpdesk_server():
    return granian_server(
        "helpdesk",
        HELPDESK_VENV / "bin",
        "helpdesk_wsgi:application",
        cwd=HELPDESK_DIR,
        env=helpdesk_env(),
    )


def helpdesk_measure(args, prepared: dict) -> dict:
    result = {"in_process": helpdesk_call("measure", "--samples", str(args.samples))}
    with helpdesk_server() as port:
        result["http_list"] = helpdesk_list_http(port, prepared, args.http_samples)
    return result


def helpdesk_list_http(port: int, prepared: dict, samples: int) -> dict:
    """Their ticket list as a browser loads it: the page, then its datatables JSON (25 rows)."""
    result = {}
    data = f"/datatables_ticket_list/{prepared['list_query']}?draw=1&length={PAGE_SIZE}&start="
    rng = random.Random(9)  # noqa: S311 - reproducible offsets
    for who in ("hub", "spoke"):
        step(f"django-helpdesk ticket list over HTTP as the {who} user: page + data, deep pages")
        headers = {"Cookie": f"sessionid={prepared['sessions'][who]}"}
        http_samples(port, ["/tickets/", data + "0"] * WARMUP, headers)
        page = http_samples(port, ["/tickets/"] * samples, headers)
        first = http_samples(port, [data + "0"] * samples, headers)
        rows = prepared["open_rows"][who]
        offsets = [rng.randrange(0, max(1, rows - PAGE_SIZE)) for _ in range(samples)]
        result[who] = {
            "page": summary(page),
            "data_first": summary(first),
            "first": summary([a + b for a, b in zip(page, first, strict=False)]),
            "data_deep": summary(http_samples(port, [data + str(o) for o in offsets], headers)),
        }
    return result


def helpdesk_lodge_requests(prepared: dict, cases: list[LodgeCase], clients: int) -> list:
    """POST /api/tickets/ (DRF, which creates through their TicketForm) with a DRF token."""
    requests = []
    for i, case in enumerate(cases):
        body = {
            "queue": prepared["queues"][case.room_code],
            "title": case.subject,
            "description": case.description,
            "submitter_email": f"lodger-{i % clients + 1}@bench-lodge.invalid",
            "priority": 3,
        }
        headers = {
            "Authorization": f"Token {prepared['token']}",
            "Content-Type": "application/json",
        }
        requests.append(("POST", "/api/tickets/", json.dumps(body).encode(), headers))
    return requests


# --- Report ------------------------------------------------------------------------------------


def ms(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def ratio(ours: float, theirs: float) -> str:
    if not theirs:
        return "n/a"
    value = ours / theirs
    return f"{value:.2f}" if value >= 0.01 else f"{value:.1g}"  # 0.0009, not 0.00


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(header) - 1)
    return ["| " + " | ".join(r) + " |" for r in [header, align, *rows]]


def render(report: dict) -> str:
    lines = ["## Grievances at national scale", ""]
    lines += render_method(report)
    lines += render_seed_and_lodge(report)
    lines += render_queue(report)
    lines += render_queries(report)
    lines += render_sweep(report)
    if "helpdesk" in report:
        lines += render_helpdesk(report)
    return "\n".join(lines).rstrip() + "\n"


def render_method(report: dict) -> list[str]:
    m, a, db = report["machine"], report["args"], report["database"]
    few = max(10, a["samples"] // 5)
    return [
        "Written by `make bench-grievances` (`python scripts/bench_grievances.py`, also run by "
        "`make bench`); every figure below was measured by that run.",
        "",
        f"- Date: {m['started']:%Y-%m-%d %H:%M} UTC; the whole run took "
        f"{duration(report['seconds'])}.",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']:.1f} GiB RAM, {m['os']}; "
        f"Python {m['python']}, Django {m['django']}, PostgreSQL {db['postgres']}, "
        f"granian {m['granian']}.",
        f"- Code: {code_line(m.get('code'))}.",
        f"- Load average (1, 5, 15 min) before: {m['load_before']}; after: {m['load_after']}. "
        "Other work on the machine (another benchmark, browser tests) may share the two cores; "
        "the load average says how much. The load generator runs on the same machine as the "
        "server and the database.",
        f"- Data: {db['grievances']:,} seeded grievances, {db['open']:,} of them open, with "
        f"{db['timeline_entries']:,} timeline entries, about "
        f"{report['enterprises']['present']:,} synthetic enterprises; database "
        f"{db['size_mib']:,.0f} MiB before lodging. The queue and the sweep are measured on "
        "these rows (lodging adds a few thousand).",
        "",
        "### Method",
        "",
        f"- Seeding: `bulk_create` in statements of {SEED_BATCH:,} rows, one transaction per "
        f"{SEED_BATCH * 10:,}, each grievance with its first timeline entry. Lodged over "
        f"{SEED_DAYS} days with volume growing threefold; the enterprise (and so the district, "
        "the state and the spoke) drawn from the synthetic registry, whose districts follow "
        "real Udyam registrations; categories led by delayed payments (30 %) and credit (14 %); "
        "5 % suggestions and 2 % national grievances (hub); status by age (recent: mostly open; "
        "older than 90 days: 93 % closed, 2 % stuck open); due dates in working days on each "
        "state's holiday calendar from the SLA policies. Skipped when the rows are there. "
        "Then `tally_recount()`: `bulk_create` bypasses `Grievance.save()`, which keeps the "
        "queue's counts per (room, status) in `QueueTally`.",
        f"- Lodging: {a['clients']} client threads in this process, one keep-alive connection "
        "each, POST JSON with a bearer token (8 entrepreneurs representing the same "
        f"{LODGERS_ENTERPRISES} enterprises) and an `Idempotency-Key`, against granian "
        "(`--interface wsgi --workers 2`, settings `base` with DEBUG off) on 127.0.0.1. "
        f"{LODGE_ROUNDS} windows of {a['lodge_seconds'] / LODGE_ROUNDS:.0f} s (or "
        f"{a['lodge_max'] // LODGE_ROUNDS:,} requests), each after {WARMUP} warm-up requests "
        "per client; with django-helpdesk, both servers run and the windows alternate between "
        "the two systems, so that changes in the machine's load fall on both. "
        + triage_line(report.get("triage_models")),
        f"- Queue: the spoke officer works in the busiest spoke ({db['spoke_room']}, "
        f"{db['spoke_rows']:,} grievances); the hub officer sees all of them. In process: "
        f"`grievance_queue_page` (keyset, {PAGE_SIZE} rows) on `grievance_queue_for_user`; "
        f"newest first: first page {a['samples']} times and {a['samples']} deep pages at "
        f"random cursors; due soonest: first page {few} times and {few} deep pages at random "
        "cursors. Counts by status separately, as the views take them: "
        "`queue_counts_for_user` on the FilterSet's queryset without the status, for the whole "
        f"queue (`narrowed=False`: read from the tallies) {a['samples']} times, and narrowed "
        f"to `{narrow_query()}` (`narrowed=True`: counted live) {few} times; for comparison, "
        "the whole queue counted live (`queue_counts_by_status`, what the views ran before "
        f"the tallies) {few} times. Over HTTP (the same granian server, one keep-alive "
        f"connection, logged-in session cookie): {a['http_samples']} requests per row, "
        "sequential. Percentiles interpolate between the closest ranks.",
        f"- SQL queries per page: Django's test client with `CaptureQueriesContext`, first on a "
        f"copy of every n-th seeded row (about {SAMPLE_ROWS:,}) in its own schema put first "
        "on the search path, then on all rows.",
        "- Sweep: `sla_sweep()` twice with the same `now`. At the start of the run the seeded "
        "rows are put back as seeding left them (on track, at the spoke, no sweep entries, no "
        "tasks; auto-closed rows resolved again) with `QuerySet.update`, and the tallies are "
        "recounted, so every run times the same catch-up: the first sweep does all the work "
        "on rows no sweep has seen, the second (same moment) must find nothing.",
        "- Both databases get `VACUUM ANALYZE` before measuring (what autovacuum does after a "
        "bulk load).",
        "",
    ]


def triage_line(models: dict | None) -> str:
    """How lodging ran the triage models (on the request path when they exist)."""
    if not models or not models.get("version"):
        return (
            "Lodging ran without the triage models (none in the bench's var directory): "
            "production runs them on the request path, so it is measured lighter than it runs."
        )
    return (
        "Lodging includes triage, as in production: `grievance_create` runs the triage models "
        f"(version `{models['version']}`, in `{models['directory']}`) on the request path, "
        "which pre-fill the category, department and priority (and so the due dates) and "
        "store the prediction; the embedding is a task enqueued after commit, not run here. "
        f"Predictions stored for the grievances lodged: {models.get('triaged', 0):,} of "
        f"{models.get('lodged', 0):,}."
    )


def code_line(code: dict | None) -> str:
    if not code:
        return "not recorded"
    if not code["changed"]:
        return f"commit {code['commit']}, no uncommitted changes under `src/`"
    files = ", ".join(f"`{path}`" for path in code["changed"])
    return f"commit {code['commit']} with uncommitted changes to {files}"


def render_seed_and_lodge(report: dict) -> list[str]:
    seed, lodge = report["seed"], report["lodge"]
    if not seed["skipped"]:
        seeded = (
            f"{seed['rows']:,} rows in {duration(seed['seconds'])}: "
            f"{seed['per_second']:,.0f} rows/s (with their timeline entries)"
        )
    elif earlier := seed.get("earlier") or seed_record():
        seeded = (
            f"skipped, the {seed['rows']:,} rows were there. The run that seeded them "
            f"({earlier['at']}) took {duration(earlier['seconds'])}: "
            f"{earlier['per_second']:,.0f} rows/s (with their timeline entries)"
        )
    else:
        seeded = f"skipped ({seed['rows']:,} rows already there)"
    if "recount_seconds" in seed:
        seeded += f"; then `tally_recount()` in {seed['recount_seconds']:.2f} s"
    return [
        "### Seeding and lodging",
        "",
        f"- Seeding: {seeded}.",
        "",
        *table(
            [
                "Lodging through the API",
                "Requests",
                "Seconds",
                "Requests/s",
                "p50 ms",
                "p95 ms",
                "max ms",
                "Answered 201",
            ],
            [
                [
                    "POST /api/v1/grievances",
                    f"{lodge['requests']:,}",
                    f"{lodge['seconds']:.1f}",
                    f"{lodge['per_second']:.1f}",
                    ms(lodge["p50"]),
                    ms(lodge["p95"]),
                    ms(lodge["max"]),
                    f"{lodge['ok']:,}",
                ]
            ],
        ),
        "",
    ]


def render_queue(report: dict) -> list[str]:
    q, h, rows = report["queue"], report["http_queue"], report["database"]["grievances"]
    narrow = narrow_query()
    spec = [
        ("Keyset page, first (in process)", q, "first"),
        ("Keyset page, deep cursor (in process)", q, "deep"),
        ("Keyset page, due soonest, first (in process)", q, "due_first"),
        ("Keyset page, due soonest, deep cursor (in process)", q, "due_deep"),
        ("Counts by status, whole queue: tallies (in process)", q, "counts"),
        (f"Counts by status, narrowed to `{narrow}`: live (in process)", q, "counts_narrowed"),
        ("Counts by status, whole queue counted live, as before (in process)", q, "counts_live"),
        ("HTML /grievances/queue/, first page (HTTP)", h, "html_first"),
        ("HTML /grievances/queue/?after=, deep (HTTP)", h, "html_deep"),
        (f"HTML /grievances/queue/?{narrow}, first page (HTTP)", h, "html_narrowed"),
        ("API /api/v1/grievances, first page (HTTP)", h, "api_first"),
        ("API /api/v1/grievances?after=, deep (HTTP)", h, "api_deep"),
    ]
    body = [
        [
            label,
            ms(src["hub"][key]["p50"]),
            ms(src["hub"][key]["p95"]),
            ms(src["spoke"][key]["p50"]),
            ms(src["spoke"][key]["p95"]),
        ]
        for label, src, key in spec
    ]
    sample = report["queries"]["sample_timings"]
    body += [
        [
            f"{label} at {report['queries']['sample_rows']:,} rows",
            ms(sample["hub"][key]["p50"]),
            ms(sample["hub"][key]["p95"]),
            ms(sample["spoke"][key]["p50"]),
            ms(sample["spoke"][key]["p95"]),
        ]
        for label, key in [
            ("Keyset page, first", "first"),
            ("Keyset page, deep", "deep"),
            ("Counts by status, tallies", "counts"),
            ("Counts by status, narrowed", "counts_narrowed"),
        ]
    ]
    matched = all(q[who]["tallies_match"] for who in ("hub", "spoke"))
    # Said only while a deep due-soonest page costs many first pages.
    due_deep_slow = any(
        q[who]["due_deep"]["p50"] > 5 * q[who]["due_first"]["p50"] for who in ("hub", "spoke")
    )
    return [
        f"### Queue page at {rows:,} grievances",
        "",
        *table(["Page", "Hub p50 ms", "Hub p95 ms", "Spoke p50 ms", "Spoke p95 ms"], body),
        "",
        "The HTML page and the API list both run the keyset page and the per-status counts. "
        "When nothing narrows the queue (no filter but the status and the sort), the counts "
        "are read from `QueueTally`, one row per (control room, status) that `Grievance.save()` "
        "moves in the same transaction: a query over a few hundred rows (the hub sums every "
        "room's, a spoke officer reads their room's), whatever the number of grievances. A "
        f"filter (here `{narrow}`, the largest category) makes them a GROUP BY over the "
        "matching grievances the officer may see, counted live with `COUNT(*)` per status, "
        "which the indexes (room, category, status) for a spoke and (category, status) for "
        "the hub can answer from the index alone; it still reads every matching index entry, "
        "so a narrowed page grows with the number of matching rows. Neither list uses "
        "DISTINCT any more (an entrepreneur's scope is a subquery, not a join). The "
        "due-soonest order (`resolution_due_at`, then id, suggestions without a due date "
        "last) is read in two queries, each a plain index range: the dated rows from the "
        "cursor on (room, resolution_due_at, id) for a spoke and (resolution_due_at, id) for "
        "the hub, then, if the page is not full, the undated ones by id. "
        + ("A deep due-soonest page still costs many first pages. " if due_deep_slow else "")
        + (
            "Before measuring, the tallies equalled the live counts for both officers."
            if matched
            else "**Before measuring, the tallies differed from the live counts.**"
        ),
        "",
        *render_tallies(report),
    ]


def render_tallies(report: dict) -> list[str]:
    r, after = report["recount"], report["tallies_after"]
    if after["differ"]:
        example = after["examples"][0]
        kept = (
            f"**differed from the grievances** in {after['differ']:,} of the (room, status) "
            f"pairs, by {after['off_by']:,} grievances in all (e.g. room {example['room']}, "
            f"{example['status']}: tally {example['tally']:,}, grievances "
            f"{example['grievances']:,})"
        )
    else:
        kept = f"equalled the grievances in all {after['pairs']:,} (room, status) pairs"
    return [
        "### Queue counts: the tallies",
        "",
        f"- `tally_recount()`, what the daily `queue-recount` job runs (one GROUP BY over every "
        "grievance, then the tally rows deleted and written again, under an EXCLUSIVE lock on "
        "the tally table that makes lodgings and transitions wait): "
        f"{r['grievances']:,} grievances into {r['rows']:,} rows in {r['p50']:.2f} s (median "
        f"of {len(r['runs'])} runs after VACUUM ANALYZE: "
        f"{', '.join(f'{x:.2f}' for x in r['runs'])} s). Right after the reset had rewritten "
        f"rows with `QuerySet.update`, before VACUUM ANALYZE: {r['after_reset']:.2f} s.",
        f"- After lodging through the API (`Grievance.save()`) and the two sweeps, the tallies "
        f"{kept}.",
        "",
    ]


def render_queries(report: dict) -> list[str]:
    q = report["queries"]
    body = []
    equal = True
    for who in ("hub", "spoke"):
        for label, small in q["sample"][who].items():
            full = q["full"][who][label]
            equal &= small == full
            body.append([f"{who.title()}: {label}", str(small), str(full)])
    verdict = "equal on every page" if equal else "**not equal**: see the rows above"
    return [
        "### SQL queries per queue page",
        "",
        *table(["Page", f"{q['sample_rows']:,} rows", f"{q['full_rows']:,} rows"], body),
        "",
        f"The counts are {verdict}. They include the session, the user and, for officers, "
        "the session write that records their last request.",
        "",
    ]


def render_sweep(report: dict) -> list[str]:
    body = [
        [
            f"Run {n}",
            f"{r['seconds']:.1f}",
            f"{r['examined']:,}",
            f"{r['at_risk']:,}",
            f"{r['breached']:,}",
            f"{r['escalated']:,}",
            f"{r['auto_closed']:,}",
        ]
        for n, r in enumerate(report["sweep"], 1)
    ]
    return [
        "### SLA sweep",
        "",
        *table(
            [
                "sla_sweep()",
                "Seconds",
                "Open grievances examined",
                "At risk",
                "Breached",
                "Escalated",
                "Auto-closed",
            ],
            body,
        ),
        "",
        *sweep_notes(report),
        "",
    ]


def sweep_notes(report: dict) -> list[str]:
    code = report.get("sweep_code") or {}
    changes = (
        f"with uncommitted changes ({code['diff_stat']})"
        if code.get("diff_stat")
        else f"as committed ({code.get('commit', '?')})"
    )
    path, lines = code.get("path", "sweep.py"), code.get("lines", "?")
    measured = f"Measured: `{path}` {changes}, {lines} lines."
    if code.get("batched"):
        how = (
            "The sweep reads only open grievances (in batches of 500 by id), so its time follows "
            "the open backlog, not the closed history. Each batch is one transaction: one bulk "
            "INSERT of its timeline entries, one bulk UPDATE of the rows that changed and, on "
            "commit, one notification task for the batch's escalations. Unrated resolved "
            "grievances are closed 500 at a time (rows locked and checked again, one UPDATE, "
            "one bulk INSERT of entries, the tallies moved)."
        )
    else:
        how = (
            "The sweep reads only open grievances (in batches of 500 by id), so its time "
            "follows the open backlog, not the closed history. Each change writes a timeline "
            "entry, and each escalation also enqueues a notification task on commit (its own "
            "INSERT and COMMIT): a catch-up run is dominated by those writes."
        )
    return [f"{how} {measured}"]


def render_helpdesk(report: dict) -> list[str]:
    hd, seed = report["helpdesk"], report["helpdesk_seed"]
    ours_lodge, their_lodge = report["lodge"], report["helpdesk_lodge"]
    q, h, theirs = report["queue"], report["http_queue"], hd["http_list"]
    inproc = hd["in_process"]
    rows = [
        [
            "Creation: requests/s (higher is better)",
            f"{ours_lodge['per_second']:.1f}",
            f"{their_lodge['per_second']:.1f}",
            ratio(ours_lodge["per_second"], their_lodge["per_second"]),
        ],
        [
            "Creation: p50 ms",
            ms(ours_lodge["p50"]),
            ms(their_lodge["p50"]),
            ratio(ours_lodge["p50"], their_lodge["p50"]),
        ],
        [
            "Creation: p95 ms",
            ms(ours_lodge["p95"]),
            ms(their_lodge["p95"]),
            ratio(ours_lodge["p95"], their_lodge["p95"]),
        ],
    ]
    for who in ("hub", "spoke"):
        ours_first, their_first = h[who]["html_first"], theirs[who]["first"]
        rows += [
            [
                f"Listing, {who}, first page over HTTP: p50 ms",
                ms(ours_first["p50"]),
                ms(their_first["p50"]),
                ratio(ours_first["p50"], their_first["p50"]),
            ],
            [
                f"Listing, {who}, first page over HTTP: p95 ms",
                ms(ours_first["p95"]),
                ms(their_first["p95"]),
                ratio(ours_first["p95"], their_first["p95"]),
            ],
            [
                f"Listing, {who}, deep page data over HTTP: p50 ms",
                ms(h[who]["api_deep"]["p50"]),
                ms(theirs[who]["data_deep"]["p50"]),
                ratio(h[who]["api_deep"]["p50"], theirs[who]["data_deep"]["p50"]),
            ],
        ]
        ours_orm = q[who]["first"]["p50"] + q[who]["counts"]["p50"]
        rows.append(
            [
                f"Listing, {who}, first page in process: p50 ms",
                ms(ours_orm),
                ms(inproc["list"][who]["p50"]),
                ratio(ours_orm, inproc["list"][who]["p50"]),
            ]
        )
    earlier = seed.get("earlier") or seed
    seeded = (
        f"{earlier['tickets']:,} tickets in {duration(earlier['seconds'])}: "
        f"{earlier['per_second']:,.0f} tickets/s with their follow-ups"
    )
    if seed["skipped"]:
        seeded = (
            f"skipped, the tickets were there; the run that copied them ({earlier['at']}): "
            + seeded
        )
    return [
        f"### Against django-helpdesk {HELPDESK_VERSION}",
        "",
        "Ratios are ours divided by theirs: above 1 means more requests per second for "
        "creation, and below 1 means less time for latencies.",
        "",
        *table(
            ["Measure", "Champions", f"django-helpdesk {HELPDESK_VERSION}", "Ours/theirs"], rows
        ),
        "",
        *render_helpdesk_notes(report, seeded),
    ]


def render_helpdesk_notes(report: dict, seeded: str) -> list[str]:
    hd, seed = report["helpdesk"], report["helpdesk_seed"]
    inproc = hd["in_process"]
    their_queries = ", ".join(
        f"{who}: {inproc['queries'][who]['page']} + {inproc['queries'][who]['data']}"
        for who in ("hub", "spoke")
    )
    return [
        f"- Installed with pip into `var/bench-helpdesk-venv` (Django {seed['django']}, which "
        "pip chose for helpdesk 2.6.1; the same granian and psycopg versions as ours), "
        "database `bench_helpdesk` on the same PostgreSQL server, served by the same granian "
        "command. Settings: `scripts/bench_helpdesk/helpdesk_settings.py` (DEBUG off, "
        "persistent connections as ours, e-mail to a dummy backend, per-queue staff "
        "permissions on, teams off).",
        f"- Seeding: {seeded}. Each grievance became a ticket with the same title, "
        "description, submitter e-mail, creation time, due date (the resolution due date), "
        "priority (critical 1 … low 4) and status (open, reopened, resolved, closed; "
        "awaiting the MSME = open on hold), in the queue mirroring its control room "
        f"({seed['queue_count']} queues), assigned to the staff user mirroring its officer, with "
        "the first follow-up their ticket form writes (the description). Ours have their "
        "first timeline entry.",
        "- Creation: the same cases (enterprise → the same room/queue, the same text) with the "
        "same clients. Ours: `POST /api/v1/grievances` as an entrepreneur (validation, scope "
        "check of the enterprise, routing, numbering, "
        + (
            "the triage models on the request path and their stored prediction, "
            if (report.get("triage_models") or {}).get("version")
            else ""
        )
        + "due dates, timeline entry, idempotency key, acknowledgement "
        + ("and embedding " if (report.get("triage_models") or {}).get("version") else "")
        + "enqueued). Theirs: `POST /api/tickets/` (DRF `TicketViewSet`, "
        "which creates through their `TicketForm`: ticket, follow-up, notification e-mails "
        "rendered and handed to the dummy backend) as a staff superuser with a DRF token "
        f"(`rest_framework.authtoken`, added for this). Answered 201: "
        f"{report['helpdesk_lodge']['ok']:,} of {report['helpdesk_lodge']['requests']:,}. "
        f"Requests/s per window, ours: {rounds(report['lodge'])}; theirs: "
        f"{rounds(report['helpdesk_lodge'])}.",
        "- Listing, first page over HTTP: ours is one request, `/grievances/queue/` (25 rows, "
        "all statuses, newest first, with counts per status from the tallies); theirs is what "
        "a browser loads, `/tickets/` and then its `datatables_ticket_list` JSON (25 rows of "
        "its default view: open and reopened tickets, oldest first, with two COUNTs), timed "
        "as the sum of the two. The hub is their superuser (all queues); the spoke officer is "
        "a staff user granted the queue of the busiest spoke. Deep pages: our API list at "
        "random keyset cursors against their JSON at random OFFSETs within their open tickets.",
        "- Listing in process: ours is `grievance_queue_page` + `queue_counts_for_user` "
        "(whole queue: the tallies), what the queue view runs; theirs is "
        "`__Query__.get_datatables_context()` (what their JSON view runs) with DRF "
        "serialisation of the 25 rows.",
        f"- SQL queries for their first page (page + data): {their_queries}; they run one "
        "`time_spent` aggregate per row.",
        f"- Their API list, `GET /api/tickets/` (first page) in process as the superuser: "
        f"{api_list_outcome(inproc['api_list'])} Its `get_queryset()` iterates over every "
        "ticket the user may see and calls `set_custom_field_values()` on each (one query per "
        "ticket) before paginating, so it is not in the table; ours is.",
        "",
    ]


def rounds(lodge: dict) -> str:
    return ", ".join(f"{r:.1f}" for r in lodge["rounds_per_second"])


def api_list_outcome(attempt: dict) -> str:
    if attempt["finished"]:
        return f"answered in {attempt['seconds']:.1f} s after {attempt['queries']:,} queries."
    return (
        f"stopped unanswered after {attempt['seconds']:.0f} s, having run "
        f"{attempt['queries']:,} queries."
    )


def doc_write(text: str) -> None:
    """Replace only what lies between the markers (appended at the end when absent)."""
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    section = f"{START_MARKER}\n{text}{END_MARKER}"
    start, end = current.find(START_MARKER), current.find(END_MARKER)
    if start != -1 and end > start:
        updated = current[:start] + section + current[end + len(END_MARKER) :]
    else:
        updated = current.rstrip("\n") + ("\n\n" if current else "") + section + "\n"
    DOC.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
