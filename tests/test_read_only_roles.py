"""Leadership and analysts oversee: every web view and API endpoint that changes data refuses
them (403, or 404 where the scope hides the object or the page), and nothing changes.

The URL patterns and the API's write operations are walked, not listed by hand, so a new
view or endpoint is covered the day it is added (and fails here until it refuses them).
"""

import json
import re
from datetime import date

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from champions.accounts.policy import API_READS as POLICY_API_READS
from champions.accounts.policy import PERSONAL_VIEWS
from champions.api.api import api
from champions.grievances.attachments.services import attachments_add
from champions.grievances.services import holiday_add, sla_policy_save
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.grievances.tests.test_service_levels import _policy
from champions.registry.models import ImportJob
from champions.registry.tests.factories import enterprise_input
from champions.schemes.selectors import scheme_queryset
from champions.schemes.services import catalogue_load

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# Pages that change only the visitor's own things, or nothing stored: not oversight's concern.
PERSONAL = {
    "set_language": "the visitor's language",
    "web:accounts:api_token_create": "the user's own API tokens",
    "web:accounts:api_token_revoke": "the user's own API tokens",
    "web:notifications:mark_all_read": "the user's own notifications",
    "web:notifications:mark_read": "the user's own notifications",
    "web:notifications:preferences": "the user's own notification preferences",
    "web:schemes:check": "answers kept in the session only",
    "web:schemes:check_restart": "answers kept in the session only",
    "web:grievances:track": "a public look-up (POST keeps the contact out of URLs)",
    "web:track": "a public look-up (POST keeps the contact out of URLs)",
    "account_logout": "the user's own session",
    "web:accounts:profile": "the user's own profile",
    "web:accounts:details": "the user's own profile",
    "web:accounts:phone_send": "the user's own mobile number",
    "web:accounts:phone_verify": "the user's own mobile number",
    "web:assistant:ask": "the user's own conversation with the assistant",
    "web:assistant:rate": "the user's own conversation with the assistant",
    "web:network:match": "a search: it stores only an anonymous count of the codes asked for",
    "web:privacy:erase": "the user's own request to erase their data",
}
# API operations that compute an answer and store nothing.
API_READS = {
    ("post", "/api/v1/schemes/eligibility"),
    ("post", "/api/v1/triage"),
    ("post", "/api/v1/assistant/ask"),
    ("post", "/api/v1/network/match"),
}
API_BODIES = {
    "/api/v1/grievances": {"subject": "Power cuts", "description": "Eight hours a day."},
    "/api/v1/grievances/{grievance_id}/transitions": {"action": "assign"},
    "/api/v1/grievances/{grievance_id}/messages": {"body": "Any news?"},
    "/api/v1/grievances/{grievance_id}/rating": {"rating": 1, "comment": "Not paid."},
    "/api/v1/grievances/{grievance_id}/referral": {"organisation": "Banking", "reason": "Bank."},
    "/api/v1/grievances/{grievance_id}/transfer": {"room_id": 1, "reason": "Delhi branch."},
    "/api/v1/grievances/{grievance_id}/attachments": "files",
    "/api/v1/registry/enterprises": "enterprise",
    "/api/v1/registry/enterprises/{enterprise_id}": "enterprise",
    "/api/v1/opportunities": {
        "title": "Masks",
        "kind": "demand_drive",
        "text": "Surgical masks, 3-ply.",
        "hs_codes": ["630790"],
        "closes_on": "2027-03-31",
    },
    "/api/v1/network/profiles": {"name": "Acme", "country": "DE", "description": "Yarn buyer."},
    "/api/v1/network/posts": {"kind": "business_request", "title": "Yarn", "text": "Cotton yarn."},
    "/api/v1/network/posts/{post_id}/introductions": {"message": "We spin yarn."},
    "/api/v1/network/introductions/{introduction_id}/answer": {"accept": True},
    "/api/v1/cases/": {"enterprise_id": 1, "goal": "ZED certification"},
    "/api/v1/cases/{case_id}/assign": {"assignee_id": 1},
    "/api/v1/cases/{case_id}/steps": {
        "title": "Balance sheets",
        "owner_id": 1,
        "due_on": "2030-01-31",
    },
    "/api/v1/cases/steps/{step_id}/done": {},
    "/api/v1/cases/{case_id}/notes": {"body": "Called the owner."},
    "/api/v1/cases/{case_id}/close": {"outcome": "achieved"},
    "/api/v1/samadhaan/filings/{filing_id}/refresh": {},
}


def _patterns(resolver=None, prefix="", namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = ":".join(filter(None, [namespace, entry.namespace or ""]))
            yield from _patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join(filter(None, [namespace, entry.name])), prefix + str(entry.pattern)


def _web_patterns() -> list[tuple[str, str]]:
    return [
        (name, route)
        for name, route in _patterns()
        if name.startswith(("web", "open311:requests", "set_language"))
    ]


@pytest.fixture
def world(entrepreneur, spoke_officer, hub_officer):
    """One of everything a write could touch."""
    enterprise = pune_enterprise(entrepreneur)
    grievance = lodge(entrepreneur, enterprise)
    attachment = attachments_add(
        grievance=grievance,
        files=[SimpleUploadedFile("invoice.png", PNG, content_type="image/png")],
        actor=entrepreneur,
    )[0]
    catalogue_load()
    job = ImportJob.objects.create(created_by=hub_officer, file_name="a.csv", stored_path="/x")
    return {
        "grievance_id": grievance.pk,
        "enterprise_id": enterprise.pk,
        "attachment_id": attachment.pk,
        "policy_id": sla_policy_save(actor=hub_officer, data=_policy()).pk,
        "holiday_id": holiday_add(actor=hub_officer, day=date(2027, 3, 22), name="Holi").pk,
        "job_id": job.pk,
        "slug": scheme_queryset().first().slug,
        "token_id": 0,
        "notification_id": 0,
        "post_id": 0,
        "introduction_id": 0,
        "case_id": 0,
        "step_id": 0,
        "filing_id": 0,
    }


def _url(route: str, ids: dict) -> str:
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<fmt>[^)]*\)", "json", route).replace("\\.", ".")
    # Ids the world does not build (other apps' objects) are 0: the refusal comes first.
    route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids.get(m.group(1), 0)), route)
    return "/" + route


def _snapshot(ids: dict) -> dict:
    """Rows of every model of ours, and the grievance's and enterprise's own values."""
    counts = {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model.__module__.startswith("champions.")
    }
    grievance = apps.get_model("grievances", "Grievance").objects.filter(pk=ids["grievance_id"])
    enterprise = apps.get_model("registry", "Enterprise").objects.filter(pk=ids["enterprise_id"])
    return {
        "counts": counts,
        "grievance": list(grievance.values()),
        "ent": list(enterprise.values()),
    }


@pytest.mark.parametrize("role", ["leadership", "analyst"])
def test_every_data_changing_page_refuses_oversight(client, request, world, role):
    # given
    client.force_login(request.getfixturevalue(role))
    before = _snapshot(world)
    answers = {}

    # when
    for name, route in _web_patterns():
        if name in PERSONAL:
            continue
        answers[name] = client.post(_url(route, world), {"note": "x", "body": "x"}).status_code

    # then: refused (403/404), or the page takes no POST at all (405)
    wrong = {name: status for name, status in answers.items() if status not in {403, 404, 405}}
    assert wrong == {}
    assert _snapshot(world) == before
    # The walk really reached the data-changing pages, and leadership was told why.
    assert answers["web:grievances:assign"] == 403 if role == "leadership" else 404
    assert len(answers) >= 40


def _api_writes() -> list[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return [
        (method, path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in {"post", "put", "patch", "delete"} and (method, path) not in API_READS
    ]


def test_every_api_write_has_a_sample_body():
    assert {path for _method, path in _api_writes()} == set(API_BODIES)


@pytest.mark.parametrize(("method", "path"), _api_writes())
def test_every_api_write_refuses_leadership(
    client, leadership, world, method, path, settings, tmp_path
):
    # given
    settings.MEDIA_ROOT = tmp_path
    client.force_login(leadership)
    before = _snapshot(world)
    url = path.format(**world)
    body = API_BODIES[path]

    # when
    if body == "files":
        response = client.post(url, {"files": [SimpleUploadedFile("scan.png", PNG)]})
    else:
        if body == "enterprise":
            body = {**_enterprise_json(), "udyam_number": "UDYAM-MH-26-0099999"}
        response = getattr(client, method)(url, json.dumps(body), content_type="application/json")

    # then
    assert response.status_code == 403, response.content[:300]
    assert response.json()["code"] == "permission_denied"
    assert _snapshot(world) == before


def _enterprise_json() -> dict:
    return dict(vars(enterprise_input()))


def test_the_pages_left_open_to_oversight_are_the_policy_s_and_no_more():
    assert set(PERSONAL) == set(PERSONAL_VIEWS)
    assert {path for _method, path in API_READS} == set(POLICY_API_READS)
