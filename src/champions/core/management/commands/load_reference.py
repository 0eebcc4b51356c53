from django.core.management.base import BaseCommand

from champions.core.reference import reference_data_load


class Command(BaseCommand):
    help = "Load states/UTs, districts (LGD), pincodes and NIC-2008 codes. Safe to run again."

    def handle(self, *args, **options) -> None:
        counts = reference_data_load()
        self.stdout.write(", ".join(f"{n} {k}" for k, n in counts.items()))
