from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "champions.api"
    label = "champions_api"
    verbose_name = "API"
