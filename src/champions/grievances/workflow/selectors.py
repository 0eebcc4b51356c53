"""What the workflow offers: the departments and ministries a grievance is referred to."""

import csv
from functools import cache
from pathlib import Path

ORGANISATIONS_FILE = Path(__file__).resolve().parents[1] / "data" / "cpgrams_organisations.csv"
# Their names in Hindi: the CPGRAMS category tree's where it has one, else the official Hindi
# name of the ministry or department (column `source`; see data/README.md).
ORGANISATION_NAMES_HI_FILE = ORGANISATIONS_FILE.with_name("organisation_names_hi.csv")


@cache
def referral_organisation_list() -> tuple[str, ...]:
    """The departments and ministries a grievance can be referred to: the CPGRAMS
    organisation list (DARPG open data) plus "State Government", read once."""
    with ORGANISATIONS_FILE.open(encoding="utf-8", newline="") as f:
        return tuple(row["name"] for row in csv.DictReader(f))


@cache
def _organisation_names_hi() -> dict[str, str]:
    with ORGANISATION_NAMES_HI_FILE.open(encoding="utf-8", newline="") as f:
        return {row["name"]: row["name_hi"] for row in csv.DictReader(f)}


def organisation_hindi_name(name: str) -> str:
    """The Hindi name of a department or ministry of the referral list ("" when unknown)."""
    return _organisation_names_hi().get(name, "")
