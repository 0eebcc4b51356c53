"""Names of bodies, schemes and institutions that belong to one organisation ("IRCTC",
"EPFO", "पासपोर्ट"), read from `data/department_gazetteer.csv` (written by hand). A grievance
naming one is likely that organisation's: routing mixes the hits in as a third vote. Names
match whole words, case-insensitively, in Latin or Devanagari script. Pure Python."""

import csv
import re
from functools import cache
from pathlib import Path

import numpy as np

GAZETTEER_FILE = Path(__file__).resolve().parent / "data" / "department_gazetteer.csv"
# A letter of either script (Devanagari vowel signs are not \w) may not touch a name's ends.
_EDGE = r"[\w\u0900-\u097f]"


@cache
def gazetteer() -> dict[str, str]:
    """Name (case-folded) -> organisation."""
    with open(GAZETTEER_FILE, encoding="utf-8", newline="") as f:
        return {row["name"].casefold(): row["department"] for row in csv.DictReader(f)}


@cache
def _pattern() -> re.Pattern:
    names = sorted(gazetteer(), key=len, reverse=True)  # the longest name wins an overlap
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(f"(?<!{_EDGE})(?:{alternatives})(?!{_EDGE})")


def gazetteer_hits(text: str) -> dict[str, int]:
    """Per organisation, how many of its names the text holds (each name counted once)."""
    found = {match.group(0) for match in _pattern().finditer(text.casefold())}
    hits: dict[str, int] = {}
    for name in found:
        organisation = gazetteer()[name]
        hits[organisation] = hits.get(organisation, 0) + 1
    return hits


def gazetteer_distribution(text: str, classes: list[str]) -> np.ndarray | None:
    """The hits as probabilities over `classes`, or None when the text names no body."""
    hits = gazetteer_hits(text)
    counts = np.array([hits.get(c, 0) for c in classes], dtype=np.float64)
    total = counts.sum()
    return counts / total if total else None
