"""Partner matching at scale: p95 of a match query over N profiles (goal: 100 ms at 1,000,000)
and the rate of the officers' CSV import, on PostgreSQL or SQLite.

    python scripts/bench_network.py [--profiles 1000000] [--queries 200] [--fresh]
                                    [--database postgres|sqlite]

Seeds its own database (PostgreSQL `bench_network` with COPY, or `var/bench_network.sqlite3`
with the deployed pragmas; then VACUUM ANALYZE, or ANALYZE on SQLite): profiles whose HS/NIC
codes are drawn from the shipped HS list and concordance (a few popular headings much more
often), and **random unit vectors** in place of text embeddings (embedding a million texts
would take hours; the scoring cost does not depend on what the vectors hold). Every query
embeds its text for real. Prints the figures and writes one block per database and size into
docs/PERFORMANCE.md.
"""

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = "postgres://postgres@127.0.0.1:5432/"
DATABASE = "bench_network"
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "champions.config.settings.base",
        "DATABASE_URL": POSTGRES + DATABASE,
        "DEBUG": "0",
    }
)
sys.path.insert(0, str(ROOT / "src"))

import argparse  # noqa: E402
import time  # noqa: E402

import django  # noqa: E402
import numpy as np  # noqa: E402
from benchlib import (  # noqa: E402
    machine_info,
    measured_line,
    percentile,
    postgres_database_prepare,
    section_write,
)

LABELS = {"postgres": "PostgreSQL `bench_network`", "sqlite": "SQLite `var/bench_network.sqlite3`"}
QUERY_TEXTS = [
    "We need combed cotton yarn for knitting",
    "हमें सूती कपड़ा चाहिए",
    "closed-die steel forgings for auto parts",
    "turmeric powder exporter",
    "solar modules for rooftop installations",
    "printed circuit boards, small batches",
    "finished leather for shoe uppers",
    "polypropylene granules injection grade",
]
COUNTRIES = ["IN"] * 8 + ["DE", "IT", "FR", "GB", "US", "JP", "AE", "NL", "KE", "BR"]


SQLITE_FILE = ROOT / "var" / "bench_network.sqlite3"


def database_prepare(*, fresh: bool, database: str) -> None:
    if database == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_FILE}"
        for suffix in ("", "-wal", "-shm"):
            if fresh:
                Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
        return
    postgres_database_prepare(DATABASE, fresh=fresh)


def seed(total: int) -> float:
    """COPY `total` profiles with their tags and random vectors; returns seconds."""
    from champions.network import codes
    from champions.network.models import Profile

    have = Profile.objects.count()
    if have >= total:
        return 0.0
    rng = np.random.default_rng(11)
    hs6 = [c for c in codes.hs_names() if len(c) == 6]
    weights = 1.0 / np.arange(1, len(hs6) + 1) ** 0.8  # a few headings are very common
    weights /= weights.sum()
    makers = codes.links().makers
    started = time.perf_counter()
    from django.db import connection, transaction

    with connection.cursor() as cur:
        cur.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM network_profile")
        next_id = cur.fetchone()[0]
    for start in range(have, total, 50_000):
        with transaction.atomic(), connection.cursor() as cur:
            _seed_block(cur, rng, next_id, min(50_000, total - start), hs6, weights, makers)
        next_id += min(50_000, total - start)
        print(f"  seeded {start + min(50_000, total - start):,} profiles", flush=True)
    return time.perf_counter() - started


def vacuum_analyze() -> None:
    """As autovacuum would after a bulk load (on PostgreSQL the visibility map lets the tag
    scans stay index-only)."""
    from django.db import connection

    command = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
    with connection.cursor() as cur:
        for table in ("network_profile", "network_profiletag", "network_profilevector"):
            cur.execute(f"{command} {table}")


def _write_rows(cur, table: str, columns: str, rows) -> None:
    """COPY on PostgreSQL, executemany on SQLite."""
    if cur.db.vendor == "postgresql":
        with cur.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns.split(",")))
    cur.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(rows))  # noqa: S608 (our own table names)


def _seed_block(cur, rng, first_id, count, hs6, weights, makers) -> None:
    from champions.network import codes

    now = datetime.now(UTC).isoformat()
    profiles, tags, vectors = [], [], []
    picks = rng.choice(len(hs6), size=(count, 2), p=weights)
    countries = rng.choice(COUNTRIES, size=count)
    for i in range(count):
        pid, country = first_id + i, str(countries[i])
        products = sorted({hs6[j] for j in picks[i]})
        nic = sorted(makers.get(products[0][:4], {"3290"}))[:1]
        profiles.append(
            (
                pid,
                "foreign" if country != "IN" else "indian",
                f"Bench unit {pid}",
                country,
                f'["{products[0]}"]',
                f'["{nic[0]}1"]',
                "approved",
                now,
            )
        )
        for tag in codes.profile_tags(hs_codes=products, needs_hs_codes=[], nic_codes=nic):
            tags.append((pid, tag, country))
    matrix = rng.standard_normal((count, 384)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    vectors = [(first_id + i, matrix[i].astype(np.float16).tobytes()) for i in range(count)]
    blank = ("", "", "[]", "", "[]", "[]", "[]", "", "", "", "", False, "", "", "[]", True)
    _write_rows(
        cur,
        "network_profile",
        "id, kind, name, country, hs_codes, nic_codes, review_status, created_at, updated_at,"
        " description, needs, needs_hs_codes, capacity, certifications, export_countries,"
        " languages, udyam_number, registration_number, website, email, email_verified, phone,"
        " review_note, trust_card_fields, digest_enabled",
        ((*p, p[-1], *blank) for p in profiles),
    )
    _write_rows(cur, "network_profiletag", "profile_id, tag, country", tags)
    _write_rows(
        cur,
        "network_profilevector",
        "profile_id, vector, model, text_hash",
        ((pid, blob, "random unit vector (bench)", "bench") for pid, blob in vectors),
    )
    if cur.db.vendor == "postgresql":
        cur.execute(
            "SELECT setval('network_profile_id_seq', (SELECT MAX(id) FROM network_profile))"
        )


def bench_match(queries: int) -> dict:
    from champions.network import codes, matching
    from champions.network.matching import MatchQuery, profiles_match

    rng = np.random.default_rng(5)
    hs6 = [c for c in codes.hs_names() if len(c) == 6]
    common = hs6[:300]
    profiles_match(MatchQuery(text=QUERY_TEXTS[0]))  # load the model and code vectors
    timings, cpu, counts = [], [], []
    for i in range(queries):
        matching._embed.cache_clear()  # every query pays for its embedding
        query = MatchQuery(
            text=QUERY_TEXTS[i % len(QUERY_TEXTS)] + f" #{i}",
            kind="business_request",
            hs_codes=(str(rng.choice(common)),),
            nic_codes=("14301",) if i % 3 == 0 else (),
            countries=("IN",) if i % 2 == 0 else (),
        )
        begin, begin_cpu = time.perf_counter(), time.process_time()
        counts.append(len(profiles_match(query)))
        timings.append((time.perf_counter() - begin) * 1000)
        cpu.append((time.process_time() - begin_cpu) * 1000)
    return {
        "queries": queries,
        "p50_ms": percentile(timings, 50),
        "p95_ms": percentile(timings, 95),
        "cpu_p50_ms": percentile(cpu, 50),
        "cpu_p95_ms": percentile(cpu, 95),
        "mean_results": float(np.mean(counts)),
    }


def bench_import(rows: int) -> dict:
    from django.db import transaction

    from champions.accounts.services import user_create
    from champions.network.importing import profiles_import

    lines = ["name,country,state,description,hs_codes,nic_codes"]
    lines += [f"Import unit {i},IN,TN,Cotton yarn,520524,13111" for i in range(rows)]
    started = time.perf_counter()
    with transaction.atomic():
        officer = user_create(
            email=f"bench{time.time_ns()}@bench.example", password=None, role="hub_officer"
        )
        report = profiles_import(officer=officer, text="\n".join(lines))
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    return {"rows": rows, "created": len(report.created_ids), "rows_per_second": rows / elapsed}


def publish(report: dict) -> None:
    """One block per database and size, between its own markers."""
    seeding = f"{report['seed_s']:.0f} s" if report["seed_s"] else "already seeded"
    key = f"network-{report['database']}-{report['profiles']}"
    block = "\n".join(
        [
            f"{report['header']} {LABELS[report['database']]}.",
            "",
            "| what | figure |",
            "|---|---|",
            f"| profiles (their vectors: random unit vectors) | {report['profiles']:,} |",
            f"| seeding ({'COPY' if report['database'] == 'postgres' else 'executemany'})"
            f" | {seeding} |",
            f"| match query p50 / p95 (embedding included, {report['match']['queries']} queries)"
            f" | {report['match']['p50_ms']:.0f} / {report['match']['p95_ms']:.0f} ms |",
            "| the same, CPU time of this process (less sensitive to other work on the machine)"
            f" | {report['match']['cpu_p50_ms']:.0f} / {report['match']['cpu_p95_ms']:.0f} ms |",
            f"| officers' CSV import ({report['import']['rows']} rows, one transaction)"
            f" | {report['import']['rows_per_second']:.0f} rows/s |",
        ]
    )
    section_write(key, block, after="network")  # after the section's first (20,000) run


def _sqlite_as_deployed() -> None:
    """The pragmas of the deployed settings (WAL, mmap, cache), which a DATABASE_URL lacks."""
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "sqlite":
        connection.settings_dict["OPTIONS"] = dict(settings.SQLITE_OPTIONS)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--import-rows", type=int, default=2000)
    parser.add_argument("--fresh", action="store_true", help="drop and recreate bench_network")
    parser.add_argument("--database", choices=sorted(LABELS), default="postgres")
    args = parser.parse_args()
    machine = machine_info()
    database_prepare(fresh=args.fresh, database=args.database)
    django.setup()
    _sqlite_as_deployed()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    seed_s = seed(args.profiles)
    vacuum_analyze()
    match = bench_match(args.queries)
    print(f"match: {match}", flush=True)
    imported = bench_import(args.import_rows)
    print(f"import: {imported}", flush=True)
    command = (
        f"python scripts/bench_network.py --profiles {args.profiles} --database {args.database}"
    )
    publish(
        {
            "header": measured_line(machine, command=command),
            "profiles": args.profiles,
            "database": args.database,
            "seed_s": seed_s,
            "match": match,
            "import": imported,
        }
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
