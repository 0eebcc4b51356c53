from django.apps import AppConfig


class GrievancesConfig(AppConfig):
    name = "champions.grievances"
    label = "grievances"
    verbose_name = "Grievances"
