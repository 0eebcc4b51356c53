from django.apps import AppConfig


class GemConfig(AppConfig):
    name = "champions.gem"
    label = "gem"
    verbose_name = "Government e-Marketplace (GeM)"
