from django.apps import AppConfig


class UdyamConfig(AppConfig):
    name = "champions.udyam"
    label = "udyam"
    verbose_name = "Udyam verification"

    def ready(self) -> None:
        # The registry sits below: it tells this app of each new enterprise through its hook.
        from champions.registry.hooks import (
            enterprise_created_hook_register,
            verification_provider_register,
        )

        from .selectors import verification_status_get
        from .services import verification_schedule

        enterprise_created_hook_register(verification_schedule)
        # The registry's pages show the last check without loading anything from this app.
        verification_provider_register(verification_status_get)
