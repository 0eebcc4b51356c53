from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "champions.privacy"
    label = "privacy"
    verbose_name = "Privacy (DPDP Act 2023)"
