import hashlib
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand

from champions.clusters.services import CENTRES_FILE, centres_load
from champions.controlrooms.services import NETWORK_FILE, network_load
from champions.core.reference import DATA_DIR, reference_data_load
from champions.grievances.reference import HOLIDAYS_FILE, grievance_reference_load
from champions.grievances.services import grievance_triage_missing_count
from champions.schemes.services import SCHEMES_DIR, catalogue_load
from champions.triage.services import triage_models_are_current, triage_models_train
from champions.web.demo import demo_data_is_loaded, demo_data_load, demo_grievances

# Enqueue the demo embedding again only if the worker has not finished it after this long.
DEMO_EMBED_KEY = "setup-demo-embed-queued"
DEMO_EMBED_WAIT = 2 * 60 * 60


def _fingerprint(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.read_bytes())
    return digest.hexdigest()


class Command(BaseCommand):
    help = (
        "Migrate, then load reference data, the control-room network, SLA defaults and demo "
        "data. Each loader runs only when its data files changed, so a second run is quick."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-demo", action="store_true", help="Skip the demo data.")
        parser.add_argument(
            "--no-holdout",
            action="store_true",
            help="Train the triage models without scoring them on held-out examples (faster; "
            "the AI register then shows no evaluation figures).",
        )

    def handle(self, *args, no_demo: bool, no_holdout: bool = False, **options) -> None:
        self.holdout = not no_holdout
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        steps = [
            ("reference data", sorted(DATA_DIR.glob("*.csv")), reference_data_load),
            ("control-room network", [NETWORK_FILE], network_load),
            ("SLA defaults and holidays", [HOLIDAYS_FILE], grievance_reference_load),
            ("scheme catalogue", sorted(SCHEMES_DIR.glob("*.json")), catalogue_load),
            ("technology centres", [CENTRES_FILE], centres_load),
        ]
        for label, files, load in steps:
            key = "setup-fingerprint-" + label.replace(" ", "-")
            fingerprint = _fingerprint(*files)
            if cache.get(key) == fingerprint:
                self.stdout.write(f"{label}: up to date")
                continue
            counts = load()
            cache.set(key, fingerprint, timeout=None)
            self.stdout.write(f"{label}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        self._triage_models()
        # The assistant's index: embeds its sources once (cached on disk), so that the first
        # question after `make run` is answered at full speed.
        call_command("assistant", "index", stdout=self.stdout)
        if no_demo:
            return
        if demo_data_is_loaded():
            self.stdout.write("demo data: present")
        else:
            counts = demo_data_load()
            self.stdout.write(
                f"demo data: {counts['users']} users, {counts['enterprises']} enterprises"
            )
        # After the users (the demo grievances need the hub); a second run adds nothing.
        self.stdout.write(f"demo grievances: {demo_grievances()} added")
        self._embed_demo()

    def _embed_demo(self) -> None:
        """Demo grievances are written without triage. Embedding them (so that duplicates and
        systemic issues are alive on a fresh machine) takes minutes, so it is handed to the
        worker `make run` starts, once: `champions triage_backfill` does the same in the
        foreground. The time it takes is in docs/ARCHITECTURE.md."""
        missing = grievance_triage_missing_count()
        if not missing:
            return
        if cache.add(DEMO_EMBED_KEY, True, timeout=DEMO_EMBED_WAIT):
            from champions.web.tasks import demo_embed_task

            demo_embed_task.enqueue()
            self.stdout.write(f"demo grievances: {missing} to embed, queued for the worker")
        else:
            self.stdout.write(f"demo grievances: {missing} to embed, already queued")

    def _triage_models(self) -> None:
        """Build the AI triage models when missing or older than their data (~1 minute)."""
        if triage_models_are_current():
            self.stdout.write("triage models: up to date")
            return
        # Scored on held-out examples by default, so the AI register shows each model's figures.
        manifest = triage_models_train(holdout=self.holdout, log=lambda message: None)
        self.stdout.write(f"triage models: {manifest['version']} built")
