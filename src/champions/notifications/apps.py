from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "champions.notifications"
    label = "notifications"
    verbose_name = "Notifications"
