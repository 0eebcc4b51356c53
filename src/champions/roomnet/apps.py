from django.apps import AppConfig


class RoomnetConfig(AppConfig):
    name = "champions.roomnet"
    label = "roomnet"
    verbose_name = "Control rooms as one network"
