"""The grievance benchmark's data: where it runs (importing this module points Django at the
bench database bench_grievances and sets it up), its sizes and mixes, the bench users, and the
seeding of a million grievances with COPY (the same rows on every rerun)."""
# ruff: noqa: E402 - Django is configured from this module's environment before it is imported

import json
import math
import os
import random
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from benchlib import ROOT, progress, step

# A run may name its own databases (BENCH_GRIEVANCES_DATABASE, BENCH_HELPDESK_DATABASE, both
# starting with "bench"), e.g. a national-scale run beside the default one; each keeps its own
# var folder.
DATABASE = os.environ.get("BENCH_GRIEVANCES_DATABASE", "bench_grievances")
HELPDESK_DATABASE = os.environ.get("BENCH_HELPDESK_DATABASE", "bench_helpdesk")
VAR_DIR = ROOT / "var" / DATABASE.replace("_", "-")
REPORT_FILE = VAR_DIR / "report.json"  # the last run's figures, for --render-only
SEED_FILE = VAR_DIR / "seed.json"  # how the seeded rows were made, for runs that reuse them
HELPDESK_SEED_FILE = VAR_DIR / "helpdesk-seed.json"
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
HELPDESK_DIR = ROOT / "scripts" / "bench_helpdesk"
HELPDESK_VENV = ROOT / "var" / "bench-helpdesk-venv"
HELPDESK_VERSION = "2.6.1"

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "champions.config.settings.base",
        "CHAMPIONS_VAR_DIR": str(VAR_DIR),
        "DATABASE_URL": POSTGRES + DATABASE,
        "DEBUG": "0",  # as in production; DEBUG would also keep every query in memory
        # The bench signs officers in with force_login, which shows no second factor; the
        # pages measured are the same with MFA on once signed in.
        "MFA_REQUIRED": "0",
    }
)
VAR_DIR.mkdir(parents=True, exist_ok=True)

import django

django.setup()

from bench_scale import enterprises_replicate, grievances_replicate
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, F
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from champions.accounts.choices import Role
from champions.accounts.models import ApiToken, User
from champions.accounts.selectors import user_get_by_email
from champions.accounts.services import user_create
from champions.controlrooms.models import ControlRoom, RoomDistrict
from champions.core.audit import AppendOnlyError
from champions.core.bulk import copy_create, ids_reserve
from champions.grievances.choices import (
    Category,
    Channel,
    ComplainantType,
    Kind,
    Priority,
    SlaState,
    Status,
)
from champions.grievances.models import (
    Grievance,
    RegistrationCounter,
    TimelineEntry,
    Triage,
)
from champions.grievances.selectors import (
    calendar_for,
    sla_policy_for,
)
from champions.grievances.sla.clock import Calendar, Policy, add_working_days
from champions.registry.models import Enterprise
from champions.triage.store import models_directory, models_manifest

PAGE_SIZE = settings.CHAMPIONS_PAGE_SIZE  # the HTML queue's page; the API's default is 25 too
SEED_BATCH = 1000  # ten of these per transaction
SEED_DAYS = 730
SAMPLE_ROWS = 10_000
SAMPLE_SCHEMA = "bench_sample"
WARMUP = 5
LODGE_ROUNDS = 3  # creation windows per system, alternating between the systems
LODGERS_ENTERPRISES = 200
BENCH_DOMAIN = "bench.invalid"
# The narrowed queue: one category (the most common one), whose counts are counted live.
NARROW = {"category": str(Category.DELAYED_PAYMENT)}
RECOUNTS = 3  # timed tally_recount() runs after VACUUM ANALYZE


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
        try:
            with transaction.atomic():
                lodged.delete()
            step(f"Deleted {count:,} grievances an earlier run lodged through the API")
        except (AppendOnlyError, DatabaseError):  # append-only timeline: they stay
            step(f"Kept {count:,} grievances an earlier run lodged (append-only timeline)")
    DBTaskResult.objects.all().delete()
    ApiToken.objects.filter(user__email__endswith="@" + BENCH_DOMAIN).delete()


def enterprises_ensure(wanted: int, base: int = 0) -> dict:
    """`wanted` enterprises: generated (`champions generate`), or with `base`, that many
    generated and the rest copied from them in SQL (bench_scale)."""
    present = Enterprise.objects.count()
    if present >= wanted:
        step(f"Enterprises: {present:,} present")
        return {"present": present, "generated": 0}
    generate = min(wanted, base or wanted) - present
    started = time.monotonic()
    if generate > 0:
        step(f"Generating {generate:,} enterprises (champions generate)")
        call_command("generate", enterprises=generate)
    result = {"generated": max(generate, 0), "generate_seconds": time.monotonic() - started}
    if Enterprise.objects.count() < wanted:
        result["copied"] = enterprises_replicate(wanted)
    return {"present": Enterprise.objects.count(), **result}


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
        enterprises=enterprises_sample(),
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


ENTERPRISES_SAMPLED = 1_000_000  # the grievances are about these (all of them when fewer)


def enterprises_sample() -> list[tuple[int, int, int, str]]:
    """Every enterprise (id, district, state, owner), or every n-th by id above a million."""
    every = max(1, Enterprise.objects.count() // ENTERPRISES_SAMPLED)
    rows = Enterprise.objects.order_by("pk")
    if every > 1:
        rows = rows.annotate(slot=F("pk") % every).filter(slot=0)
    return list(rows.values_list("pk", "district_id", "state_id", "owner_name"))


def grievances_seed(wanted: int, people: People, base: int = 0) -> dict:
    """`wanted` grievances lodged over two years: generated, or with `base`, that many
    generated and each copied wanted/base times in SQL (bench_scale)."""
    present = Grievance.objects.filter(lodged_by__isnull=True).count()
    if present == wanted:
        step(f"Seeding skipped: {present:,} grievances already there")
        return {"skipped": True, "rows": present, "earlier": seed_record()}
    if base and present == base < wanted:  # an earlier run generated the base, then stopped
        step(f"{present:,} generated grievances there: copying them")
        replicated = grievances_replicate(wanted // base)
        result = {"skipped": False, "rows": wanted, "seconds": replicated["seconds"],
                  "per_second": wanted / replicated["seconds"],
                  "generated": {"rows": present, "by_an_earlier_run": True},
                  "replicated": replicated}  # fmt: skip
        at = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        SEED_FILE.write_text(json.dumps({**result, "at": at}))
        return result
    if present:
        step(f"{present:,} grievances present, {wanted:,} wanted: emptying the grievance tables")
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE grievances_grievance, grievances_timelineentry, "
                "grievances_registrationcounter CASCADE"
            )
    step(f"Seeding {wanted:,} grievances (COPY, {SEED_BATCH * 10:,} rows a transaction)")
    ctx = seed_context(people)
    started = time.monotonic()
    done = 0
    copies = 1
    if base and base < wanted:
        copies = wanted // base
        if copies * base != wanted:
            raise ValueError("--grievances must be a multiple of --base-grievances")
        wanted = base
        step(f"Generating {base:,}, then copying each {copies} times")
    with historic_timestamps():
        for batch in batched(seed_rows(ctx, wanted), SEED_BATCH * 10):
            with transaction.atomic():
                seed_write(ctx, batch)
            done += len(batch)
            progress("grievances", done, wanted, started)
    for (year, code), last in ctx.serials.items():
        RegistrationCounter.objects.update_or_create(year=year, code=code, defaults={"last": last})
    generated = time.monotonic() - started
    replicated = grievances_replicate(copies) if copies > 1 else None
    seconds = time.monotonic() - started
    rows = wanted * copies
    result = {
        "skipped": False,
        "rows": rows,
        "seconds": seconds,
        "per_second": rows / seconds,
        "generated": {"rows": wanted, "seconds": generated, "per_second": wanted / generated},
        "replicated": replicated,
    }
    SEED_FILE.write_text(json.dumps({**result, "at": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"}))
    return result


def seed_write(ctx: SeedContext, batch: list[Grievance]) -> None:
    """The grievances and their `lodged` entries, as bulk_create would write them, with COPY
    (the ids taken from the table's sequence first, so the entries can point at them)."""
    for grievance, pk in zip(batch, ids_reserve(Grievance, len(batch)), strict=True):
        grievance.pk = pk
    copy_create(Grievance, batch)
    copy_create(TimelineEntry, [lodged_entry(ctx, g) for g in batch])


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


def narrow_query() -> str:
    return "&".join(f"{k}={v}" for k, v in NARROW.items())


@dataclass(frozen=True)
class LodgeCase:
    enterprise_id: int
    room_code: str
    category: str
    subject: str
    description: str
