from django.core.management.base import BaseCommand

from champions.controlrooms.services import network_load


class Command(BaseCommand):
    help = "Load the control-room network (hub and spokes) and cover every district. Idempotent."

    def handle(self, *args, **options) -> None:
        counts = network_load()
        self.stdout.write(
            f"{counts['rooms']} rooms, {counts['districts_assigned']} districts newly assigned"
        )
