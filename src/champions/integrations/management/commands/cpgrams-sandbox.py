import signal
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from champions.integrations.cpgrams.sandbox import SandboxServer, SandboxStore

SAMPLES = [
    (
        "Bank has not released sanctioned CGTMSE loan",
        "Our term loan of Rs 25 lakh under CGTMSE was sanctioned in January but the branch has "
        "not disbursed it. We have submitted every document twice.",
    ),
    (
        "Payment from PSU pending for 150 days",
        "A central PSU has not paid our invoices for supplied castings for 150 days despite "
        "the 45-day limit of the MSMED Act.",
    ),
    (
        "Udyam certificate shows the wrong NIC code",
        "The Udyam certificate lists trading instead of manufacturing, so the bank refuses "
        "priority-sector lending.",
    ),
]


class Command(BaseCommand):
    help = (
        "Serve the CPGRAMS sandbox (docs/CPGRAMS.md): the API Champions talks to, with records "
        "kept in a SQLite file and faults on demand. Ctrl-C stops it."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
        parser.add_argument(
            "--data",
            type=Path,
            default=Path(settings.VAR_DIR) / "cpgrams-sandbox.sqlite3",
            help="the SQLite file holding the records (kept across restarts)",
        )
        parser.add_argument("--token", default=settings.CPGRAMS_TOKEN, help="'' accepts any")
        parser.add_argument(
            "--delay", type=float, default=0.0, help="answer every write this many seconds late"
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=0,
            help="first lodge this many sample citizen grievances routed to the ministry",
        )
        parser.add_argument("--verbose", action="store_true", help="log every request")

    def handle(self, *args, host, port, data, token, delay, seed, verbose, **options) -> None:
        signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
        store = SandboxStore(data)
        for number in range(seed):
            subject, description = SAMPLES[number % len(SAMPLES)]
            store.grievance_create(
                {
                    "org": settings.CPGRAMS_ORG_CODE,
                    "subject": subject,
                    "description": description,
                    "complainant": {"name": "Sample Citizen", "mobile": "+91 98765 43210"},
                },
                key="",
                source="cpgrams",
            )
        server = SandboxServer((host, port), store=store, token=token, verbose=verbose)
        server.faults.delay_seconds = delay
        self.stdout.write(f"CPGRAMS sandbox on {server.url} (records in {data})")
        self.stdout.flush()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
