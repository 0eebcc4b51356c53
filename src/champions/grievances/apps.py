from django.apps import AppConfig


class GrievancesConfig(AppConfig):
    name = "champions.grievances"
    label = "grievances"
    verbose_name = "Grievances"

    def ready(self) -> None:
        # Officers' decisions on triage suggestions are training data for the next
        # `champions triage train`. Triage sits below grievances and may not import them, so
        # grievances registers its examples with triage (dependency inversion).
        from champions.accounts.policy import Action, conflict_register
        from champions.core.audit import chain_register
        from champions.core.names import hindi_names_register
        from champions.triage import datasets

        from .appellate import appeal_conflict
        from .audit_chain import timeline_chain_verify
        from .triage_link import predictions
        from .workflow.selectors import organisation_hindi_name

        chain_register("grievance-timeline", timeline_chain_verify)
        # The departments and ministries (kept as text on a grievance) in Hindi on Hindi pages.
        hindi_names_register(organisation_hindi_name)

        datasets.training_source_register(
            predictions.TRAINING_SOURCE, predictions.officer_training_examples
        )
        # Separation of duties: who acted on a grievance does not decide its appeal.
        conflict_register(Action.GRIEVANCE_DECIDE_APPEAL, appeal_conflict)
