"""django-helpdesk's side of the grievance benchmark, run by scripts/bench_grievances.py with
var/bench-helpdesk-venv/bin/python (its own Django) and DJANGO_SETTINGS_MODULE=helpdesk_settings.

    run.py prepare --tickets N --source URL --spoke-room CODE --lodgers N --out FILE
        migrate; mirror the control rooms as queues and the bench officers as staff users;
        copy the seeded grievances of the champions database (URL) as tickets, unless there;
        write what the HTTP measurements need (queue ids, token, session cookies) to FILE.
    run.py measure --samples N --out FILE
        time their ticket list's data in process, count its SQL queries, try their API list.
"""
# ruff: noqa: E402 - Django is configured before the imports that need it

import argparse
import json
import signal
import sys
import time
from contextlib import contextmanager
from copy import deepcopy
from pathlib import Path

import django

django.setup()

import psycopg
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from helpdesk.models import FollowUp, Queue, Ticket
from helpdesk.query import __Query__ as HelpdeskQuery
from helpdesk.query import query_to_base64
from helpdesk.user import HelpdeskUser
from rest_framework.authtoken.models import Token

User = get_user_model()
BATCH = 10_000
LODGE_DOMAIN = "@bench-lodge.invalid"  # tickets the benchmark creates through the API
API_LIST_LIMIT_SECONDS = 60
MIN_SAMPLES = 5
SAMPLE_BUDGET_SECONDS = 90  # as the orchestrator's HTTP cases
# What their ticket list shows by default (helpdesk/views/staff.py, ticket_list).
DEFAULT_QUERY = {
    "filtering": {"status__in": [1, 2]},
    "sorting": "created",
    "search_string": "",
    "sortreverse": False,
}
STATUS = {  # ours -> theirs (1 open, 2 reopened, 3 resolved, 4 closed)
    "submitted": 1,
    "assigned": 1,
    "in_progress": 1,
    "awaiting_msme": 1,
    "reopened": 2,
    "appealed": 2,
    "resolved": 3,
    "closed": 4,
    "appeal_decided": 4,
}
PRIORITY = {"critical": 1, "high": 2, "normal": 3, "low": 4}
SOURCE_ROWS = """
    SELECT g.subject, g.description, g.contact_email, g.status, g.priority, g.lodged_at,
           g.updated_at, g.resolution_due_at, r.code, u.email
    FROM grievances_grievance g
    JOIN controlrooms_controlroom r ON r.id = g.room_id
    LEFT JOIN accounts_user u ON u.id = g.assignee_id
    WHERE g.lodged_by_id IS NULL AND g.id %% %(every)s = 0
    ORDER BY g.id
    LIMIT %(wanted)s
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["prepare", "measure"])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--tickets", type=int)
    parser.add_argument("--source")
    parser.add_argument("--every", type=int, default=1, help="copy every n-th grievance")
    parser.add_argument("--spoke-room")
    parser.add_argument("--lodgers", type=int, default=8)
    parser.add_argument("--samples", type=int, default=100)
    args = parser.parse_args()
    result = prepare(args) if args.command == "prepare" else measure(args.samples)
    args.out.write_text(json.dumps(result))
    return 0


def say(text: str) -> None:
    print(f"-- [helpdesk] {text}", flush=True)


# --- prepare -----------------------------------------------------------------------------------


def prepare(args) -> dict:
    call_command("migrate", interactive=False, verbosity=0)
    earlier = Ticket.objects.filter(submitter_email__endswith=LODGE_DOMAIN)
    if earlier.exists():
        say("deleting the tickets an earlier run created through the API")
        earlier.delete()
    with psycopg.connect(args.source) as source:
        queues = queues_mirror(source)
        staff = staff_mirror(source)
        seed = tickets_seed(source, args.tickets, queues, staff, args.every)
    hub = staff_user("bench-hub", superuser=True)
    spoke = staff_user("bench-spoke")
    spoke.user_permissions.add(queue_permission(queues[args.spoke_room]))
    token, _created = Token.objects.get_or_create(user=hub)
    return {
        **seed,
        "django": django.get_version(),
        "queues": {code: queue.pk for code, queue in queues.items()},
        "token": token.key,
        "sessions": {"hub": session_key(hub), "spoke": session_key(spoke)},
        "list_query": query_to_base64(DEFAULT_QUERY),
        "open_rows": {
            "hub": Ticket.objects.filter(status__in=[1, 2]).count(),
            "spoke": Ticket.objects.filter(
                status__in=[1, 2], queue=queues[args.spoke_room]
            ).count(),
        },
    }


def queues_mirror(source) -> dict[str, Queue]:
    """One queue per control room (slug = the room's code); Queue.save() adds its permission."""
    queues = {}
    rows = source.execute("SELECT code, name FROM controlrooms_controlroom ORDER BY code")
    for code, name in rows:
        queue = Queue.objects.filter(slug=code).first()
        if queue is None:
            queue = Queue(title=name[:100], slug=code, allow_public_submission=False)
            queue.save()
        queues[code] = queue
    return queues


def staff_user(username: str, *, superuser: bool = False):
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            email=f"{username}@bench.invalid",
            is_staff=True,
            is_superuser=superuser,
        )
        user.set_unusable_password()
        user.save()
    return user


def staff_mirror(source) -> dict[str, int]:
    """A staff user for each bench officer of the champions database, by e-mail."""
    emails = [
        r[0]
        for r in source.execute(
            "SELECT email FROM accounts_user WHERE email LIKE 'bench-officer-%%' ORDER BY email"
        )
    ]
    return {email: staff_user(email.split("@")[0]).pk for email in emails}


def queue_permission(queue: Queue) -> Permission:
    return Permission.objects.get(codename=queue.permission_name.split(".", 1)[1])


def session_key(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


@contextmanager
def historic_timestamps():
    """Let bulk_create keep the copied times instead of auto_now/auto_now_add's `now`."""
    fields = [Ticket._meta.get_field("created"), Ticket._meta.get_field("modified")]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def tickets_seed(
    source, wanted: int, queues: dict[str, Queue], staff: dict[str, int], every: int = 1
) -> dict:
    present = Ticket.objects.count()
    if present == wanted:
        say(f"seeding skipped: {present:,} tickets already there")
        return {"skipped": True, "tickets": present, "queue_count": len(queues)}
    if present:
        say(f"{present:,} tickets present, {wanted:,} wanted: emptying the ticket tables")
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE helpdesk_ticket, helpdesk_followup CASCADE")
    say(f"copying {wanted:,} grievances as tickets (bulk_create)")
    started = time.monotonic()
    done = 0
    with historic_timestamps(), source.cursor(name="grievances") as rows:
        rows.itersize = BATCH
        rows.execute(SOURCE_ROWS, {"every": every, "wanted": wanted})
        batch = []
        for row in rows:
            batch.append(ticket_from(row, queues, staff))
            if len(batch) == BATCH:
                done += tickets_save(batch)
                batch = []
                progress(done, wanted, started)
        done += tickets_save(batch)
    progress(done, wanted, started)
    seconds = time.monotonic() - started
    return {
        "skipped": False,
        "tickets": done,
        "seconds": seconds,
        "per_second": done / seconds,
        "queue_count": len(queues),
    }


def ticket_from(row, queues: dict[str, Queue], staff: dict[str, int]) -> Ticket:
    subject, description, email, status, priority, lodged, updated, due, room, officer = row
    return Ticket(
        title=subject,
        queue=queues[room],
        created=lodged,
        modified=updated,
        submitter_email=email or None,
        assigned_to_id=staff.get(officer) if officer else None,
        status=STATUS[status],
        on_hold=status == "awaiting_msme",
        description=description,
        priority=PRIORITY[priority],
        due_date=due,
    )


@transaction.atomic
def tickets_save(batch: list[Ticket]) -> int:
    """The tickets and the first follow-up their ticket form writes with each."""
    Ticket.objects.bulk_create(batch, batch_size=2000)
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                ticket=t, title="Ticket Opened", date=t.created, public=True, comment=t.description
            )
            for t in batch
        ],
        batch_size=5000,
    )
    return len(batch)


def progress(done: int, total: int, started: float) -> None:
    rate = done / max(time.monotonic() - started, 1e-6)
    sys.stderr.write(f"\r   tickets: {done:,}/{total:,} ({rate:,.0f}/s)")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


# --- measure -----------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def measure(samples: int) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as the champions side
    users = {
        "hub": User.objects.get(username="bench-hub"),
        "spoke": User.objects.get(username="bench-spoke"),
    }
    return {
        "list": {who: list_timings(user, samples) for who, user in users.items()},
        "queries": {who: list_queries(user) for who, user in users.items()},
        "api_list": api_list_attempt(users["hub"]),
    }


def list_timings(user, samples: int) -> dict:
    """What their datatables view computes for the first page: two COUNTs and 25 rows."""
    say(f"ticket list data in process as {user.username}")

    def first_page() -> None:
        query = HelpdeskQuery(HelpdeskUser(user), query_params=deepcopy(DEFAULT_QUERY))
        query.get_datatables_context(draw=["1"], start=["0"], length=["25"])

    first_page()
    times: list[float] = []
    deadline = time.monotonic() + SAMPLE_BUDGET_SECONDS
    for _ in range(samples):
        if len(times) >= MIN_SAMPLES and time.monotonic() > deadline:
            break
        started = time.perf_counter()
        first_page()
        times.append((time.perf_counter() - started) * 1000)
    return {
        "n": len(times),
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "max": max(times),
    }


def list_queries(user) -> dict:
    client = Client()
    client.force_login(user)
    data = f"/datatables_ticket_list/{query_to_base64(DEFAULT_QUERY)}?draw=1&start=0&length=25"
    counts = {}
    for label, path in (("page", "/tickets/"), ("data", data)):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        counts[label] = len(captured.captured_queries)
    return counts


class TimeLimit(BaseException):
    """Not an Exception, so that Django's handler does not turn it into a 500."""


def api_list_attempt(user) -> dict:
    """GET /api/tickets/ once, stopped after API_LIST_LIMIT_SECONDS."""
    say(f"GET /api/tickets/ (first page), at most {API_LIST_LIMIT_SECONDS} s")
    client = Client()
    client.force_login(user)
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    def stop(signum, frame):
        raise TimeLimit

    signal.signal(signal.SIGALRM, stop)
    signal.alarm(API_LIST_LIMIT_SECONDS)
    started = time.perf_counter()
    status = None
    with connection.execute_wrapper(count):
        try:
            status = client.get("/api/tickets/").status_code
        except TimeLimit:
            pass
        finally:
            signal.alarm(0)
    return {
        "finished": status == 200,
        "status": status,
        "seconds": time.perf_counter() - started,
        "queries": queries,
    }


if __name__ == "__main__":
    sys.exit(main())
