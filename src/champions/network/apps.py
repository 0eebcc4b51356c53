from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "champions.network"
    label = "network"
    verbose_name = "MSME network"
