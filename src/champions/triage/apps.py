from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "champions.triage"
    label = "triage"
    verbose_name = "AI triage"

    def ready(self) -> None:
        # The ministry's imported history teaches the department model (see selectors).
        from . import datasets, selectors

        datasets.training_source_register("ministry history", selectors.history_training_rows)
