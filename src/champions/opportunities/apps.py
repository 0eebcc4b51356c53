from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "champions.opportunities"
    label = "opportunities"
    verbose_name = "Opportunities and sparks"
