from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from champions.accounts.selectors import user_get_by_email
from champions.network.services import profiles_import_csv


class Command(BaseCommand):
    help = (
        "Onboard partner profiles from a CSV (columns: name, country, state, description, "
        "needs, hs_codes, needs_hs_codes, nic_codes, udyam_number, registration_number, "
        "website, email, capacity; codes separated by ';') as the officer given by --officer."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--officer", required=True, help="The importing officer's e-mail.")
        parser.add_argument("--report", type=Path, help="Write the row-level errors here (CSV).")

    def handle(self, *args, file: Path, officer: str, report: Path | None, **options) -> None:
        user = user_get_by_email(email=officer)
        if user is None or not file.exists():
            raise CommandError("Unknown officer or missing file.")
        result = profiles_import_csv(user=user, text=file.read_text(encoding="utf-8"))
        if report:
            report.write_text(result.as_csv(), encoding="utf-8")
        self.stdout.write(f"{len(result.created_ids)} profiles added, {len(result.errors)} errors")
