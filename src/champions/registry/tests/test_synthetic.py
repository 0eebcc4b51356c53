"""Synthetic enterprises pass the same validation as real ones, with the national mix."""

import io
from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import Max
from django.utils import timezone

from champions.core.selectors import reference_index_build
from champions.registry.models import Enterprise
from champions.registry.services import enterprise_create
from champions.registry.synthetic import synthetic_enterprises
from champions.registry.tests.factories import enterprise_input
from champions.registry.validation import EnterpriseInput, enterprise_input_errors

pytestmark = pytest.mark.django_db
FIELDS = list(EnterpriseInput.__dataclass_fields__)


def test_every_synthetic_enterprise_is_valid_and_the_mix_is_national():
    ref = reference_index_build()
    units = list(synthetic_enterprises(1000, ref=ref, seed=7, on=date(2026, 4, 1)))

    problems = {
        unit.udyam_number: errors
        for unit in units
        if (
            errors := enterprise_input_errors(
                EnterpriseInput(**{f: getattr(unit, f) for f in FIELDS}), ref
            )
        )
    }
    categories = Counter(unit.category for unit in units)

    assert problems == {}
    assert len({unit.udyam_number for unit in units}) == 1000
    assert 0.95 < categories["micro"] / 1000 < 0.99
    assert categories["none"] == 0


COMPARED = [
    f.attname
    for f in Enterprise._meta.concrete_fields
    if f.attname not in ("id", "created_at", "updated_at")
]


def _expected(n: int, seed: int) -> dict[str, tuple]:
    """What `generate --enterprises n --seed seed` makes next (its first chunk's seed and
    serials, as the command computes them)."""
    start = (Enterprise.objects.aggregate(m=Max("id"))["m"] or 0) + 1_000_000
    rows = synthetic_enterprises(
        n, ref=reference_index_build(), seed=seed * 100_000, start_serial=start,
        on=timezone.localdate(),
    )  # fmt: skip
    return {e.udyam_number: tuple(getattr(e, a) for a in COMPARED) for e in rows}


def _stored() -> dict[str, tuple]:
    return {row[0]: row for row in Enterprise.objects.values_list(*COMPARED)}


def test_generate_stores_the_generated_enterprises_unchanged():
    # given
    expected = _expected(30, seed=3)

    # when: on PostgreSQL through COPY (core.bulk), on SQLite through bulk_create
    call_command("generate", enterprises=30, seed=3, workers=1, stdout=io.StringIO())

    # then: every column as the generator made it (JSON, dates, flags, figures)
    assert _stored() == expected
    assert all(e.created_at for e in Enterprise.objects.all())


def test_generate_skips_a_number_already_taken_and_stores_the_rest(entrepreneur):
    # given: a registered unit holding the Udyam number the next run would give its first row
    taken = enterprise_create(data=enterprise_input(), actor=entrepreneur)
    expected = _expected(20, seed=4)
    first = next(iter(expected))
    Enterprise.objects.filter(pk=taken.pk).update(udyam_number=first)

    # when
    call_command("generate", enterprises=20, seed=4, workers=1, stdout=io.StringIO())

    # then: the clashing row is skipped (the batch falls back to bulk_create), the others stored
    stored = _stored()
    assert Enterprise.objects.count() == 20
    assert Enterprise.objects.get(udyam_number=first).pk == taken.pk
    assert {k: v for k, v in stored.items() if k != first} == {
        k: v for k, v in expected.items() if k != first
    }
