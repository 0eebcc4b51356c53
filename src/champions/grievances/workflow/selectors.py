"""What the workflow offers: the departments and ministries a grievance is referred to."""

import csv
from functools import cache
from pathlib import Path

ORGANISATIONS_FILE = Path(__file__).resolve().parents[1] / "data" / "cpgrams_organisations.csv"


@cache
def referral_organisation_list() -> tuple[str, ...]:
    """The departments and ministries a grievance can be referred to: the CPGRAMS
    organisation list (DARPG open data) plus "State Government", read once."""
    with ORGANISATIONS_FILE.open(encoding="utf-8", newline="") as f:
        return tuple(row["name"] for row in csv.DictReader(f))
