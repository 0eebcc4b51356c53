"""Bulk loading on PostgreSQL with COPY: the rows bulk_create would insert, several times faster.

bulk_create sends INSERT statements of a thousand rows with a parameter per value and reads
the new ids back; COPY ... FROM STDIN streams the rows and PostgreSQL parses them in one pass.
`copy_create` writes each field's value exactly as bulk_create would (the field's `pre_save`,
then `get_db_prep_save`), so defaults, `auto_now`, choices and JSON look the same; it does not
read ids back, so a caller that needs them (to write child rows) takes them first from the
table's sequence with `ids_reserve`. Signals are not sent, like bulk_create. Used by the
bulk loaders of benchmarks and synthetic data; every other write goes through the services.
"""

from collections.abc import Iterable

from django.db import connections, models


def copy_supported(using: str = "default") -> bool:
    return connections[using].vendor == "postgresql"


def copy_create(model: type[models.Model], objs: Iterable[models.Model], *, using="default") -> int:
    """COPY unsaved `objs` into `model`'s table; returns how many. The primary key is written
    when the first object has one (ids taken with `ids_reserve`), else the database numbers
    the rows. PostgreSQL only."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        raise ValueError("copy_create needs PostgreSQL")
    rows = iter(objs)
    first = next(rows, None)
    if first is None:
        return 0
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and getattr(first, f.attname) is None)
    ]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    count = 0
    with (
        connection.wrap_database_errors,  # psycopg's errors as Django's (IntegrityError, ...)
        connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for obj in _chain(first, rows):
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
            count += 1
    return count


def _chain(first, rest):
    yield first
    yield from rest


def ids_reserve(model: type[models.Model], n: int, *, using="default") -> list[int]:
    """`n` new primary keys from the table's own sequence (as INSERTs would take them), so
    rows written with COPY can be pointed at before they exist. PostgreSQL only."""
    connection = connections[using]
    pk = model._meta.pk
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, pk.column, n],
        )
        return [row[0] for row in cursor.fetchall()]
