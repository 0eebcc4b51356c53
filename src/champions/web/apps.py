from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "champions.web"
    label = "web"
    verbose_name = "Web"

    def ready(self) -> None:
        # The sparks score (opportunities) sits below grievances; the web layer, above both,
        # hands it the grievance outcomes through the seam it offers.
        from champions.grievances.selectors import grievance_outcomes_by_enterprise
        from champions.opportunities.sparks import fact_source_register

        fact_source_register("grievances", grievance_outcomes_by_enterprise)
