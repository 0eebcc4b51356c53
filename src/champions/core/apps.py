from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "champions.core"
    label = "core"
    verbose_name = "Reference data"
