from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "champions.integrations"
    label = "integrations"
    verbose_name = "Integrations"

    def ready(self) -> None:
        # Grievances sit below integrations and cannot import them, so the CPGRAMS outbox
        # subscribes to grievance events here. The hook checks CPGRAMS_ENABLED on each event,
        # so tests can switch the sync on with override_settings.
        from champions.grievances.hooks import grievance_hook_register

        from .outbox import outbox_record_grievance_event

        grievance_hook_register(outbox_record_grievance_event)

        # Insights sit below integrations too: the dashboard's CPGRAMS panel is registered.
        from champions.insights.hooks import dashboard_panel_register

        from .selectors import cpgrams_sync_panel

        dashboard_panel_register(cpgrams_sync_panel)
