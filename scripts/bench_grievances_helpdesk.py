"""The same creation and listing in django-helpdesk 2.6.1, for comparison: installed in its own
virtual environment (var/bench-helpdesk-venv), database bench_helpdesk, seeded from the same
rows (scripts/bench_helpdesk/)."""

import json
import os
import random
import subprocess
import sys
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from bench_grievances_data import (
    DATABASE,
    HELPDESK_DATABASE,
    HELPDESK_DIR,
    HELPDESK_SEED_FILE,
    HELPDESK_VENV,
    HELPDESK_VERSION,
    PAGE_SIZE,
    POSTGRES,
    VAR_DIR,
    WARMUP,
    LodgeCase,
    People,
)
from benchlib import ROOT, granian_server, http_samples, postgres_database_prepare, step, summary


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
    postgres_database_prepare(HELPDESK_DATABASE, fresh=args.fresh)
    prepared = helpdesk_call(
        "prepare",
        "--tickets",
        str(args.helpdesk_tickets or args.grievances),
        "--every",
        str(max(1, args.grievances // (args.helpdesk_tickets or args.grievances))),
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
        log_dir=VAR_DIR,
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
