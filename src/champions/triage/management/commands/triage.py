import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from champions.triage.datasets import TASKS
from champions.triage.errors import TriageModelsMissing
from champions.triage.evaluation import evaluate, evaluate_with_history
from champions.triage.services import history_import, triage_models_train
from champions.triage.similarity import GROUPS_FILE, thresholds_evaluate
from champions.triage.store import models_directory

DUPLICATES = "duplicates"


class Command(BaseCommand):
    help = (
        "AI triage models. `train` builds every model from the data shipped in triage/data/, "
        "the imported history and officers' decisions; `import-history FILE.csv` stores a "
        "ministry's past grievances (text, department, optional category) as training "
        "examples; `evaluate --task T --data FILE` prints macro-F1, per-class precision and "
        "recall and the confusion matrix as JSON; `evaluate --task duplicates` measures the "
        "duplicate and cluster thresholds on the shipped labelled grievance groups."
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
        history = subcommands.add_parser(
            "import-history", help="Store a ministry's past grievances as training examples."
        )
        history.add_argument("file", type=Path, metavar="FILE.csv")
        self._add_evaluate(subcommands)

    def _add_evaluate(self, subcommands) -> None:
        evaluate_parser = subcommands.add_parser("evaluate", help="Score a model on a file.")
        evaluate_parser.add_argument(
            "--task",
            choices=[*TASKS, DUPLICATES],
            required=True,
            help="A model's task, or `duplicates`: the duplicate and cluster thresholds.",
        )
        evaluate_parser.add_argument(
            "--data",
            type=Path,
            metavar="FILE.csv",
            help="Required except for `duplicates` (default: the shipped labelled groups).",
        )
        evaluate_parser.add_argument("--models", type=Path, help="Directory of the models.")
        evaluate_parser.add_argument(
            "--baseline",
            action="store_true",
            help="Score a plain TF-IDF + LinearSVC trained on the same data instead.",
        )
        evaluate_parser.add_argument(
            "--history",
            type=Path,
            metavar="TRAIN.csv",
            help="Department only: train a temporary model with this history, score, discard.",
        )
        evaluate_parser.add_argument(
            "--folds",
            type=int,
            default=0,
            help="With --history equal to --data: k-fold cross-validation.",
        )

    def handle(self, *args, subcommand: str, **options) -> None:
        if subcommand == "train":
            _require_migrated()
            directory = options["models"] or models_directory()
            manifest = triage_models_train(
                directory=directory,
                holdout=not options["no_holdout"],
                log=self.stdout.write,
            )
            self.stdout.write(f"triage models {manifest['version']} written to {directory}")
            return
        if subcommand == "import-history":
            self._import(options["file"])
            return
        for name in ("data", "history"):
            if options[name] is not None and not options[name].exists():
                raise CommandError(f"{options[name]}: no such file")
        if options["data"] is None and options["task"] != DUPLICATES:
            raise CommandError("--data is required for this task")
        try:
            result = self._evaluate(options)
        except (TriageModelsMissing, ValueError, KeyError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))

    def _evaluate(self, options) -> dict:
        if options["task"] == DUPLICATES:
            return thresholds_evaluate(options["data"] or GROUPS_FILE)
        if options["history"] is None:
            return evaluate(
                options["task"],
                options["data"],
                baseline=options["baseline"],
                models_directory=options["models"],
            )
        if options["task"] != "department":
            raise ValueError("--history is for the department task")
        return evaluate_with_history(
            options["data"],
            options["history"],
            folds=options["folds"],
            baseline=options["baseline"],
        )

    def _import(self, path: Path) -> None:
        if not path.exists():
            raise CommandError(f"{path}: no such file")
        try:
            report = history_import(path=path)
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        for line, message in report.errors:
            self.stderr.write(f"line {line}: {message}")
        self.stdout.write(
            f"{report.imported} imported, {report.duplicates} already stored, "
            f"{len(report.errors)} rejected. Run `champions triage train` to learn from them."
        )


def _require_migrated() -> None:
    """Training reads the imported history and officers' decisions from the database: say so
    plainly when its tables are not there yet, instead of failing on a missing table."""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        apps = ", ".join(sorted({migration.app_label for migration, _ in pending}))
        raise CommandError(
            f"The database is not migrated ({apps}): run `champions migrate` first. "
            "Training reads the imported history and officers' decisions from it."
        )
