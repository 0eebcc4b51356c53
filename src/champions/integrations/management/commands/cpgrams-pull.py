from django.core.management.base import BaseCommand, CommandError

from champions.integrations.cpgrams.client import CpgramsError
from champions.integrations.cpgrams.inbound import cpgrams_grievances_pull


class Command(BaseCommand):
    help = (
        "Pull the grievances CPGRAMS routes to the ministry and lodge the new ones (each once). "
        "The scheduler runs this every 5 minutes; this runs it now."
    )

    def handle(self, *args, **options) -> None:
        try:
            report = cpgrams_grievances_pull()
        except CpgramsError as exc:
            raise CommandError(f"CPGRAMS did not answer: {exc}") from exc
        self.stdout.write(
            f"{report.created} created, {report.duplicates} already here, {report.refused} refused"
        )
