from django.apps import AppConfig


class SchemesConfig(AppConfig):
    name = "champions.schemes"
    label = "schemes"
    verbose_name = "Schemes"
