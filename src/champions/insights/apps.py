from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "champions.insights"
    label = "insights"
    verbose_name = "Insights"
