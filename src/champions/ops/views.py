"""The probes. They are answered by `ProbeMiddleware` before the rest of the stack, so they
need no session, no host check and no database unless they check it."""

import hmac
import ipaddress

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
from prometheus_client import CONTENT_TYPE_LATEST

from . import health, metrics


def healthz(request):
    """The process is up and answers; nothing else is checked (a liveness probe)."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    ready, checks = health.readiness()
    body = {"status": "ready" if ready else "unavailable", "checks": checks}
    return JsonResponse(body, status=200 if ready else 503)


def metrics_view(request):
    if not metrics_allowed(request):
        return HttpResponseNotFound()
    return HttpResponse(metrics.render(), content_type=CONTENT_TYPE_LATEST)


def metrics_allowed(request) -> bool:
    """With METRICS_TOKEN set, only `Authorization: Bearer <token>`; without it, only a direct
    loopback client (no X-Forwarded-For: a request relayed by the reverse proxy is refused,
    even though the proxy itself connects from loopback)."""
    token = settings.METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())
    if "X-Forwarded-For" in request.headers or "Forwarded" in request.headers:
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False
