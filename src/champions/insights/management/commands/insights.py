from django.core.management.base import BaseCommand

from champions.insights.services import rollups_catch_up_all, rollups_rebuild


class Command(BaseCommand):
    help = (
        "The dashboards' rollups. `rebuild` forgets every count and counts the whole grievance "
        "timeline again; `catch-up` counts what happened since the last run."
    )

    def add_arguments(self, parser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        subcommands.add_parser("rebuild", help="Recount everything (after bulk loads, repairs).")
        subcommands.add_parser("catch-up", help="Count new timeline entries and triage rows.")

    def handle(self, *args, subcommand: str, **options) -> None:
        counted = rollups_rebuild() if subcommand == "rebuild" else rollups_catch_up_all()
        self.stdout.write(f"rollups: {counted} timeline entries and triage rows counted")
