"""Synthetic enterprises pass the same validation as real ones, with the national mix."""

from collections import Counter
from datetime import date

import pytest

from champions.core.selectors import reference_index_build
from champions.registry.synthetic import synthetic_enterprises
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
