"""Role, action and object: every object-scoped page and API operation, for every role, on the
objects of two owners held by two rooms (tests/permissions/world.py).

Allowed: past the scope check (200, 201, 302 elsewhere than the login page, or 400/409/422
for a body the action then refuses). Refused: 403 or 404. Anonymous: the login page (web) or
401 (API), unless the route is public. A write whose answer does not tell (a redirect either
way, or a form that has no unit to offer an officer) is judged by its effect (`changed`).
Every write runs in a savepoint rolled back after.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from champions.accounts.choices import Role
from champions.assistant.models import CallbackRequest
from champions.cases.models import CaseStep
from champions.clusters.models import ClusterMembership, ClusterNeed
from champions.opportunities.models import OpportunityResponse

from . import access, lists, matrix, matrix_api, routes
from .conftest import CHECKS
from .world import PNG, ROLES, SIDES, enterprise_body

pytestmark = pytest.mark.django_db
ALLOWED = {200, 201, 204, 302, 400, 409, 422}
REFUSED = {403, 404}
PROBES = {
    "step_done": lambda w, s: CaseStep.objects.get(pk=w.id("step", s)).done_at,
    "callback_done": lambda w, s: CallbackRequest.objects.get(pk=w.id("callback", s)).status,
    "joins": lambda w, s: ClusterMembership.objects.filter(
        cluster_id=w.id("open_cluster", s)
    ).count(),
    "needs": lambda w, s: ClusterNeed.objects.filter(cluster_id=w.id("cluster", s)).count(),
    "responses": lambda w, s: list(
        OpportunityResponse.objects.filter(opportunity_id=w.id("opportunity", s)).values_list(
            "enterprise_id", "quantity"
        )
    ),
}


def _side_roles(allowed, side: str) -> set[str]:
    index = SIDES.index(side)
    names = {"owner": ("owner_a", "owner_b")[index], "spoke": ("spoke_1", "spoke_2")[index]}
    return {names.get(role, role) for role in allowed}


def _fill(value, world, side: str, role: str):
    other = SIDES[1 - SIDES.index(side)]
    fills = {
        "{room_other}": world.rooms[other].pk,
        "{spoke_id}": world.users["spoke_1" if side == "A" else "spoke_2"].pk,
        "{owner_id}": world.users["owner_a" if side == "A" else "owner_b"].pk,
        "{enterprise_id}": world.id("enterprise", side),
        "{actor_enterprise}": world.id("enterprise", "B" if role == "owner_b" else "A"),
    }
    return {
        key: fills.get(item, item) if isinstance(item, str) else item for key, item in value.items()
    }


def _request(world, role: str, route, side: str, api: bool):
    client = world.clients[role]
    kinds = {kind for kind, _side in world.ids}
    path = route.path.format(**{kind: world.id(kind, side) for kind in kinds})
    if route.method == "get":
        return client.get(path)
    if route.body == "files":
        return client.post(path, {"files": [SimpleUploadedFile("scan.png", PNG)]})
    body = enterprise_body(world, side) if route.body == "enterprise" else route.body or {}
    body = _fill(body, world, side, role)
    if not api:
        return getattr(client, route.method)(path, body)
    return getattr(client, route.method)(path, json.dumps(body), content_type="application/json")


def _outcome(response, api: bool, refusals=REFUSED) -> str:
    status = response.status_code
    if status == 302 and "/accounts/login/" in response.get("Location", ""):
        return "login"
    if status == 401 and api:
        return "login"
    if status in refusals:
        return "refused"
    return "allowed" if status in ALLOWED else f"unexpected {status}"


def _check(world, route, role: str, side: str, api: bool) -> tuple[str, str]:
    probe = PROBES.get(route.changed)
    with transaction.atomic():
        before = probe(world, side) if probe else None
        response = _request(world, role, route, side, api)
        got = _outcome(response, api, route.refusals)
        if probe and got == "allowed" and probe(world, side) == before:
            got = "refused (no effect)"
        transaction.set_rollback(True)
    if role == "anonymous":
        expected = route.anonymous
    else:
        expected = "allowed" if role in _side_roles(route.allowed, side) else "refused"
    if got == "refused (no effect)" and expected == "refused":
        got = "refused"
    return expected, got


def _walk(world, routes, api: bool):
    wrong = []
    for route in routes:
        for role in ROLES:
            for side in SIDES:
                expected, got = _check(world, route, role, side, api)
                CHECKS["count"] += 1
                if got != expected:
                    wrong.append(
                        f"{route.method.upper()} {route.path} as {role} on {side}: "
                        f"expected {expected}, got {got}"
                    )
    return wrong


def test_every_object_scoped_page_for_every_role_and_object(world):
    wrong = _walk(world, matrix.ROUTES, api=False)
    assert wrong == [], "\n".join(wrong)


def test_every_object_scoped_api_operation_for_every_role_and_object(world):
    wrong = _walk(world, matrix_api.ROUTES, api=True)
    assert wrong == [], "\n".join(wrong)


def test_public_pages_are_open_and_every_other_page_needs_a_sign_in(world):
    wrong = []
    for name, route in access.web_routes():
        response = access.ask(world.clients["anonymous"], access.url(name, route, world))
        CHECKS["count"] += 1
        if routes.WEB[name] == routes.PUBLIC:
            ok = not access.sent_to_login(response) and response.status_code != 401
        elif name in access.KEYED:
            ok = response.status_code == 403
        else:
            ok = access.sent_to_login(response)
        if not ok:
            wrong.append(f"{name} ({routes.WEB[name]}): {response.status_code}")
    assert wrong == [], "\n".join(wrong)


def test_role_pages_refuse_some_roles_and_admit_others(world):
    wrong = []
    for name, route in access.web_routes():
        if routes.WEB[name] != routes.ROLE:
            continue
        path = access.url(name, route, world)
        outcomes = set()
        for role in ROLES[1:]:
            with transaction.atomic():
                outcomes.add(_outcome(access.ask(world.clients[role], path), api=False))
                transaction.set_rollback(True)
            CHECKS["count"] += 1
        if not {"refused", "allowed"} <= outcomes:
            wrong.append(f"{name}: {sorted(outcomes)}")
    assert wrong == [], "\n".join(wrong)


def test_every_scoped_list_shows_each_object_only_to_who_may_read_it(world):
    wrong = []
    for listing in lists.LISTS:
        for role in ROLES[1:]:
            pages = {}
            for side in SIDES:
                path = listing.path.format(**{k: world.id(k, side) for k, _s in world.ids})
                if path not in pages:
                    pages[path] = world.clients[role].get(path, follow=True)
                response = pages[path]
                text = response.content.decode()
                CHECKS["count"] += 1
                shown = world.markers[(listing.marker, side)] in text
                if shown != (role in _side_roles(listing.allowed, side)):
                    state = "shown" if shown else "missing"
                    wrong.append(
                        f"{listing.path} as {role}: {side} {state} ({response.status_code})"
                    )
    assert wrong == [], "\n".join(wrong)


def test_the_matrix_has_a_user_of_every_role(world):
    assert {user.role for user in world.users.values()} == set(Role.values)
