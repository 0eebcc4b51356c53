"""The JSON API root at /api/v1/: authentication, error rendering, and each app's router."""

import logging
import math

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from champions.assistant.api import router as assistant_router
from champions.cases.api import router as cases_router
from champions.compliance.api import router as compliance_router
from champions.core.errors import DomainError
from champions.grievances.api import router as grievances_router
from champions.insights.api import router as open_data_router
from champions.network.api import router as network_router
from champions.opportunities.api import router as opportunities_router
from champions.registry.api import router as registry_router
from champions.samadhaan.api import router as samadhaan_router
from champions.schemes.api import router as schemes_router
from champions.triage.api import router as triage_router

from .auth import session_or_token
from .contract import ChampionsAPI, ObjectBodyParser

api = ChampionsAPI(
    title="Champions API",
    version="1.0.0",
    description=(
        "The Champions single-window platform for MSMEs. Browsers use their session "
        "(with the CSRF token); other clients send `Authorization: Bearer <token>` with a "
        'token created on the profile page. Errors answer `{"detail": ..., "code": ...}`, '
        "with `errors: {field: [messages]}` for invalid input."
    ),
    auth=session_or_token,
    urls_namespace="api",
    docs_url="/docs",
    parser=ObjectBodyParser(),
)


def _field_name(loc: list) -> str:
    parts = [str(p) for p in loc if p not in {"query", "body", "path", "payload", "form"}]
    return ".".join(parts) or "non_field_errors"


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        message = error.get("msg", "Invalid value.")
        if error.get("type") == "missing":
            message = "This field is required."
        errors.setdefault(_field_name(list(error.get("loc", []))), []).append(message)
    return api.create_response(
        request,
        {"detail": "Invalid input.", "code": "validation_failed", "errors": errors},
        status=422,
    )


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError):
    body = {"detail": exc.message, "code": exc.code}
    if exc.errors:
        body["errors"] = exc.errors
    return api.create_response(request, body, status=exc.status)


@api.exception_handler(RequestDataTooBig)
def on_request_data_too_big(request: HttpRequest, exc: RequestDataTooBig):
    # Django raises it lazily, when ninja (or the session's CSRF check) first reads the body;
    # left alone it becomes Django's HTML 400. Logged where Django logs it.
    logging.getLogger("django.security.RequestDataTooBig").warning(
        str(exc), extra={"status_code": 413, "request": request}
    )
    limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
    return api.create_response(
        request,
        {
            "detail": f"The request body is too large: the limit is {limit_mb} MB.",
            "code": "payload_too_large",
        },
        status=413,
    )


@api.exception_handler(AuthenticationError)
def on_authentication_error(request: HttpRequest, exc: AuthenticationError):
    return api.create_response(
        request, {"detail": "Authentication required.", "code": "not_authenticated"}, status=401
    )


def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any other path under /api/: the API's JSON 404, not the site's HTML page."""
    return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)


HTTP_ERROR_CODES = {
    400: "malformed_request",
    403: "permission_denied",
    405: "method_not_allowed",
    429: "throttled",
}


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError):
    # ninja raises it for an unparseable body (400) and a failed CSRF check (403).
    code = HTTP_ERROR_CODES.get(exc.status_code, "error")
    response = api.create_response(
        request, {"detail": str(exc.message), "code": code}, status=exc.status_code
    )
    if isinstance(exc, Throttled) and exc.wait is not None:
        response["Retry-After"] = str(math.ceil(exc.wait))
    return response


api.add_router("/registry/", registry_router, tags=["registry"])
api.add_router("/grievances", grievances_router, tags=["grievances"])
api.add_router("/compliance", compliance_router, tags=["compliance"])
api.add_router("/schemes", schemes_router, tags=["schemes"])
api.add_router("/triage", triage_router, tags=["triage"])
api.add_router("/opportunities", opportunities_router, tags=["opportunities"])
api.add_router("/network", network_router, tags=["network"])
api.add_router("/assistant", assistant_router, tags=["assistant"])
api.add_router("/cases", cases_router, tags=["hand-holding cases"])
api.add_router("/samadhaan", samadhaan_router, tags=["MSME Samadhaan"])
api.add_router("/open-data", open_data_router, tags=["open data"])
