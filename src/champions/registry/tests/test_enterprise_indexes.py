"""Every index on the enterprise table is paid for on each insert (an import of new rows at
10 M enterprises spent nearly all its time writing): none may be a leading part of another."""

import pytest
from django.db import connection

from champions.registry.models import Enterprise

pytestmark = pytest.mark.django_db


def plain_indexes() -> dict[str, tuple[str, ...]]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Enterprise._meta.db_table)
    return {
        name: tuple(info["columns"])
        for name, info in found.items()
        if info["index"]
        and not info["unique"]
        and not info["primary_key"]
        # pattern_ops twins (PostgreSQL's LIKE 'x%' indexes) and expressions are other uses
        and not name.endswith("_like")
        and None not in info["columns"]
    }


def test_no_plain_index_is_the_leading_part_of_another():
    indexes = plain_indexes()

    covered = [
        (name, other)
        for name, columns in indexes.items()
        for other, longer in indexes.items()
        if other != name and longer[: len(columns)] == columns
    ]

    assert covered == []
    assert ("state_id", "category") in indexes.values()
    assert ("district_id", "category") in indexes.values()
