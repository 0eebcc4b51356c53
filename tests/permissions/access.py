"""Each classified page, asked by every role without an object of the matrix: who gets in.

PUBLIC pages never send the anonymous visitor to the login page; every other page does (the
Open311 endpoints answer 403 without an API key instead). A ROLE page refuses (403/404) at
least one signed-in role and lets at least one in."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

from . import routes

PARAMS = {  # URL parameters filled with the matrix world's objects of side A
    "enterprise_id": "enterprise",
    "grievance_id": "grievance",
    "attachment_id": "attachment",
    "case_id": "case",
    "step_id": "step",
    "filing_id": "filing",
    "notification_id": "notification",
    "token_id": "token",
    "profile_id": "profile",
    "post_id": "post",
    "introduction_id": "introduction",
    "request_id": "request",
    "consultation_id": "consultation",
    "callback_id": "callback",
    "room_id": "room",
}
SAMPLES = {  # values for the other parameters, per route (else "1")
    "web:insights:export": {"table": "headline", "fmt": "csv"},
    "web:insights:ai_export": {"table": "models", "fmt": "csv"},
    "web:insights:systemic_export": {"table": "issues", "fmt": "csv"},
    "web:schemes:detail": {"slug": "cgtmse"},
    "web:schemes:edit": {"slug": "cgtmse"},
}
KEYED = ("open311:requests", "open311:request")  # an API key, not a session


def web_routes(resolver=None, prefix="", namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace or ""]))
            yield from web_routes(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            name = ":".join(filter(None, [namespace, entry.name]))
            if routes.WEB.get(name) in {routes.PUBLIC, routes.LOGIN, routes.ROLE}:
                yield name, prefix + str(entry.pattern)


def url(name: str, route: str, world) -> str:
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<fmt>[^)]*\)", "json", route).replace("\\.", ".")
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "x", route)

    def fill(match):
        kind = PARAMS.get(match.group(1))
        return str(world.id(kind, "A")) if kind else SAMPLES.get(name, {}).get(match.group(1), "1")

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", fill, route)


def ask(client, path: str):
    response = client.get(path)
    return client.post(path) if response.status_code == 405 else response


def sent_to_login(response) -> bool:
    location = response.get("Location", "")
    return response.status_code == 302 and "/accounts/login/" in location
