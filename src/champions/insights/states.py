"""The India map as a tile grid (a cartogram): one square per state or union territory, placed
roughly where it lies, so the map never draws a border at all, let alone a wrong one. Also the
registered units per state that the choropleth divides by."""

import csv
from functools import cache
from pathlib import Path

# Udyam code -> (column, row) on a 10 x 9 grid, north at the top.
STATE_TILES: dict[str, tuple[int, int]] = {
    "JK": (3, 0), "LA": (4, 0),
    "PB": (3, 1), "HP": (4, 1),
    "CH": (2, 2), "HR": (3, 2), "UK": (4, 2), "SK": (6, 2), "AR": (9, 2),
    "RJ": (2, 3), "DL": (3, 3), "UP": (4, 3), "BR": (5, 3), "WB": (6, 3), "AS": (8, 3),
    "NL": (9, 3),
    "GJ": (2, 4), "MP": (3, 4), "CG": (4, 4), "JH": (5, 4), "ML": (8, 4), "MN": (9, 4),
    "DD": (1, 5), "MH": (2, 5), "TS": (3, 5), "OD": (5, 5), "TR": (8, 5), "MZ": (9, 5),
    "GA": (2, 6), "KR": (3, 6), "AP": (4, 6),
    "KL": (3, 7), "TN": (4, 7), "PY": (5, 7),
    "LD": (1, 8), "AN": (8, 8),
}  # fmt: skip
GRID_COLUMNS, GRID_ROWS = 10, 9
# Registered units per state: the Udyam district counts of 27 August 2023 (registry/data, open
# data from the Ministry of MSME via data.gov.in, GODL-India), summed per state.
UNITS_FILE = Path(__file__).resolve().parent / "data" / "registered_units_by_state.csv"


@cache
def registered_units_by_state() -> dict[str, int]:
    with UNITS_FILE.open(encoding="utf-8", newline="") as f:
        return {row["udyam_code"]: int(row["registered_units"]) for row in csv.DictReader(f)}
