from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "champions.web"
    label = "web"
    verbose_name = "Web"
