"""National-scale seeding for the benchmarks: millions of rows in minutes on two shared cores.

Generating a realistic row in Python (the synthetic generators, the grievance mixes) costs
about half a millisecond, so ten million rows would take hours even written with COPY. The
national-scale runs therefore generate a *base* with the ordinary generators (written with
COPY, `champions.core.bulk`) and then copy it inside PostgreSQL:

- enterprises: each copy of a base row keeps every column except its id and its Udyam
  number, which gets a new serial within the same state and district prefix (unique, and
  still a valid UDYAM-XX-00-0000000). The generator's names, owners and NIC codes come from
  short lists, so the copies repeat values exactly as often as generating them would;
- grievances: each base grievance is written `copies` times in a row, a few seconds apart,
  each copy with its own id (from the table's sequence, so the ids still follow the lodging
  time), registration number (the next serial of its year and state) and `lodged` entry;
  every other column (enterprise, room, status, due dates, text) is the base row's.

The shapes are the ORM's: the base rows come from the same generators as the smaller runs,
and the copies are made column by column from them in SQL.
"""

import time

from benchlib import progress, step
from django.db import connection, transaction

ENTERPRISE_COPY_SERIAL = 2_000_000  # copies' serials start here (the base's are 1,000,001+)


def enterprises_replicate(wanted: int) -> dict:
    """Copy the enterprises present until there are `wanted`; returns rows and seconds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM registry_enterprise")
        base = cursor.fetchone()[0]
    if base >= wanted:
        return {"base": base, "copied": 0, "seconds": 0.0}
    copies = -(-wanted // base) - 1
    step(f"Copying {base:,} enterprises {copies} times in SQL (new ids and Udyam serials)")
    started = time.monotonic()
    columns = [c for c in table_columns("registry_enterprise") if c != "id"]
    others = ", ".join(c for c in columns if c != "udyam_number")
    picked = ", ".join(f"e.{c}" for c in columns if c != "udyam_number")
    done = base
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # copies of valid rows
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        cursor.execute("DROP TABLE IF EXISTS bench_enterprise_base")
        cursor.execute(
            "CREATE UNLOGGED TABLE bench_enterprise_base AS SELECT id, "
            "left(udyam_number, 12) AS prefix, row_number() OVER "
            "(PARTITION BY left(udyam_number, 12) ORDER BY id) AS rn FROM registry_enterprise"
        )
        cursor.execute("SELECT max(rn) FROM bench_enterprise_base")
        stride = cursor.fetchone()[0]
        with indexes_deferred(cursor, ["registry_enterprise"]):
            for k in range(copies):
                limit = min(base, wanted - done)
                cursor.execute(
                    f"INSERT INTO registry_enterprise ({others}, udyam_number) "  # noqa: S608
                    f"SELECT {picked}, b.prefix || lpad((%s + %s * %s + b.rn)::text, 7, '0') "
                    "FROM registry_enterprise e JOIN bench_enterprise_base b ON b.id = e.id "
                    "ORDER BY e.id LIMIT %s",
                    [ENTERPRISE_COPY_SERIAL, k, stride, limit],
                )
                done += limit
                progress("enterprises", done, wanted, started)
        cursor.execute("DROP TABLE bench_enterprise_base")
    return {"base": base, "copied": done - base, "seconds": time.monotonic() - started}


def grievances_replicate(copies: int) -> dict:
    """Write every seeded grievance (and its entries) `copies` times, as described above.
    The base rows are renumbered too: copy k of base row n gets id (n - 1) * copies + k + 1."""
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM grievances_grievance")
        base = cursor.fetchone()[0]
    step(f"Copying {base:,} grievances {copies} times in SQL (ids in lodging order)")
    g_columns = table_columns("grievances_grievance")
    t_columns = table_columns("grievances_timelineentry")
    with transaction.atomic(), connection.cursor() as cursor:
        # The copies are copies of valid rows: skip the per-row foreign-key checks and the
        # timeline's append-only trigger while the tables are rewritten.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for name in ("bench_grievance_base", "bench_entry_base"):
            cursor.execute(f"DROP TABLE IF EXISTS {name}")
        cursor.execute(
            "CREATE UNLOGGED TABLE bench_grievance_base AS SELECT row_number() OVER "
            "(ORDER BY id) AS rn, * FROM grievances_grievance"
        )
        cursor.execute(
            "CREATE UNLOGGED TABLE bench_entry_base AS SELECT b.rn, t.* FROM "
            "grievances_timelineentry t JOIN bench_grievance_base b ON b.id = t.grievance_id"
        )
        # CASCADE: the tables pointing at grievances (idempotency keys, triage...) are empty
        # after seeding and stay so.
        cursor.execute("TRUNCATE grievances_grievance, grievances_timelineentry CASCADE")
        with indexes_deferred(cursor, ["grievances_grievance", "grievances_timelineentry"]):
            grievance_copies(cursor, g_columns, base, copies, started)
            entry_copies(cursor, t_columns, copies)
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('grievances_grievance', 'id'), "
            "(SELECT max(id) FROM grievances_grievance))"
        )
        cursor.execute("UPDATE grievances_registrationcounter SET last = last * %s", [copies])
        cursor.execute("DROP TABLE bench_grievance_base")
        cursor.execute("DROP TABLE bench_entry_base")
    return {"base": base, "copies": copies, "seconds": time.monotonic() - started}


STEP_SECONDS = 7  # between copies of one grievance (seeded rows are ~2 minutes apart)
CHUNK = 25_000  # base rows per INSERT, for progress


def grievance_copies(cursor, columns: list[str], base: int, copies: int, started) -> None:
    picked = []
    for c in columns:
        if c == "id":
            picked.append("(b.rn - 1) * %(copies)s + k + 1")
        elif c == "registration_number":
            picked.append(
                "split_part(b.registration_number, '/', 1) || '/' || "
                "split_part(b.registration_number, '/', 2) || '/' || "
                "split_part(b.registration_number, '/', 3) || '/' || lpad(((split_part("
                "b.registration_number, '/', 4)::int - 1) * %(copies)s + k + 1)::text, 7, '0')"
            )
        elif c == "lodged_at":
            picked.append(f"b.lodged_at + k * interval '{STEP_SECONDS} seconds'")
        else:
            picked.append(f"b.{c}")
    sql = (
        f"INSERT INTO grievances_grievance ({', '.join(columns)}) "  # noqa: S608
        f"SELECT {', '.join(picked)} FROM bench_grievance_base b "
        "CROSS JOIN generate_series(0, %(copies)s - 1) AS k "
        "WHERE b.rn > %(low)s AND b.rn <= %(high)s ORDER BY b.rn, k"
    )
    for low in range(0, base, CHUNK):
        cursor.execute(sql, {"copies": copies, "low": low, "high": low + CHUNK})
        progress("grievances", min(low + CHUNK, base) * copies, base * copies, started)


def entry_copies(cursor, columns: list[str], copies: int) -> None:
    step("Copying their timeline entries")
    kept = [c for c in columns if c != "id"]
    picked = []
    for c in kept:
        if c == "grievance_id":
            picked.append("(e.rn - 1) * %(copies)s + k + 1")
        elif c == "created_at":
            picked.append(f"e.created_at + k * interval '{STEP_SECONDS} seconds'")
        else:
            picked.append(f"e.{c}")
    cursor.execute(
        f"INSERT INTO grievances_timelineentry ({', '.join(kept)}) "  # noqa: S608
        f"SELECT {', '.join(picked)} FROM bench_entry_base e "
        "CROSS JOIN generate_series(0, %(copies)s - 1) AS k ORDER BY e.rn, k, e.id",
        {"copies": copies},
    )


class indexes_deferred:
    """Drop the tables' plain indexes (not those behind constraints) and build them again
    afterwards: one sort per index instead of a B-tree insert per row."""

    def __init__(self, cursor, tables: list[str]) -> None:
        self.cursor, self.tables = cursor, tables

    def __enter__(self):
        self.cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND "
            "indexname NOT IN (SELECT conname FROM pg_constraint)",
            [self.tables],
        )
        self.saved = self.cursor.fetchall()
        for name, _definition in self.saved:
            self.cursor.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is not None:
            return
        step(f"Building {len(self.saved)} indexes again")
        for _name, definition in self.saved:
            self.cursor.execute(definition)


def table_columns(table: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
            "AND table_schema = 'public' ORDER BY ordinal_position",
            [table],
        )
        return [row[0] for row in cursor.fetchall()]
