"""Two middlewares, first in the stack: the probes, then a request id, the request metrics
and one access-log line per request."""

import logging
import time

from django.http import HttpResponseNotAllowed

from . import metrics, views
from .logs import request_id_start

access_log = logging.getLogger("champions.access")

PROBES = {"/healthz": views.healthz, "/readyz": views.readyz, "/metrics": views.metrics_view}


class ProbeMiddleware:
    """Answers /healthz, /readyz and /metrics at once (not counted in the request metrics:
    a load balancer's probes every few seconds would drown the portal's own traffic)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path)
        if probe is None:
            return self.get_response(request)
        if request.method not in {"GET", "HEAD"}:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return probe(request)


def _route(request) -> str:
    """The URL pattern, not the path: ids would make a label per grievance."""
    match = getattr(request, "resolver_match", None)
    return match.route if match is not None and match.route else "unmatched"


class RequestMetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The id stays bound until the response is closed (`request_finished`), so Django's
        # own "Not Found: ..." lines, written after the middlewares, carry it too.
        request_id = request_id_start(request.headers.get("X-Request-ID"))
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        route = _route(request)
        metrics.request_observe(
            route=route, method=request.method, status=response.status_code, seconds=seconds
        )
        _access_line(request, route=route, status=response.status_code, seconds=seconds)
        response["X-Request-ID"] = request_id
        return response


def _access_line(request, *, route: str, status: int, seconds: float) -> None:
    user = getattr(request, "user", None)
    access_log.info(
        "%s %s %s %.1f ms",
        request.method,
        request.path,
        status,
        seconds * 1000,
        extra={
            "method": request.method,
            "path": request.path,  # no query string: it may carry personal data
            "route": route,
            "status": status,
            "duration_ms": round(seconds * 1000, 1),
            "user_id": user.pk if user is not None and user.is_authenticated else None,
        },
    )
