"""How API clients authenticate: a bearer token needs no CSRF token; a browser session does."""

import json

import pytest
from django.test import Client

from champions.accounts.services import api_token_create
from champions.grievances.models import Grievance
from champions.grievances.tests.factories import pune_enterprise

pytestmark = pytest.mark.django_db


def _body(unit) -> str:
    return json.dumps(
        {
            "subject": "Payment pending for 120 days",
            "description": "A PSU buyer has not paid invoice 42 of Rs 8 lakh since March.",
            "enterprise_id": unit.pk,
            "category": "delayed_payment",
        }
    )


def test_a_bearer_token_client_posts_without_a_csrf_token(entrepreneur):
    # given: a client that enforces CSRF as a real server does, with no cookie at all
    unit = pune_enterprise(entrepreneur)
    client = Client(enforce_csrf_checks=True)
    token = api_token_create(user=entrepreneur, name="integration").key

    # when
    response = client.post(
        "/api/v1/grievances",
        _body(unit),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    # then
    assert response.status_code == 201, response.content
    assert Grievance.objects.count() == 1


def test_a_session_without_the_csrf_token_is_refused_and_nothing_is_written(entrepreneur):
    # given
    unit = pune_enterprise(entrepreneur)
    client = Client(enforce_csrf_checks=True)
    client.force_login(entrepreneur)

    # when
    response = client.post("/api/v1/grievances", _body(unit), content_type="application/json")

    # then
    assert response.status_code == 403
    assert Grievance.objects.count() == 0


def test_a_wrong_bearer_token_is_refused(entrepreneur):
    client = Client(enforce_csrf_checks=True)

    response = client.get("/api/v1/grievances", headers={"Authorization": "Bearer not-a-token"})

    assert response.status_code == 401
