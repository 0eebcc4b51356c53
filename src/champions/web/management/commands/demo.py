from django.core.management.base import BaseCommand, CommandError

from champions.controlrooms.selectors import hub_get
from champions.grievances.demo import DEMO_GRIEVANCES
from champions.web.demo import demo_data_load, demo_grievances


class Command(BaseCommand):
    help = (
        "Load the demo: users, enterprises and a year of demo grievances. Running it again adds "
        "nothing; a larger --grievances adds the difference."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--grievances",
            type=int,
            default=DEMO_GRIEVANCES,
            help=f"How many demo grievances there should be (default {DEMO_GRIEVANCES}).",
        )

    def handle(self, *args, grievances: int, **options) -> None:
        if hub_get() is None:
            raise CommandError("Load the reference data and network first (make setup).")
        if grievances < 0:
            raise CommandError("--grievances must be 0 or more.")
        counts = demo_data_load()
        added = demo_grievances(count=grievances)
        self.stdout.write(
            f"demo: {counts['users']} users, {counts['enterprises']} enterprises and "
            f"{added} grievances added"
        )
