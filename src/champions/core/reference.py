"""Loads the reference files in core/data/ into the database (idempotent upserts)."""

import csv
from collections.abc import Iterator
from pathlib import Path

from django.db import transaction

from .models import District, NicCode, Pincode, State

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> Iterator[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


@transaction.atomic
def reference_data_load() -> dict[str, int]:
    """Create or update every state, district, pincode and NIC code; returns counts."""
    states = [
        State(
            lgd_code=int(r["lgd_code"]),
            udyam_code=r["udyam_code"],
            name=r["name"],
            name_hi=r["name_hi"],
            kind=r["kind"],
        )
        for r in _rows("states.csv")
    ]
    State.objects.bulk_create(
        states,
        update_conflicts=True,
        unique_fields=["lgd_code"],
        update_fields=["udyam_code", "name", "name_hi", "kind"],
    )
    state_ids = dict(State.objects.values_list("lgd_code", "id"))
    districts = [
        District(
            lgd_code=int(r["lgd_code"]),
            state_id=state_ids[int(r["state_lgd_code"])],
            name=r["name"],
        )
        for r in _rows("districts.csv")
    ]
    District.objects.bulk_create(
        districts,
        update_conflicts=True,
        unique_fields=["lgd_code"],
        update_fields=["state", "name"],
        batch_size=500,
    )
    pincodes = [
        Pincode(code=r["pincode"], state_id=state_ids[int(r["state_lgd_code"])])
        for r in _rows("pincodes.csv")
    ]
    Pincode.objects.bulk_create(
        pincodes,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["state"],
        batch_size=2000,
    )
    nic = [
        NicCode(
            code=r["code"],
            description=r["description"],
            section=r["section"],
            section_name=r["section_name"],
            division_name=r["division_name"],
        )
        for r in _rows("nic2008.csv")
    ]
    NicCode.objects.bulk_create(
        nic,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["description", "section", "section_name", "division_name"],
        batch_size=500,
    )
    return {
        "states": len(states),
        "districts": len(districts),
        "pincodes": len(pincodes),
        "nic_codes": len(nic),
    }
