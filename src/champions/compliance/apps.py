from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "champions.compliance"
    label = "compliance"
    verbose_name = "Compliance"
