import json
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from champions.grievances.sla.forecast_evaluation import forecast_evaluate


class Command(BaseCommand):
    help = (
        "Measure the predicted resolution date on past grievances: each one resolved in the "
        "last --days days is forecast as on its lodging day from earlier resolutions only; "
        "prints the share inside the range and the mean absolute errors (working days) of the "
        "range's midpoint and of the SLA deadline, as JSON."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=90)
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, days: int, limit: int, **options) -> None:
        until = timezone.now()
        report = forecast_evaluate(since=until - timedelta(days=days), until=until, limit=limit)
        self.stdout.write(json.dumps(report, indent=2))
