"""Property-based: whatever value a client puts in an id, amount or date, the answer is a 2xx
or a 4xx naming the field, never a 500 (Hypothesis draws the values, shrinking any failure)."""

import json
from datetime import date

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from champions.grievances.models import Grievance
from champions.grievances.tests.factories import pune_enterprise

pytestmark = pytest.mark.django_db

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

# Far beyond both ends of a 64-bit integer, around the edges, and ordinary small ids.
ANY_INT = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 1, 2**31, 2**63 - 1, 2**63, 2**64 + 1]),
)
JSON_SCALAR = st.one_of(st.none(), st.booleans(), ANY_INT, st.floats(allow_nan=False), st.text())


@pytest.fixture
def owner_client(entrepreneur):
    client = Client()
    client.force_login(entrepreneur)
    return client


@PROPERTY
@given(field=st.sampled_from(["district_id", "enterprise_id"]), value=JSON_SCALAR)
def test_lodging_with_any_id_answers_201_or_a_422_naming_it(owner_client, field, value):
    before = Grievance.objects.count()
    body = {
        "subject": "Payment pending",
        "description": "Invoice 42 unpaid since March.",
        "complainant_type": "aspiring",
        field: value,
    }

    response = owner_client.post("/api/v1/grievances", json.dumps(body), "application/json")

    assert response.status_code in {201, 422}, response.content
    if response.status_code == 422:
        # The service names an enterprise outside the owner's scope "enterprise", as its form does.
        assert {field, field.removesuffix("_id")} & set(response.json()["errors"])
        assert Grievance.objects.count() == before


@PROPERTY
@given(
    name=st.sampled_from(["room", "after", "before", "size"]),
    value=st.one_of(ANY_INT.map(str), st.text(max_size=30)),
)
def test_the_queue_with_any_filter_value_answers_200_or_422(owner_client, name, value):
    response = owner_client.get("/api/v1/grievances", {name: value})

    assert response.status_code in {200, 422}, response.content
    if response.status_code == 422:
        assert list(response.json()["errors"]) == [name]


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


@PROPERTY
@given(start=st.dates(), end=st.dates())
def test_a_calendar_for_any_dates_answers_200_or_422(unit, owner_client, start, end):
    response = owner_client.get(
        "/api/v1/compliance/calendar",
        {"enterprise_id": unit.pk, "from": start.isoformat(), "to": end.isoformat()},
    )

    assert response.status_code in {200, 422}, response.content
    if start < date(1900, 1, 1) or end > date(2199, 12, 31):
        assert response.status_code == 422


@PROPERTY
@given(path_id=ANY_INT)
def test_any_id_in_a_path_answers_404_or_422(owner_client, path_id):
    for url in (f"/api/v1/grievances/{path_id}", f"/api/v1/registry/enterprises/{path_id}"):
        response = owner_client.get(url)

        assert response.status_code in {404, 422}, (url, response.content)
