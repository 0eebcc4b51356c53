"""Formula-like text never reaches a spreadsheet as a formula."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from champions.core import spreadsheets

ATTACKS = ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("text", ATTACKS)
def test_csv_cells_that_start_a_formula_get_an_apostrophe(text):
    out = io.StringIO()

    spreadsheets.csv_writer(out).writerow(["ok", text, -5, 3.5])

    row = next(csv.reader(io.StringIO(out.getvalue())))
    assert row == ["ok", f"'{text}", "-5", "3.5"]


def test_plain_text_and_numbers_are_unchanged():
    # "-" alone is the "none" placeholder of the dashboard tables, not a formula
    assert spreadsheets.neutralise_row(["Pune", "a=b", "", 0, -1, None, "-"]) == [
        "Pune",
        "a=b",
        "",
        0,
        -1,
        None,
        "-",
    ]


@pytest.mark.parametrize("text", ATTACKS)
def test_xlsx_cells_keep_their_text_as_a_string_never_a_formula(text):
    book = Workbook()
    spreadsheets.xlsx_append(book.active, ["ok", text, -5])
    buffer = io.BytesIO()
    book.save(buffer)

    cells = next(load_workbook(buffer).active.iter_rows(values_only=False))

    # XML keeps line ends as LF, so a CR comes back as one
    assert [c.value for c in cells] == ["ok", text.replace("\r", "\n"), -5]
    assert cells[1].data_type == "s"
    assert cells[1].quotePrefix is True
    assert cells[2].data_type == "n"
