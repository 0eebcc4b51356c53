import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from champions.core import spreadsheets
from champions.registry.importing import ImportFileError, count_rows, import_rows, read_rows


class Command(BaseCommand):
    help = (
        "Import enterprises from a CSV or XLSX file (upsert on the Udyam number). Good rows are "
        "imported in one transaction; bad rows are reported with row number and reason."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--report", type=Path, help="Write the row-level report of bad rows to this CSV file."
        )

    def handle(self, *args, file: Path, report: Path | None, **options) -> None:
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        total = max(count_rows(file), 1)

        def progress(done: int) -> None:
            width = 40
            filled = int(width * min(done, total) / total)
            sys.stderr.write(
                f"\rChecking rows [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
            )
            sys.stderr.flush()

        try:
            result = import_rows(read_rows(file), progress=progress)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        sys.stderr.write("\n")
        self.stdout.write(
            f"{result.total_rows} rows: {result.created} created, {result.updated} updated, "
            f"{len(result.errors)} problems"
        )
        if report:
            with open(report, "w", encoding="utf-8", newline="") as f:
                writer = spreadsheets.csv_writer(f)
                writer.writerow(["row", "column", "problem"])
                writer.writerows([e.row, e.column, e.message] for e in result.errors)
            self.stdout.write(f"Report written to {report}")
        else:
            for e in result.errors[:50]:
                self.stdout.write(f"row {e.row}: {e.column}: {e.message}")
            if len(result.errors) > 50:
                self.stdout.write(f"... and {len(result.errors) - 50} more (use --report)")
