from django.core.management.base import BaseCommand

from champions.grievances.reference import grievance_reference_load


class Command(BaseCommand):
    help = "Load the default SLA policy and the fixed national holidays. Idempotent."

    def handle(self, *args, **options) -> None:
        counts = grievance_reference_load()
        self.stdout.write(f"{counts['holidays_added']} holidays added")
