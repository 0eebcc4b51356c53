"""The tamper-evident record: append-only rows linked by a SHA-256 hash chain.

A chained row stores `prev_hash` (the hash of the row before it in its chain) and `hash`
(SHA-256 over its own columns and `prev_hash`). Changing, inserting or deleting a row in the
middle of a chain breaks every link after it, which `champions audit verify` reports.

Three guards keep the rows as written:
- the ORM: `AppendOnlyModel.save()` refuses an existing row, `delete()` refuses, and the
  manager's `update()`/`delete()`/`bulk_update()` refuse;
- the admin: the models are shown read-only;
- PostgreSQL: a trigger refuses UPDATE and DELETE (`append_only_guard`, added by a migration;
  SQLite has no such guard, and its test database is emptied with DELETE).

Apps register their chains with `chain_register` from `AppConfig.ready()` (core sits below
them), so the one command checks every chain.
"""

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import connection, migrations, models

GENESIS = ""  # the prev_hash of a chain's first row


class AppendOnlyError(Exception):
    """A change or deletion of a row that is kept as written (a programming error)."""


def digest(values: dict, prev_hash: str) -> str:
    """SHA-256 (hex) of `values` and `prev_hash`, in one canonical JSON form: sorted keys,
    datetimes in UTC ISO-8601 with microseconds, text as it is."""
    body = {key: _canonical(value) for key, value in values.items()}
    body["prev_hash"] = prev_hash
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, dict | list | int | float | bool | type(None)):
        return value
    return str(value)  # text, lazy translations, decimals


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only: no update")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only: no delete")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only: no update")


class AppendOnlyModel(models.Model):
    """A row written once: saving it again or deleting it raises `AppendOnlyError`."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows are append-only: no update")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} rows are append-only: no delete")


def chain_lock(key: int) -> None:
    """Serialise appends to one chain until the transaction ends (PostgreSQL advisory lock;
    SQLite writes one transaction at a time anyway)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


# The chains `champions audit verify` checks: name -> a function returning its report.
@dataclass
class ChainReport:
    name: str
    checked: int = 0
    broken: list[str] = field(default_factory=list)  # one line per broken link, first ones

    @property
    def ok(self) -> bool:
        return not self.broken


MAX_REPORTED = 20
_CHAINS: dict[str, Callable[[], ChainReport]] = {}


def chain_register(name: str, verify: Callable[[], ChainReport]) -> None:
    _CHAINS[name] = verify


def chains_verify() -> list[ChainReport]:
    return [verify() for _name, verify in sorted(_CHAINS.items())]


def links_check(
    report: ChainReport,
    rows: Iterable[dict],
    *,
    columns: tuple[str, ...],
    chain_of: Callable[[dict], object] = lambda row: None,
) -> ChainReport:
    """Walk `rows` (dicts with `id`, `prev_hash`, `hash` and `columns`, in chain order; rows of
    several chains may interleave, `chain_of` names each row's chain) and note every row whose
    hash is not what its columns give, or whose prev_hash is not its predecessor's hash."""
    last: dict[object, str] = {}
    for row in rows:
        report.checked += 1
        chain = chain_of(row)
        expected_prev = last.get(chain, GENESIS)
        values = {column: row[column] for column in columns}
        problem = ""
        if row["prev_hash"] != expected_prev:
            problem = "prev_hash does not match the row before (row removed or inserted?)"
        elif digest(values, row["prev_hash"]) != row["hash"]:
            problem = "hash does not match the row's contents (row altered?)"
        if problem and len(report.broken) < MAX_REPORTED:
            report.broken.append(f"{report.name} row {row['id']}: {problem}")
        last[chain] = row["hash"]
    return report


APPEND_ONLY_FUNCTION = """
CREATE OR REPLACE FUNCTION champions_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'champions: % on % refused: the rows are append-only', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def append_only_guard(table: str) -> migrations.RunPython:
    """A migration step adding, on PostgreSQL only, a trigger that refuses UPDATE and DELETE
    on `table` (TRUNCATE, used to empty test databases, is not a row event)."""
    trigger = f"{table}_append_only"

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(APPEND_ONLY_FUNCTION, params=None)
        schema_editor.execute(
            f'CREATE TRIGGER "{trigger}" BEFORE UPDATE OR DELETE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION champions_append_only()"
        )

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP TRIGGER IF EXISTS "{trigger}" ON "{table}"')

    return migrations.RunPython(forward, backward, elidable=False)
