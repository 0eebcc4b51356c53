"""The enterprise API: bearer and session auth, scope (404 outside it), 422 per field."""

import pytest

from champions.accounts.services import api_token_create, api_token_revoke
from champions.registry.models import Enterprise
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input, mh_pune

pytestmark = pytest.mark.django_db
LIST = "/api/v1/registry/enterprises"


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='test').key}"}


def payload(**overrides) -> dict:
    state, district = mh_pune()
    body = {
        "udyam_number": "UDYAM-MH-26-0054321",
        "name": "Sahyadri Food Products",
        "organisation_type": "llp",
        "major_activity": "manufacturing",
        "state_id": state.pk,
        "district_id": district.pk,
        "pincode": "411001",
        "nic_codes": ["10712"],
        "investment_inr": 40_000_000,
        "turnover_inr": 90_000_000,
        "employees": 22,
    }
    body.update(overrides)
    return body


def test_anonymous_gets_401(client):
    assert client.get(LIST).status_code == 401


def test_revoked_token_gets_401(client, hub_officer):
    issued = api_token_create(user=hub_officer, name="ci")
    api_token_revoke(user=hub_officer, token_id=issued.token.pk)

    response = client.get(LIST, HTTP_AUTHORIZATION=f"Bearer {issued.key}")

    assert response.status_code == 401


def test_create_with_bearer_token(client, entrepreneur):
    response = client.post(LIST, payload(), content_type="application/json", **bearer(entrepreneur))

    assert response.status_code == 201
    body = response.json()
    assert (body["category"], body["classification_rule"]) == ("small", "msmed_2025")
    assert Enterprise.objects.get(pk=body["id"]).representatives.get() == entrepreneur


def test_create_reports_each_bad_field(client, entrepreneur):
    response = client.post(
        LIST,
        payload(udyam_number="UDYAM-MH-26-12", pincode="110001", investment_inr=-5),
        content_type="application/json",
        **bearer(entrepreneur),
    )

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"investment_inr"}
    response = client.post(
        LIST,
        payload(udyam_number="UDYAM-MH-26-12", pincode="110001"),
        content_type="application/json",
        **bearer(entrepreneur),
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"udyam_number", "pincode"}
    assert Enterprise.objects.count() == 0


def test_session_write_needs_csrf(entrepreneur):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(entrepreneur)

    response = client.post(LIST, payload(), content_type="application/json")

    assert response.status_code in {401, 403}
    assert Enterprise.objects.count() == 0


@pytest.mark.parametrize(
    ("_case", "user_fixture", "status"),
    [
        ("owner", "entrepreneur", 200),
        ("another entrepreneur", "other_entrepreneur", 404),
        ("spoke officer of the district", "spoke_officer", 200),
        ("spoke officer elsewhere", "other_spoke_officer", 404),
        ("hub", "hub_officer", 200),
        ("leadership", "leadership", 200),
        ("analyst", "analyst", 404),
    ],
)
def test_detail_scope(client, request, entrepreneur, _case, user_fixture, status):
    enterprise = enterprise_create(data=enterprise_input(), actor=entrepreneur)
    user = request.getfixturevalue(user_fixture)

    response = client.get(f"{LIST}/{enterprise.pk}", **bearer(user))

    assert response.status_code == status


@pytest.mark.parametrize(
    ("_case", "user_fixture", "status"),
    [
        ("owner", "entrepreneur", 200),
        ("another entrepreneur", "other_entrepreneur", 404),
        ("spoke officer elsewhere", "other_spoke_officer", 404),
        ("leadership reads only", "leadership", 403),
        ("analyst", "analyst", 404),
    ],
)
def test_update_scope_and_nothing_changes_when_refused(
    client, request, entrepreneur, _case, user_fixture, status
):
    enterprise = enterprise_create(data=enterprise_input(), actor=entrepreneur)
    user = request.getfixturevalue(user_fixture)

    response = client.put(
        f"{LIST}/{enterprise.pk}",
        payload(udyam_number=enterprise.udyam_number, name="Renamed"),
        content_type="application/json",
        **bearer(user),
    )

    assert response.status_code == status
    enterprise.refresh_from_db()
    assert enterprise.name == ("Renamed" if status == 200 else "Deccan Precision Tools")


def test_list_is_scoped_filtered_and_paged(client, entrepreneur, other_entrepreneur, hub_officer):
    for serial in range(1, 4):
        enterprise_create(
            data=enterprise_input(udyam_number=f"UDYAM-MH-26-{serial:07d}", name=f"Unit {serial}"),
            actor=entrepreneur,
        )
    enterprise_create(
        data=enterprise_input(udyam_number="UDYAM-MH-26-0000009", name="Other"),
        actor=other_entrepreneur,
    )

    own = client.get(LIST, **bearer(entrepreneur)).json()
    page = client.get(f"{LIST}?size=2&q=unit", **bearer(hub_officer)).json()
    rest = client.get(
        f"{LIST}?size=2&q=unit&after={page['next_cursor']}", **bearer(hub_officer)
    ).json()

    assert [e["name"] for e in own["items"]] == ["Unit 3", "Unit 2", "Unit 1"]
    assert [e["name"] for e in page["items"]] == ["Unit 3", "Unit 2"]
    assert [e["name"] for e in rest["items"]] == ["Unit 1"]
    assert rest["next_cursor"] is None


def test_list_rejects_bad_filter_values(client, hub_officer):
    response = client.get(f"{LIST}?category=huge&size=1000", **bearer(hub_officer))

    assert response.status_code == 422
    assert set(response.json()["errors"]) >= {"size"}


def test_openapi_schema_is_served(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/v1/registry/classification", "/api/v1/registry/enterprises"} <= set(paths)
