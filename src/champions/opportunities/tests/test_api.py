"""POST /api/v1/opportunities and GET /api/v1/opportunities/{id}/matches: the auth matrix,
errors per field, and the 'matching not available' answer when the network app is absent."""

import pytest

from champions.opportunities.models import Opportunity

from .factories import api_payload, posted_drive

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities"


def test_officer_posts_a_drive_201(client, hub_officer):
    client.force_login(hub_officer)
    response = client.post(URL, api_payload(), content_type="application/json")
    assert response.status_code == 201
    created = Opportunity.objects.get()
    assert response.json()["id"] == created.pk
    assert (created.kind, created.hs_codes, created.states) == ("demand_drive", ["630790"], ["MH"])


def test_anonymous_gets_401_and_nothing_is_saved(client):
    response = client.post(URL, api_payload(), content_type="application/json")
    assert response.status_code == 401
    assert Opportunity.objects.count() == 0


@pytest.mark.parametrize("who", ["analyst", "entrepreneur"])
def test_wrong_role_gets_403(client, analyst, entrepreneur, who):
    client.force_login({"analyst": analyst, "entrepreneur": entrepreneur}[who])
    response = client.post(URL, api_payload(), content_type="application/json")
    # an analyst sees aggregates only: for them the write does not exist (the oversight rule)
    assert response.status_code == {"analyst": 404, "entrepreneur": 403}[who]
    assert Opportunity.objects.count() == 0


def test_a_unit_may_post_a_procurement_need(client, entrepreneur):
    client.force_login(entrepreneur)
    response = client.post(URL, api_payload(kind="procurement"), content_type="application/json")
    assert response.status_code == 201


def test_bad_codes_and_dates_get_422_per_field(client, hub_officer):
    client.force_login(hub_officer)
    payload = api_payload(
        hs_codes=["63079", "abc"], nic_codes=["99999"], states=["XX"], closes_on="2020-01-01"
    )
    response = client.post(URL, payload, content_type="application/json")
    body = response.json()
    assert response.status_code == 422
    assert sorted(body["errors"]) == ["closes_on", "hs_codes", "nic_codes", "states"]
    assert body["errors"]["states"] == ["Unknown state codes: XX"]
    assert Opportunity.objects.count() == 0


def test_bad_date_format_and_kind_get_422(client, hub_officer):
    client.force_login(hub_officer)
    response = client.post(
        URL, api_payload(closes_on="tomorrow", kind="gift"), content_type="application/json"
    )
    assert response.status_code == 422
    assert sorted(response.json()["errors"]) == ["closes_on", "kind"]


def test_matches_auth_matrix(client, hub_officer, entrepreneur):
    drive = posted_drive(hub_officer)
    url = f"{URL}/{drive.pk}/matches"
    assert client.get(url).status_code == 401
    client.force_login(entrepreneur)
    assert client.get(url).status_code == 403
    client.force_login(hub_officer)
    assert client.get(f"{URL}/999999/matches").status_code == 404
    response = client.get(url)
    assert response.status_code == 200
    assert set(response.json()) == {"matching_available", "results"}
