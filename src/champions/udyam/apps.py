from django.apps import AppConfig


class UdyamConfig(AppConfig):
    name = "champions.udyam"
    label = "udyam"
    verbose_name = "Udyam verification"

    def ready(self) -> None:
        # The registry sits below: it tells this app of each new enterprise through its hook.
        from champions.registry.hooks import enterprise_created_hook_register

        from .services import verification_schedule

        enterprise_created_hook_register(verification_schedule)
