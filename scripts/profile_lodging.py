"""Profile POST /api/v1/grievances as the bench sends it (bearer token, Idempotency-Key, the
database task backend), in process through Django's test client: SQL queries per lodging
(listed), CPU and wall milliseconds per lodging, and the cProfile functions that cost most.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> python scripts/profile_lodging.py [-n N]
    python scripts/profile_lodging.py  # SQLite (var/champions.sqlite3)

The database needs `champions setup --no-demo` (reference data and network) first. It adds one
owner (profile-owner@example.com), one enterprise and the grievances it lodges; nothing else.
Not the HTTP server: the bench (`make bench-grievances`) measures that.
"""

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
import uuid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "champions.config.settings.base")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from champions.accounts.models import User  # noqa: E402
from champions.accounts.services import api_token_create, user_create  # noqa: E402
from champions.registry.models import Enterprise  # noqa: E402

EMAIL = "profile-owner@example.com"


def owner_and_enterprise() -> tuple[User, Enterprise]:
    from champions.registry.services import enterprise_create
    from champions.registry.tests.factories import enterprise_input

    user = User.objects.filter(email=EMAIL).first() or user_create(
        email=EMAIL, password=uuid.uuid4().hex, role="entrepreneur", control_room_id=None
    )
    enterprise = Enterprise.objects.filter(udyam_number="UDYAM-MH-26-0099001").first()
    if enterprise is None:
        enterprise = enterprise_create(
            data=enterprise_input(udyam_number="UDYAM-MH-26-0099001"), actor=user
        )
    return user, enterprise


def lodge(client: Client, token: str, enterprise_id: int, i: int):
    body = {
        "subject": f"Payment pending for 120 days ({i})",
        "description": "A PSU buyer has not paid invoice 42 of Rs 8 lakh since March.",
        "enterprise_id": enterprise_id,
        "category": "delayed_payment",
    }
    response = client.post(
        "/api/v1/grievances",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())},
    )
    if response.status_code != 201:
        raise SystemExit(f"lodging answered {response.status_code}: {response.content[:500]!r}")
    return response


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=200, help="lodgings to profile")
    parser.add_argument("--top", type=int, default=35)
    args = parser.parse_args()
    user, enterprise = owner_and_enterprise()
    token = api_token_create(user=user, name="profile").key
    client = Client(HTTP_HOST="127.0.0.1")  # an allowed host of the base settings
    lodge(client, token, enterprise.pk, 0)  # warm: imports, caches, the connection
    with CaptureQueriesContext(connection) as queries:
        lodge(client, token, enterprise.pk, 1)
    print(f"{connection.vendor}: {len(queries)} SQL queries for one lodging")
    for n, query in enumerate(queries.captured_queries, 1):
        print(f"  {n:2}. {query['sql'][:160]}")
    profile = cProfile.Profile()
    for label, profiler in (("without a profiler", None), ("under cProfile", profile)):
        cpu, wall = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        for i in range(args.n):
            lodge(client, token, enterprise.pk, i + 2)
        if profiler:
            profiler.disable()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(
            f"{args.n} lodgings {label}: {1000 * cpu / args.n:.2f} ms CPU (this process), "
            f"{1000 * wall / args.n:.2f} ms wall per lodging"
        )
    pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
