"""Bad input answers a 4xx naming the field, never a 500 (issue 19's attack findings)."""

import json

import pytest
from django.test import Client

from champions.grievances.models import Grievance
from champions.grievances.tests.factories import pune_enterprise

pytestmark = pytest.mark.django_db

HUGE = 18446744073709551617  # 2**64 + 1: beyond any database integer


def _lodge(client, **fields):
    body = {
        "subject": "Payment pending",
        "description": "A buyer has not paid invoice 42 since March.",
        "complainant_type": "aspiring",
        **fields,
    }
    return client.post("/api/v1/grievances", json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("district_id", [999999, 0, -1, HUGE, 2**63])
def test_an_unknown_or_impossible_district_answers_422_naming_it(entrepreneur, district_id):
    client = Client()
    client.force_login(entrepreneur)

    response = _lodge(client, district_id=district_id)

    assert response.status_code == 422, response.content
    assert list(response.json()["errors"]) == ["district_id"]
    assert Grievance.objects.count() == 0


@pytest.mark.parametrize("enterprise_id", [0, -1, HUGE])
def test_an_impossible_enterprise_id_answers_422_naming_it(entrepreneur, enterprise_id):
    client = Client()
    client.force_login(entrepreneur)

    response = _lodge(client, complainant_type="enterprise", enterprise_id=enterprise_id)

    assert response.status_code == 422, response.content
    assert list(response.json()["errors"]) == ["enterprise_id"]
    assert Grievance.objects.count() == 0


@pytest.mark.parametrize(
    ("url", "field"),
    [
        (f"/api/v1/grievances?room={HUGE}", "room"),
        (f"/api/v1/grievances?after={HUGE}", "after"),
        ("/api/v1/grievances?before=-5", "before"),
        ("/api/v1/compliance/calendar?enterprise_id=1&from=0001-01-01", "from"),
        ("/api/v1/compliance/calendar?enterprise_id=1&to=9999-12-31", "to"),
        (f"/api/v1/compliance/calendar?enterprise_id={HUGE}", "enterprise_id"),
        (f"/api/v1/registry/enterprises?district={HUGE}", "district"),
        (f"/api/v1/registry/enterprises/{HUGE}", "enterprise_id"),
        (f"/api/v1/grievances/{HUGE}", "grievance_id"),
        ("/api/v1/grievances/0", "grievance_id"),
        (f"/api/v1/schemes/recommendations?enterprise_id={HUGE}", "enterprise_id"),
    ],
)
def test_an_out_of_range_query_answers_422_naming_the_field(entrepreneur, url, field):
    client = Client()
    client.force_login(entrepreneur)

    response = client.get(url)

    assert response.status_code == 422, response.content
    assert list(response.json()["errors"]) == [field]


def test_a_calendar_at_the_edge_of_the_sane_range_still_answers(entrepreneur):
    unit = pune_enterprise(entrepreneur)
    client = Client()
    client.force_login(entrepreneur)

    response = client.get(
        f"/api/v1/compliance/calendar?enterprise_id={unit.pk}&from=1900-01-01&to=1900-12-31"
    )

    assert response.status_code == 200, response.content
    assert response.json()["from"] == "1900-01-01"


def test_an_api_path_that_does_not_exist_answers_json_404():
    response = Client().get("/api/v1/no-such-thing")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


def test_an_anonymous_api_post_answers_401_not_a_csrf_403():
    client = Client(enforce_csrf_checks=True)

    response = _lodge(client)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert Grievance.objects.count() == 0
