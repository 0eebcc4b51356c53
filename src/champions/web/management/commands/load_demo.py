from django.core.management.base import BaseCommand, CommandError

from champions.controlrooms.selectors import hub_get
from champions.web.demo import demo_data_load


class Command(BaseCommand):
    help = "Load demo users (one per role) and demo enterprises. Running it again adds nothing."

    def handle(self, *args, **options) -> None:
        if hub_get() is None:
            raise CommandError("Load the reference data and network first (make setup).")
        counts = demo_data_load()
        self.stdout.write(
            f"demo: {counts['users']} users and {counts['enterprises']} enterprises added"
        )
