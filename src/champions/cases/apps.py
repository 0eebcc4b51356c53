from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "champions.cases"
    label = "cases"
    verbose_name = "Hand-holding cases"

    def ready(self) -> None:
        # Insights sit below cases: the dashboard's hand-holding panel is registered here.
        from champions.insights.hooks import dashboard_panel_register

        from .selectors import cases_dashboard_panel

        dashboard_panel_register(cases_dashboard_panel)
