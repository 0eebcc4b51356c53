import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from champions.triage.datasets import TASKS
from champions.triage.errors import TriageModelsMissing
from champions.triage.evaluation import evaluate
from champions.triage.services import triage_models_train
from champions.triage.store import models_directory


class Command(BaseCommand):
    help = (
        "AI triage models. `train` builds every model from the data shipped in triage/data/; "
        "`evaluate --task T --data FILE` prints macro-F1, per-class precision and recall and "
        "the confusion matrix as JSON."
    )

    def add_arguments(self, parser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        train = subcommands.add_parser("train", help="Build every model (offline).")
        train.add_argument("--models", type=Path, help="Directory (default var/models/triage).")
        train.add_argument(
            "--no-holdout",
            action="store_true",
            help="Skip the held-out scoring (about twice as fast).",
        )
        evaluate_parser = subcommands.add_parser("evaluate", help="Score a model on a file.")
        evaluate_parser.add_argument("--task", choices=TASKS, required=True)
        evaluate_parser.add_argument("--data", type=Path, required=True, metavar="FILE.csv")
        evaluate_parser.add_argument("--models", type=Path, help="Directory of the models.")
        evaluate_parser.add_argument(
            "--baseline",
            action="store_true",
            help="Score a plain TF-IDF + LinearSVC trained on the same data instead.",
        )

    def handle(self, *args, subcommand: str, **options) -> None:
        if subcommand == "train":
            directory = options["models"] or models_directory()
            manifest = triage_models_train(
                directory=directory,
                holdout=not options["no_holdout"],
                log=self.stdout.write,
            )
            self.stdout.write(f"triage models {manifest['version']} written to {directory}")
            return
        if not options["data"].exists():
            raise CommandError(f"{options['data']}: no such file")
        try:
            result = evaluate(
                options["task"],
                options["data"],
                baseline=options["baseline"],
                models_directory=options["models"],
            )
        except (TriageModelsMissing, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
