from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "champions.registry"
    label = "registry"
    verbose_name = "Enterprise registry"
