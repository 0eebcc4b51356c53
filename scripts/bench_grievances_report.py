"""The grievance benchmark's section of docs/PERFORMANCE.md, written from its report (the
figures bench_grievances.py measured): method, seeding and lodging, queue, tallies, queries, SLA
sweep and the django-helpdesk comparison."""

from bench_grievances_data import (
    DATABASE,
    HELPDESK_VERSION,
    LODGE_ROUNDS,
    LODGERS_ENTERPRISES,
    PAGE_SIZE,
    SAMPLE_ROWS,
    SEED_BATCH,
    SEED_DAYS,
    WARMUP,
    narrow_query,
    seed_record,
)
from benchlib import duration, ms, table


def ratio(ours: float, theirs: float) -> str:
    if not theirs:
        return "n/a"
    value = ours / theirs
    return f"{value:.2f}" if value >= 0.01 else f"{value:.1g}"  # 0.0009, not 0.00


def render(report: dict) -> str:
    title = "## Grievances at national scale"
    if DATABASE != "bench_grievances":
        rows = report["database"]["grievances"]
        title += f": {rows:,} grievances (database `{DATABASE}`)"
    lines = [title, ""]
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
        "- Seeding: PostgreSQL `COPY` (`champions.core.bulk.copy_create`: the values "
        "bulk_create would write), one "
        f"transaction per {SEED_BATCH * 10:,} rows, each grievance with its first timeline "
        f"entry{copies_line(report)}. Lodged over "
        f"{SEED_DAYS} days with volume growing threefold; the enterprise (and so the district, "
        "the state and the spoke) drawn from the synthetic registry, whose districts follow "
        "real Udyam registrations; categories led by delayed payments (30 %) and credit (14 %); "
        "5 % suggestions and 2 % national grievances (hub); status by age (recent: mostly open; "
        "older than 90 days: 93 % closed, 2 % stuck open); due dates in working days on each "
        "state's holiday calendar from the SLA policies. Skipped when the rows are there. "
        "Then `tally_recount()`: `bulk_create` bypasses `Grievance.save()`, which keeps the "
        "queue's counts per (room, status) in `QueueTally`.",
        "- Lodging ceiling: the same JSON bodies posted to a bare Django view that inserts one "
        "row and answers 201 (`scripts/bench_ceiling/ceiling_wsgi.py`: no authentication, "
        "validation, routing, timeline or outbox), on the same granian settings, in the same "
        "alternating windows: what one write through Django costs on this machine.",
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


def copies_line(report: dict) -> str:
    seed = report["seed"] if not report["seed"].get("skipped") else report["seed"].get("earlier")
    copied = (seed or {}).get("replicated")
    if not copied:
        return ""
    made = seed["generated"]
    return (
        f"; national scale: {made['rows']:,} grievances generated that way, then each copied "
        f"{copied['copies']} times inside PostgreSQL (`scripts/bench_scale.py`: own id in "
        "lodging order, own registration number and `lodged` entry, the other columns the "
        "base row's), and the enterprises likewise copied from a generated base with new "
        "Udyam serials"
    )


def triage_line(models: dict | None) -> str:
    """How lodging ran the triage models (on the request path when they exist)."""
    if not models or not models.get("version"):
        return (
            "Lodging ran without the triage models (none in the bench's var directory): "
            "production runs them on the request path, so it is measured lighter than it runs."
        )
    if not models.get("triaged"):
        return (
            "Triage runs after commit in a task (`grievance_lodged_task`: the acknowledgement, "
            "then the triage), off the request "
            "path, as in production; no task worker ran during the bench, so lodging is timed "
            "without it and no prediction was stored "
            f"({models.get('triaged', 0):,} of {models.get('lodged', 0):,})."
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
        *render_lodge_compared(report),
    ]


def render_lodge_compared(report: dict) -> list[str]:
    """Ours, django-helpdesk's and the bare insert's, from the same alternating windows."""
    if "ceiling_lodge" not in report:
        return []
    ours, ceiling = report["lodge"], report["ceiling_lodge"]
    systems = [("Champions: POST /api/v1/grievances", ours)]
    if "helpdesk_lodge" in report:
        systems.append((f"django-helpdesk {HELPDESK_VERSION}: POST /api/tickets/",
                        report["helpdesk_lodge"]))  # fmt: skip
    systems.append(("Bare Django insert view (ceiling)", ceiling))
    rows = [
        [
            name,
            f"{run['per_second']:.1f}",
            ", ".join(f"{r:.1f}" for r in run["rounds_per_second"]),
            ms(run["p50"]),
            ms(run["p95"]),
            f"{run['ok']:,} of {run['requests']:,}",
            ratio(ours["per_second"], run["per_second"]),
        ]
        for name, run in systems
    ]
    header = ["Lodging, one run", "Requests/s", "per window", "p50 ms", "p95 ms", "201",
              "ours ÷ this"]  # fmt: skip
    return [*table(header, rows), ""]


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
        "- After lodging through the API (`Grievance.save()`)"
        + (" and the two sweeps" if report.get("sweep") else "")
        + f", the tallies "
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
    if not report["sweep"]:
        return ["### SLA sweep", "", "Not timed in this run (`--no-sweep`).", ""]
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
        + "due dates, timeline entry, idempotency key, CPGRAMS outbox row, one task enqueued for "
        + "the acknowledgement and the triage). Theirs: `POST /api/tickets/` (DRF `TicketViewSet`, "
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
