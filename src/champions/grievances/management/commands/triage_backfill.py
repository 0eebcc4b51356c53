from django.core.management.base import BaseCommand

from champions.grievances.triage_link.predictions import grievance_triage_backfill


class Command(BaseCommand):
    help = (
        "Triage and embed grievances that have no prediction or no vector yet (lodged while "
        "the models were missing). Safe to run again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--limit", type=int, default=1000, help="at most this many")

    def handle(self, *args, **options) -> None:
        done = grievance_triage_backfill(limit=max(options["limit"], 0))
        self.stdout.write(f"{done} grievances triaged and embedded")
