"""Make the OpenAPI schema state what every endpoint really answers.

Some statuses come from the framework, not from a handler: 400 for a body that is not a JSON
object, 401 when authentication is required and missing, 422 for input outside the schema.
Rather than repeat them in every `responses=`, the schema generator adds them to each
operation they can happen on, with the one error shape the API uses.

One 403 comes from a middleware, not the framework: a signed-in officer, leader or
administrator whose session has not shown the second factor gets `code: "mfa_required"` from
every API path (`accounts.mfa.MfaRequiredMiddleware`), so every operation states it.
"""

import json

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.parser import Parser

ERROR_SCHEMA = {
    "type": "object",
    "title": "ErrorOut",
    "required": ["detail", "code"],
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {
            "anyOf": [
                {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
                {"type": "null"},
            ]
        },
    },
}

DESCRIPTIONS = {
    "400": "The body is not a JSON object.",
    "401": "Authentication required.",
    "422": "Invalid input: `errors` names each field.",
    "429": "Too many requests: wait `Retry-After` seconds.",
}
MFA_REFUSAL = (
    "`code: mfa_required`: the signed-in session belongs to an officer, leader or administrator"
    " and has not shown the second factor (TOTP); sign in on the web first."
)


class ObjectBodyParser(Parser):
    """JSON bodies must be objects: every endpoint takes named fields, never a bare list."""

    def parse_body(self, request: HttpRequest):
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise ValueError("The body must be a JSON object.")
        return data


def _error_response(status: str) -> dict:
    return {
        "description": DESCRIPTIONS[status],
        "content": {"application/json": {"schema": ERROR_SCHEMA}},
    }


def add_framework_statuses(operation: dict) -> None:
    responses = {str(k): v for k, v in operation.get("responses", {}).items()}
    operation["responses"] = responses
    statuses = []
    if operation.get("requestBody"):
        statuses += ["400", "422"]
    if operation.get("parameters"):
        statuses.append("422")
    if operation.get("security"):
        statuses.append("401")
    if any("BearerToken" in scheme for scheme in operation.get("security", [])):
        statuses.append("429")  # too many wrong tokens from this client
    for status in statuses:
        responses.setdefault(status, _error_response(status))
    _add_mfa_refusal(responses)


def _add_mfa_refusal(responses: dict) -> None:
    if "403" not in responses:
        responses["403"] = {
            "description": f"Forbidden: {MFA_REFUSAL}",
            "content": {"application/json": {"schema": ERROR_SCHEMA}},
        }
    elif MFA_REFUSAL not in responses["403"].get("description", ""):
        responses["403"]["description"] = f"{responses['403']['description']}; or {MFA_REFUSAL}"


class ChampionsAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for methods in schema.get("paths", {}).values():
            for operation in methods.values():
                if isinstance(operation, dict) and "responses" in operation:
                    add_framework_statuses(operation)
        return schema
