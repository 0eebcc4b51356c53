from django.apps import AppConfig


class GrievancesConfig(AppConfig):
    name = "champions.grievances"
    label = "grievances"
    verbose_name = "Grievances"

    def ready(self) -> None:
        # Officers' decisions on triage suggestions are training data for the next
        # `champions triage train`. Triage sits below grievances and may not import them, so
        # grievances registers its examples with triage (dependency inversion).
        from champions.triage import datasets

        from .triage_link import predictions

        datasets.training_source_register(
            predictions.TRAINING_SOURCE, predictions.officer_training_examples
        )
