from django.apps import AppConfig


class ControlRoomsConfig(AppConfig):
    name = "champions.controlrooms"
    label = "controlrooms"
    verbose_name = "Control rooms"
