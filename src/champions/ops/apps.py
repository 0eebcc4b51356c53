from django.apps import AppConfig
from django.core.signals import request_finished

from .logs import request_id_end


class OpsConfig(AppConfig):
    """Operations: health and readiness probes, Prometheus metrics, request ids in the logs."""

    name = "champions.ops"
    label = "ops"
    verbose_name = "Operations"

    def ready(self):
        request_finished.connect(request_id_end, dispatch_uid="ops.request_id_end")
