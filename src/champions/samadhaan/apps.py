from django.apps import AppConfig


class SamadhaanConfig(AppConfig):
    name = "champions.samadhaan"
    label = "samadhaan"
    verbose_name = "MSME Samadhaan filings"
