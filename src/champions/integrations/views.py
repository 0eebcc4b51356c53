"""Open311 GeoReport v2 endpoints: parse with `open311`, make one call, render JSON or XML.

Only the `api_key` authenticates (never the session), which is why POST needs no CSRF token.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt

from champions.accounts.services import api_token_authenticate
from champions.core.errors import DomainError, NotFound
from champions.grievances.choices import Channel
from champions.grievances.services import grievance_lodge

from . import open311, selectors


def _respond(fmt: str, document: open311.Document, payload, *, status: int = 200) -> HttpResponse:
    body, content_type = open311.render(document, payload, fmt)
    return HttpResponse(body, content_type=content_type, status=status)


def _error_response(fmt: str, exc: DomainError) -> HttpResponse:
    status, errors = open311.error_list(exc)
    return _respond(fmt, open311.ERRORS, errors, status=status)


def open311_endpoint(document: open311.Document, *, methods: tuple[str, ...] = ("GET",)):
    """Renders the view's payload as `document` in the URL's format, and any DomainError
    (or an unreadable body, or a wrong method) in the spec's error shape."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, fmt: str, **kwargs) -> HttpResponse:
            if request.method not in methods:
                response = _error_response(fmt, DomainError("Method not allowed.", status=405))
                response["Allow"] = ", ".join(methods)
                return response
            try:
                with translation.override("en"):
                    payload = view(request, **kwargs)
            except DomainError as exc:
                return _error_response(fmt, exc)
            except MultiPartParserError:
                return _error_response(fmt, DomainError("The request body could not be read."))
            return _respond(fmt, document, payload)

        return wrapper

    return decorate


def _api_user(request: HttpRequest):
    """The holder of the request's api_key (query or form body), or a 403."""
    key = request.GET.get("api_key") or request.POST.get("api_key", "")
    if not key:
        raise DomainError("An api_key is required.", status=403, code="forbidden")
    user = api_token_authenticate(key=key.strip())
    if user is None:
        raise DomainError("The api_key is invalid or revoked.", status=403, code="forbidden")
    return user


@open311_endpoint(open311.DISCOVERY)
def discovery_view(request: HttpRequest):
    return open311.discovery(
        base_url=request.build_absolute_uri("./"),
        key_url=request.build_absolute_uri(reverse("web:accounts:profile")),
    )


@open311_endpoint(open311.SERVICES)
def service_list_view(request: HttpRequest):
    return open311.service_list()


@open311_endpoint(open311.SERVICE_DEFINITION)
def service_view(request: HttpRequest, service_code: str):
    return open311.service_definition(service_code)


@csrf_exempt
@open311_endpoint(open311.SERVICE_REQUESTS, methods=("GET", "POST"))
def requests_view(request: HttpRequest):
    user = _api_user(request)
    if request.method == "POST":
        result = grievance_lodge(
            actor=user,
            data=open311.grievance_input(request.POST),
            channel=Channel.OPEN311,
            idempotency_key=request.headers.get("Idempotency-Key"),
        )
        return [open311.created_request(result.grievance)]
    query = open311.request_query(request.GET, now=timezone.now())
    grievances = selectors.open311_request_list(user=user, query=query)
    return [open311.service_request(grievance) for grievance in grievances]


@open311_endpoint(open311.SERVICE_REQUESTS)
def request_view(request: HttpRequest, service_request_id: str):
    user = _api_user(request)
    grievance = selectors.open311_request_get(user=user, service_request_id=service_request_id)
    return [open311.service_request(grievance)]


@open311_endpoint(open311.SERVICE_REQUESTS)
def token_view(request: HttpRequest, token: str):
    # Requests are created synchronously (POST answers the service_request_id): no tokens.
    raise NotFound("We issue no tokens: POST requests answers with the service_request_id.")
