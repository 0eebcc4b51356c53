"""Bulk import of enterprises from CSV or XLSX.

Every row is checked with the same rules as the web form. Good rows are upserted on the Udyam
number (so importing a file twice creates nothing new); bad rows are reported with their row
number, column and reason. All writes happen in one transaction at the end, so a killed
process leaves nothing half-imported.
"""

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.core.selectors import ReferenceIndex, reference_index_build

from .classification import classify
from .models import CategoryChange, Enterprise
from .validation import EnterpriseInput, enterprise_input_errors

COLUMNS = [
    "udyam_number",
    "name",
    "organisation_type",
    "major_activity",
    "state",
    "district",
    "pincode",
    "address",
    "nic_codes",
    "commenced_on",
    "investment_inr",
    "turnover_inr",
    "export_turnover_inr",
    "employees",
    "owner_name",
    "owner_gender",
    "owner_social_category",
    "owner_specially_abled",
    "country",
]
REQUIRED_COLUMNS = {
    "udyam_number",
    "name",
    "organisation_type",
    "major_activity",
    "investment_inr",
    "turnover_inr",
}
BATCH_SIZE = 2000
UPDATE_FIELDS = [
    "name",
    "name_key",
    "organisation_type",
    "country",
    "owner_name",
    "owner_gender",
    "owner_social_category",
    "owner_specially_abled",
    "address",
    "state",
    "district",
    "pincode",
    "nic_codes",
    "primary_nic",
    "major_activity",
    "commenced_on",
    "investment_inr",
    "turnover_inr",
    "export_turnover_inr",
    "employees",
    "category",
    "classification_rule",
    "classified_on",
    "updated_at",
]


class ImportFileError(ValueError):
    """The file as a whole cannot be read (wrong type, no header, missing columns)."""


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number as a spreadsheet shows it, {column: text}); the header is row 1."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _read_csv(path)
    elif suffix == ".xlsx":
        yield from _read_xlsx(path)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))


def _check_header(header: list[str]) -> list[str]:
    names = [h.strip().lower() for h in header]
    missing = REQUIRED_COLUMNS - set(names)
    if missing:
        raise ImportFileError(
            _("Missing columns: %(columns)s.") % {"columns": ", ".join(sorted(missing))}
        )
    return names


def _read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("The CSV file must be UTF-8 encoded.")) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        raise ImportFileError(_("The file is empty."))
    names = _check_header(header)
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        yield number, dict(zip(names, (v.strip() for v in values), strict=False))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook  # heavy import, only needed for spreadsheets

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a corrupt file
        raise ImportFileError(_("This is not a readable .xlsx file.")) from exc
    try:
        rows = workbook.active.iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            raise ImportFileError(_("The file is empty."))
        names = _check_header([_cell(h) for h in header])
        for number, values in enumerate(rows, start=2):
            cells = [_cell(v) for v in values]
            if any(cells):
                yield number, dict(zip(names, cells, strict=False))
    finally:
        workbook.close()


def count_rows(path: Path) -> int:
    """A quick upper bound of the data rows, for the progress bar."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(path, read_only=True)
        except Exception:  # reported properly when the rows are read
            return 0
        try:
            return max(0, (workbook.active.max_row or 1) - 1)
        finally:
            workbook.close()
    with open(path, "rb") as f:
        return max(0, sum(1 for _line in f) - 1)


def _int(value: str) -> int | None:
    text = value.replace(",", "").replace("₹", "").strip()
    if not text:
        return 0
    try:
        number = float(text) if "." in text else int(text)
    except ValueError:
        return None
    if isinstance(number, float) and not number.is_integer():
        return None
    return int(number)


def _date(value: str) -> date | None:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise ValueError(value)


def _lookup_state(value: str, ref: ReferenceIndex) -> int | None:
    text = value.strip()
    if text.isdigit():
        return ref.state_by_lgd_code.get(int(text))
    return ref.state_by_udyam_code.get(text.upper()) or ref.state_by_name.get(text.lower())


def _lookup_district(value: str, state_id: int | None, ref: ReferenceIndex) -> int | None:
    text = value.strip()
    if text.isdigit():
        return ref.district_by_lgd_code.get(int(text))
    if state_id is None:
        return None
    return ref.district_by_state_and_name.get((state_id, text.lower()))


def row_to_input(
    row: dict[str, str],
    ref: ReferenceIndex,
) -> tuple[EnterpriseInput | None, dict[str, list[str]]]:
    """Parse one row's text into an EnterpriseInput; returns the problems found by column."""
    errors: dict[str, list[str]] = {}
    numbers = {}
    for column in ("investment_inr", "turnover_inr", "export_turnover_inr", "employees"):
        value = _int(row.get(column, ""))
        if value is None:
            errors[column] = [_("Must be a whole number.")]
        numbers[column] = value or 0
    commenced_on = None
    if row.get("commenced_on"):
        try:
            commenced_on = _date(row["commenced_on"])
        except ValueError:
            errors["commenced_on"] = [_("Use a date like 2021-04-30.")]
    country = (row.get("country") or "IN").upper()
    state_id = district_id = None
    if country == "IN":
        if row.get("state"):
            state_id = _lookup_state(row["state"], ref)
            if state_id is None:
                errors["state"] = [_("Unknown state: %(value)s.") % {"value": row["state"]}]
        if row.get("district"):
            district_id = _lookup_district(row["district"], state_id, ref)
            if district_id is None and "state" not in errors:
                errors["district"] = [
                    _("Unknown district: %(value)s.") % {"value": row["district"]}
                ]
    nic_codes = row.get("nic_codes", "").replace(";", " ").replace(",", " ").split()
    data = EnterpriseInput(
        udyam_number=row.get("udyam_number") or None,
        name=row.get("name", ""),
        organisation_type=row.get("organisation_type", "").lower(),
        major_activity=row.get("major_activity", "").lower(),
        country=country,
        owner_name=row.get("owner_name", ""),
        owner_gender=row.get("owner_gender", "").lower(),
        owner_social_category=row.get("owner_social_category", "").lower(),
        owner_specially_abled=row.get("owner_specially_abled", "").lower()
        in {"1", "yes", "true", "y"},
        address=row.get("address", ""),
        state_id=state_id,
        district_id=district_id,
        pincode=row.get("pincode", ""),
        nic_codes=nic_codes,
        commenced_on=commenced_on,
        **numbers,
    )
    if errors:
        return None, errors
    if country == "IN" and not row.get("udyam_number"):
        return None, {"udyam_number": [_("An enterprise in India needs its Udyam number.")]}
    if country != "IN":
        return None, {"country": [_("The bulk import takes enterprises in India only.")]}
    problems = enterprise_input_errors(data, ref)
    return (None, problems) if problems else (data, {})


def import_rows(
    rows: Iterator[tuple[int, dict[str, str]]],
    *,
    allowed_district_ids: set[int] | None = None,
    on: date | None = None,
    progress: Callable[[int], None] | None = None,
    actor=None,
) -> ImportResult:
    """Check every row, then write the good ones in one transaction.

    `allowed_district_ids` limits a spoke officer to their room's districts (None: anywhere).
    `progress(rows_checked)` is called every batch while checking.
    """
    ref = reference_index_build()
    on = on or timezone.localdate()
    result = ImportResult()
    good: dict[str, Enterprise] = {}
    for number, row in rows:
        result.total_rows += 1
        data, problems = row_to_input(row, ref)
        if (
            data is not None
            and allowed_district_ids is not None
            and data.district_id not in allowed_district_ids
        ):
            problems = {"district": [_("This district is outside your control room.")]}
            data = None
        if data is None:
            for column, messages in problems.items():
                result.errors.extend(RowError(number, column, m) for m in messages)
            continue
        if data.udyam_number in good:
            result.errors.append(
                RowError(
                    number,
                    "udyam_number",
                    _("This Udyam number appears earlier in the file; the later row is used."),
                )
            )
        verdict = classify(
            investment_inr=data.investment_inr,
            turnover_inr=data.turnover_inr,
            export_turnover_inr=data.export_turnover_inr,
            on=on,
        )
        good[data.udyam_number] = Enterprise(
            **data.as_model_fields(),
            category=verdict.category,
            classification_rule=verdict.rule,
            classified_on=on,
        )
        if progress and result.total_rows % BATCH_SIZE == 0:
            progress(result.total_rows)
    if progress:
        progress(result.total_rows)
    created, updated = _write(list(good.values()), actor=actor)
    result.created, result.updated = created, updated
    result.errors.sort(key=lambda e: e.row)
    return result


@transaction.atomic
def _write(enterprises: list[Enterprise], *, actor) -> tuple[int, int]:
    created = updated = 0
    for start in range(0, len(enterprises), BATCH_SIZE):
        batch = enterprises[start : start + BATCH_SIZE]
        numbers = [e.udyam_number for e in batch]
        before = dict(
            Enterprise.objects.filter(udyam_number__in=numbers).values_list(
                "udyam_number", "category"
            )
        )
        Enterprise.objects.bulk_create(
            batch,
            update_conflicts=True,
            unique_fields=["udyam_number"],
            update_fields=UPDATE_FIELDS,
        )
        ids = dict(
            Enterprise.objects.filter(udyam_number__in=numbers).values_list("udyam_number", "id")
        )
        changes = [
            CategoryChange(
                enterprise_id=ids[e.udyam_number],
                category=e.category,
                previous_category=before.get(e.udyam_number, ""),
                rule=e.classification_rule,
                investment_inr=e.investment_inr,
                turnover_inr=e.turnover_inr,
                export_turnover_inr=e.export_turnover_inr,
                changed_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            for e in batch
            if before.get(e.udyam_number) != e.category
        ]
        CategoryChange.objects.bulk_create(changes)
        created += len(batch) - len(before)
        updated += len(before)
    return created, updated
