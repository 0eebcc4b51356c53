from django.apps import AppConfig


class ControlRoomsConfig(AppConfig):
    name = "champions.controlrooms"
    label = "controlrooms"
    verbose_name = "Control rooms"

    def ready(self) -> None:
        # Rooms named in text (a timeline entry, a change log) are shown in Hindi on Hindi pages.
        from champions.core.names import hindi_names_register

        from .selectors import room_hindi_name

        hindi_names_register(room_hindi_name, queries=True)
