"""Request bodies over DATA_UPLOAD_MAX_MEMORY_SIZE: a JSON 413 on the API, a 400 page on the web."""

import json
from urllib.parse import urlencode

import pytest
from django.test import Client

from champions.accounts.services import api_token_create
from champions.grievances.models import Grievance
from champions.grievances.tests.factories import pune_enterprise

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
TOO_LARGE = {
    "detail": "The request body is too large: the limit is 10 MB.",
    "code": "payload_too_large",
}


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def _lodge_body(unit, size: int) -> str:
    return json.dumps(
        {
            "subject": "Payment pending for 120 days",
            "description": "x" * size,
            "enterprise_id": unit.pk,
            "category": "delayed_payment",
        }
    )


def _bearer_client(user) -> tuple[Client, dict]:
    return Client(), {"Authorization": f"Bearer {api_token_create(user=user, name='test').key}"}


def _session_client(user) -> tuple[Client, dict]:
    """A browser: logged in, and sending the CSRF token the lodging page set."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/grievances/new/")
    return client, {"X-CSRFToken": client.cookies["csrftoken"].value}


@pytest.mark.parametrize("_case", ["bearer token", "session"])
def test_an_oversized_json_body_answers_413_in_the_api_error_shape(_case, entrepreneur, unit):
    # given
    client, headers = (_bearer_client if _case == "bearer token" else _session_client)(entrepreneur)

    # when
    response = client.post(
        "/api/v1/grievances",
        _lodge_body(unit, 11 * MB),
        content_type="application/json",
        headers=headers,
    )

    # then
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == TOO_LARGE
    assert not Grievance.objects.exists()


def test_a_body_under_the_limit_reaches_validation(entrepreneur, unit):
    client, headers = _bearer_client(entrepreneur)

    response = client.post(
        "/api/v1/grievances",
        _lodge_body(unit, 9 * MB),
        content_type="application/json",
        headers=headers,
    )

    assert response.status_code == 422
    assert response.json()["code"] == "validation_failed"
    assert not Grievance.objects.exists()


@pytest.mark.parametrize("_case", ["urlencoded", "multipart"])
def test_an_oversized_lodging_form_answers_a_400_page(_case, entrepreneur, unit):
    # given
    client, _headers = _session_client(entrepreneur)
    form = {
        "subject": "Payment pending for 120 days",
        "description": "x" * (11 * MB),
        "enterprise": unit.pk,
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
    }

    # when
    if _case == "urlencoded":
        response = client.post(
            "/grievances/new/", urlencode(form), content_type="application/x-www-form-urlencoded"
        )
    else:
        response = client.post("/grievances/new/", form)

    # then: Django's "Bad Request" page (the CSRF check reads the form first), not a 500
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert not Grievance.objects.exists()
