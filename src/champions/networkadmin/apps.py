from django.apps import AppConfig


class NetworkAdminConfig(AppConfig):
    name = "champions.networkadmin"
    label = "networkadmin"
    verbose_name = "Control-room network administration"
