"""`champions assistant evaluate --data FILE.json` and `champions assistant index`."""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from champions.assistant.evaluation import evaluate, load_items
from champions.assistant.retrieval import index_get


class Command(BaseCommand):
    help = "The assistant: evaluate it on a question set, or build its index."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ev = sub.add_parser("evaluate", help="print accuracy and latency figures as JSON")
        ev.add_argument("--data", required=True, help="a question set (format in docs/AI.md)")
        ev.add_argument("--no-misses", action="store_true", help="leave out the missed questions")
        sub.add_parser("index", help="build the retrieval index now (embeds the sources)")

    def handle(self, *args, **options):
        if options["action"] == "index":
            started = time.perf_counter()
            index = index_get(check_version=True)
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"assistant index: {len(index.sources)} sources, catalogue {index.version}, "
                f"{seconds:.1f} s"
            )
            return
        try:
            items = load_items(options["data"])
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"cannot read {options['data']}: {exc}") from exc
        report = evaluate(items)
        if options["no_misses"]:
            report.pop("misses")
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=1))
