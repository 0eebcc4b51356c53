"""Officers onboard units in bulk (trade-fair and embassy lists): a CSV with one profile a row,
checked row by row; good rows are saved in one transaction, bad rows come back with reasons."""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from champions.core import spreadsheets
from champions.core.errors import ValidationFailed

from . import indexing
from .choices import ProfileKind, ReviewStatus
from .models import Profile
from .validation import ProfileInput, profile_input_clean

COLUMNS = (
    "name",
    "country",
    "state",
    "description",
    "needs",
    "hs_codes",
    "needs_hs_codes",
    "nic_codes",
    "udyam_number",
    "registration_number",
    "website",
    "email",
    "capacity",
)
LIST_COLUMNS = {"hs_codes", "needs_hs_codes", "nic_codes"}
MAX_ROWS = 50_000


@dataclass
class ImportReport:
    created_ids: list[int] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # row, field, message

    def as_csv(self) -> str:
        out = io.StringIO()
        writer = spreadsheets.csv_writer(out)
        writer.writerow(["row", "field", "message"])
        writer.writerows(self.errors)
        return out.getvalue()


def _row_input(row: dict) -> ProfileInput:
    values = {}
    for name in COLUMNS:
        raw = (row.get(name) or "").strip()
        values[name] = (
            [p for p in raw.replace(",", ";").split(";") if p.strip()]
            if (name in LIST_COLUMNS)
            else raw
        )
    return ProfileInput(**values)


def profiles_import(*, officer, text: str) -> ImportReport:
    """Officer check is the caller's (services.profiles_import_csv)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    report = ImportReport()
    missing = {"name", "country"} - set(reader.fieldnames or [])
    if missing:
        raise ValidationFailed(
            "The file lacks columns.", errors={"file": [f"Missing columns: {sorted(missing)}"]}
        )
    good: list[Profile] = []
    for number, row in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            report.errors.append((number, "file", f"Only {MAX_ROWS} rows per file."))
            break
        try:
            data, state_id = profile_input_clean(_row_input(row))
        except ValidationFailed as exc:
            for name, messages in exc.errors.items():
                report.errors.extend((number, name, m) for m in messages)
            continue
        profile = Profile(
            kind=ProfileKind.INDIAN if data.country == "IN" else ProfileKind.FOREIGN,
            review_status=ReviewStatus.APPROVED,
            reviewed_by=officer,
            state_id=state_id,
            **{k: v for k, v in vars(data).items() if k != "state"},
        )
        good.append(profile)
    with transaction.atomic():
        Profile.objects.bulk_create(good, batch_size=1000)
        for profile in good:
            indexing.declared_tags_write(profile)
    report.created_ids = [p.pk for p in good]
    return report
