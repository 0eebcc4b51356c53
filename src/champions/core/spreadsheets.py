"""Every CSV and XLSX the portal hands out goes through here, so a cell a user typed cannot run
as a spreadsheet formula (CSV/formula injection, OWASP; ASVS 5.0 1.2.10).

A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is what Excel,
LibreOffice and Sheets read as a formula (`=HYPERLINK(...)`, `-2+3`, `@SUM(...)`). In CSV such a
cell gets a leading apostrophe, which the spreadsheet shows as "text" and hides; in XLSX the cell
is written as a string with the "quote prefix" style, so it keeps its exact text and never
becomes a formula. Numbers stay numbers (a negative int is not text).
"""

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    """A lone "-" (the placeholder for "none") or "+" is plain text to every spreadsheet."""
    return isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_STARTS)


def neutralise(value: Any) -> Any:
    """The value safe for a CSV cell: formula-like text gets a leading apostrophe."""
    return f"'{value}" if is_formula_like(value) else value


def neutralise_row(row: Iterable[Any]) -> list[Any]:
    return [neutralise(value) for value in row]


class SafeCsvWriter:
    """`csv.writer` that neutralises every cell; the same `writerow`/`writerows`."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow(neutralise_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out, **options) -> SafeCsvWriter:
    return SafeCsvWriter(out, **options)


def xlsx_append(sheet, row: Iterable[Any]) -> None:
    """Append a row to an openpyxl sheet; formula-like text is kept as quoted text."""
    values = list(row)
    sheet.append([str(v) if is_formula_like(v) else v for v in values])
    for cell, value in zip(sheet[sheet.max_row], values, strict=False):
        if is_formula_like(value):
            cell.value = value
            cell.data_type = "s"
            cell.quotePrefix = True
