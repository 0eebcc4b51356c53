"""COPY loading (core.bulk): rows written with their reserved ids read back as the ORM wrote
them, and the table's sequence moves past them. PostgreSQL only (COPY is PostgreSQL's)."""

import pytest
from django.db import connection

from champions.core.bulk import copy_create, ids_reserve
from champions.core.models import District, State

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's"),
]


def test_rows_copied_with_reserved_ids_read_back_and_the_sequence_moves_past_them():
    # given
    state = State.objects.get(udyam_code="MH")
    ids = ids_reserve(District, 2)
    rows = [
        District(pk=ids[0], lgd_code=990001, state=state, name="Bench North"),
        District(pk=ids[1], lgd_code=990002, state=state, name="Bench South"),
    ]

    # when
    written = copy_create(District, rows)
    later = District.objects.create(lgd_code=990003, state=state, name="Bench East")

    # then
    assert written == 2
    stored = District.objects.filter(pk__in=ids).order_by("pk")
    assert [(d.pk, d.lgd_code, d.state_id, d.name) for d in stored] == [
        (ids[0], 990001, state.pk, "Bench North"),
        (ids[1], 990002, state.pk, "Bench South"),
    ]
    assert later.pk > max(ids)
