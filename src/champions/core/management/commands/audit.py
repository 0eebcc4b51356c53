from django.core.management.base import BaseCommand, CommandError

from champions.core.audit import chains_verify


class Command(BaseCommand):
    help = (
        "The tamper-evident record. `verify` recomputes every hash chain (the grievance "
        "timelines, the admin audit log) and exits with status 1, naming the first broken "
        "rows, if a row was altered, inserted or removed behind the application's back."
    )

    def add_arguments(self, parser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        subcommands.add_parser("verify", help="Check every hash chain.")

    def handle(self, *args, subcommand: str, **options) -> None:
        reports = chains_verify()
        for report in reports:
            state = "intact" if report.ok else f"BROKEN ({len(report.broken)}+ rows)"
            self.stdout.write(f"{report.name}: {report.checked} rows checked, {state}")
            for line in report.broken:
                self.stdout.write(f"  {line}")
        if not all(report.ok for report in reports):
            raise CommandError("audit chain broken", returncode=1)
        self.stdout.write(self.style.SUCCESS("Every chain is intact."))
