from django.apps import AppConfig


class SopConfig(AppConfig):
    name = "champions.sop"
    label = "sop"
    verbose_name = "Standard operating procedure and onboarding"
