from django.apps import AppConfig


class ClustersConfig(AppConfig):
    name = "champions.clusters"
    label = "clusters"
    verbose_name = "Virtual clusters and technology centres"
