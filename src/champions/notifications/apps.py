from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "champions.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        # Accounts sends one-time codes by SMS but sits below notifications: register the
        # sender with it (dependency inversion, as integrations do with grievances.hooks).
        from champions.accounts import hooks

        from . import services

        hooks.sms_sender_register(services.sms_send_now)
