from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from champions.network.evaluation import EVAL_FILE, match_evaluate


class Command(BaseCommand):
    help = (
        "MSME network. `evaluate [--data FILE] [--verbose]` runs the labelled match set "
        "(network/data/match_eval.json) and prints top-1 / top-3 accuracy and decoy hits."
    )

    def add_arguments(self, parser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        evaluate = subcommands.add_parser("evaluate", help="Score matching on a labelled set.")
        evaluate.add_argument("--data", type=Path, default=EVAL_FILE, metavar="FILE.json")
        evaluate.add_argument("--verbose", action="store_true", help="Print every miss.")

    def handle(self, *args, subcommand: str, **options) -> None:
        if not options["data"].exists():
            raise CommandError(f"{options['data']}: no such file")
        report = match_evaluate(options["data"])
        rows = [("all", None, None)] + [
            (s, s, None) for s in ("tune", "holdout", "fresh", "fresh2", "fresh3")
        ]
        rows += [(tag, None, tag) for tag in ("cross-language", "supply-chain", "decoy", "offer")]
        self.stdout.write(f"{'cases':<16}{'n':>4}{'top-1':>9}{'top-3':>9}{'decoy in top-3':>16}")
        for label, split, tag in rows:
            top1, n = report.rate("top1", split=split, tag=tag)
            if not n:
                continue
            top3, _ = report.rate("top3", split=split, tag=tag)
            decoys, _ = report.rate("decoy_in_top3", split=split, tag=tag)
            self.stdout.write(f"{label:<16}{n:>4}{top1 / n:>9.1%}{top3 / n:>9.1%}{decoys:>16}")
        if options["verbose"]:
            for o in report.outcomes:
                if not o.top3 or o.decoy_in_top3:
                    self.stdout.write(f"case {o.id} ({o.split}, {','.join(o.tags)}): {o.top}")
