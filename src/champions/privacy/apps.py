from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "champions.privacy"
    label = "privacy"
    verbose_name = "Privacy (DPDP Act 2023)"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy check
