"""Bulk import: row-level report, upsert on the Udyam number, CSV and XLSX, all or nothing."""

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from champions.registry.importing import COLUMNS, import_rows, read_rows
from champions.registry.models import CategoryChange, Enterprise

pytestmark = pytest.mark.django_db

GOOD = {
    "udyam_number": "UDYAM-MH-26-0000101",
    "name": "Kolhapur Castings",
    "organisation_type": "partnership",
    "major_activity": "manufacturing",
    "state": "MH",
    "district": "490",
    "pincode": "411001",
    "nic_codes": "24319; 25999",
    "commenced_on": "2012-06-01",
    "investment_inr": "3,20,00,000",
    "turnover_inr": "80000000",
    "export_turnover_inr": "0",
    "employees": "35",
    "owner_gender": "Male",
    "owner_social_category": "obc",
    "owner_specially_abled": "no",
}


def _csv(tmp_path: Path, rows: list[dict], name: str = "units.csv") -> Path:
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _rows() -> list[dict]:
    second = {
        **GOOD,
        "udyam_number": "UDYAM-DL-01-0000102",
        "name": "Okhla Prints",
        "state": "Delhi",
        "district": "",
        "pincode": "110020",
        "major_activity": "services",
        "nic_codes": "18112",
    }
    second["district"] = "South"
    bad = {
        **GOOD,
        "udyam_number": "UDYAM-XX-26-0000103",
        "turnover_inr": "lots",
        "pincode": "110001",
    }
    return [GOOD, second, bad]


def test_good_rows_imported_bad_rows_reported(tmp_path):
    result = import_rows(read_rows(_csv(tmp_path, _rows())))

    assert (result.total_rows, result.created, result.updated) == (3, 2, 0)
    assert [(e.row, e.column) for e in result.errors] == [(4, "turnover_inr")]
    unit = Enterprise.objects.get(udyam_number="UDYAM-MH-26-0000101")
    assert (unit.category, unit.investment_inr, unit.nic_codes, unit.owner_gender) == (
        "small",
        32_000_000,
        ["24319", "25999"],
        "male",
    )


def test_reference_problems_are_reported_with_row_and_column(tmp_path):
    rows = [
        {**GOOD, "udyam_number": "UDYAM-ZZ-26-0000001"},
        {**GOOD, "udyam_number": "UDYAM-MH-26-0000002", "pincode": "110001"},
        {**GOOD, "udyam_number": "UDYAM-MH-26-0000003", "nic_codes": "99999"},
        {**GOOD, "udyam_number": "UDYAM-MH-26-0000004", "state": "Atlantis"},
        {**GOOD, "udyam_number": "UDYAM-MH-26-0000005", "commenced_on": "yesterday"},
        {**GOOD, "udyam_number": ""},
    ]

    result = import_rows(read_rows(_csv(tmp_path, rows)))

    assert [(e.row, e.column) for e in result.errors] == [
        (2, "udyam_number"),
        (3, "pincode"),
        (4, "nic_codes"),
        (5, "state"),
        (6, "commenced_on"),
        (7, "udyam_number"),
    ]
    assert Enterprise.objects.count() == 0


def test_importing_the_same_file_twice_creates_no_duplicates(tmp_path):
    path = _csv(tmp_path, _rows())
    import_rows(read_rows(path))

    again = import_rows(read_rows(path))

    assert (again.created, again.updated) == (0, 2)
    assert Enterprise.objects.count() == 2
    assert CategoryChange.objects.count() == 2  # unchanged categories add no history


def test_reimport_with_new_figures_updates_and_records_category(tmp_path):
    import_rows(read_rows(_csv(tmp_path, [GOOD])))

    import_rows(read_rows(_csv(tmp_path, [{**GOOD, "investment_inr": "300000000"}], "v2.csv")))

    unit = Enterprise.objects.get(udyam_number=GOOD["udyam_number"])
    assert unit.category == "medium"
    assert list(
        CategoryChange.objects.filter(enterprise=unit)
        .order_by("id")
        .values_list("previous_category", "category")
    ) == [("", "small"), ("small", "medium")]


def test_xlsx_is_read_like_csv(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    sheet.append([GOOD.get(c, "") for c in COLUMNS[:-1]] + ["IN"])
    path = tmp_path / "units.xlsx"
    book.save(path)

    result = import_rows(read_rows(path))

    assert (result.created, result.errors) == (1, [])


def test_spoke_officer_scope_limits_rows(tmp_path, spoke_officer):
    from champions.registry.selectors import district_ids_in_scope

    result = import_rows(
        read_rows(_csv(tmp_path, _rows()[:2])),
        allowed_district_ids=district_ids_in_scope(user=spoke_officer),
    )

    assert result.created == 1
    assert [(e.row, e.column) for e in result.errors] == [(3, "district")]


@pytest.mark.parametrize(
    ("_case", "content", "name"),
    [
        ("missing columns", "name,state\nA,MH\n", "x.csv"),
        ("wrong type", "hello", "x.txt"),
        ("not UTF-8", "udyam_number,name\n".encode("utf-16").decode("latin-1"), "x.csv"),
    ],
)
def test_unreadable_files_are_refused(tmp_path, _case, content, name):
    from champions.registry.importing import ImportFileError

    path = tmp_path / name
    path.write_text(content, encoding="latin-1")

    with pytest.raises(ImportFileError):
        list(read_rows(path))


def _serial_rows(n: int):
    for i in range(n):
        yield {**GOOD, "udyam_number": f"UDYAM-MH-26-{i + 1:07d}", "name": f"Unit {i}"}


@pytest.mark.slow
def test_a_killed_import_leaves_nothing_behind(tmp_path):
    """Run the real command on a file database, kill it while it writes, count the rows."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        CHAMPIONS_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="champions.config.settings.base",
    )
    champions = [sys.executable, "-m", "champions.manage"]
    for step in (["migrate", "-v0"], ["load_reference"]):
        subprocess.run(champions + step, env=env, check=True, capture_output=True)
    path = _csv(tmp_path, list(_serial_rows(60_000)), "big.csv")

    process = subprocess.Popen(
        [*champions, "import-enterprises", str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    seen = b""
    while b"60000/60000" not in seen:  # all rows checked: the write transaction starts now
        chunk = process.stderr.read1(4096)
        assert chunk, f"the import ended early: {seen[-300:]!r}"
        seen += chunk
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    count = (
        subprocess.run(
            [
                *champions,
                "shell",
                "-c",
                "from champions.registry.models import Enterprise;"
                "print(Enterprise.objects.count())",
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )

    assert process.returncode == -signal.SIGKILL
    assert b"created" not in process.stdout.read()
    assert count == "0"


def test_report_lists_rows_in_order(tmp_path):
    from champions.registry.jobs import import_report_csv
    from champions.registry.models import ImportJob

    result = import_rows(read_rows(_csv(tmp_path, _rows())))
    job = ImportJob(errors=[[e.row, e.column, e.message] for e in result.errors])

    report = list(csv.reader(io.StringIO(import_report_csv(job=job))))

    assert report[0] == ["row", "column", "problem"]
    assert report[1][:2] == ["4", "turnover_inr"]
