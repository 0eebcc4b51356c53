from django.core.management.base import BaseCommand

from champions.schemes.services import catalogue_load


class Command(BaseCommand):
    help = "Load the scheme catalogue from schemes/data/schemes/; unchanged files are skipped."

    def handle(self, *args, **options) -> None:
        counts = catalogue_load()
        self.stdout.write(", ".join(f"{v} {k}" for k, v in counts.items()))
