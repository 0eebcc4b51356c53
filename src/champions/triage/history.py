"""Reading a ministry's history file (pure: no database). Columns `text`, `department` and
optionally `category`; the department must be one of the organisations triage knows (spelt as
in `data/cpgrams_organisations.csv`, case and spacing aside, or its CPGRAMS org code).
Every bad row is reported with its line number; good rows are returned."""

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .choices import STATE_GOVERNMENT
from .datasets import organisation_of_code, organisations

REQUIRED = ("text", "department")
MAX_TEXT = 10_000


@dataclass(frozen=True)
class HistoryRow:
    line: int
    text: str
    department: str
    category: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.department}\n{self.text}".encode()).hexdigest()


@dataclass
class HistoryFile:
    rows: list[HistoryRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def department_lookup() -> dict[str, str]:
    """Organisation names and CPGRAMS org codes, folded, -> the organisation's name."""
    lookup = {_key(name): name for name in organisations()}
    lookup |= {_key(code): name for code, name in organisation_of_code().items()}
    lookup[_key(STATE_GOVERNMENT)] = STATE_GOVERNMENT
    return lookup


def history_read(path: Path | str) -> HistoryFile:
    """Parse a history CSV. Raises ValueError when the header lacks a required column."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return _rows(csv.DictReader(handle))


def _rows(reader: csv.DictReader) -> HistoryFile:
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"The file has no column {', '.join(missing)}.")
    lookup = department_lookup()
    result = HistoryFile()
    for row in reader:
        line = reader.line_num
        text = (row.get("text") or "").strip()
        given = (row.get("department") or "").strip()
        if not text:
            result.errors.append((line, "text is empty"))
        elif len(text) > MAX_TEXT:
            result.errors.append((line, f"text is longer than {MAX_TEXT:,} characters"))
        elif not given:
            result.errors.append((line, "department is empty"))
        elif _key(given) not in lookup:
            result.errors.append((line, f"department {given!r} is not a known organisation"))
        else:
            category = (row.get("category") or "").strip()[:500]
            result.rows.append(HistoryRow(line, text, lookup[_key(given)], category))
    return result
