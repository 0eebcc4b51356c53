from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "champions.triage"
    label = "triage"
    verbose_name = "AI triage"
