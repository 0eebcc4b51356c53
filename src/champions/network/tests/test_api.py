"""The network API: officers onboard profiles (201/401/403/422), matching (422 per field, 404)."""

import pytest

from champions.accounts.services import api_token_create
from champions.network.models import Profile, ProfileTag
from champions.network.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db
PROFILES = "/api/v1/network/profiles"
MATCH = "/api/v1/network/match"


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='t').key}"}


def body(**overrides) -> dict:
    values = {
        "name": "Ganesh Spinning Mills",
        "country": "IN",
        "state": "TN",
        "description": "हम सूती धागा बनाते हैं",
        "nic_codes": ["13111"],
        "hs_codes": ["520524"],
        "udyam_number": "UDYAM-TN-01-0000001",
    }
    values.update(overrides)
    return values


def test_officer_creates_profile(client, spoke_officer):
    response = client.post(
        PROFILES, body(), content_type="application/json", **bearer(spoke_officer)
    )
    assert response.status_code == 201
    profile = Profile.objects.get(pk=response.json()["id"])
    assert (profile.name, profile.country, profile.state.udyam_code) == (
        "Ganesh Spinning Mills",
        "IN",
        "TN",
    )
    assert profile.udyam_verified_on is not None
    assert set(ProfileTag.objects.filter(profile=profile).values_list("tag", flat=True)) == {
        "o4:5205",
        "o6:520524",
        "i4:1311",
    }


@pytest.mark.parametrize(
    ("user_fixture", "status"), [(None, 401), ("entrepreneur", 403), ("hub_officer", 201)]
)
def test_profile_create_auth_matrix(client, request, user_fixture, status):
    headers = bearer(request.getfixturevalue(user_fixture)) if user_fixture else {}
    response = client.post(PROFILES, body(), content_type="application/json", **headers)
    assert response.status_code == status
    assert Profile.objects.count() == (1 if status == 201 else 0)


def test_bad_codes_and_country_get_422_naming_the_field(client, hub_officer):
    response = client.post(
        PROFILES,
        body(country="XX", hs_codes=["000001"], nic_codes=["00000"]),
        content_type="application/json",
        **bearer(hub_officer),
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"country", "hs_codes", "nic_codes"}
    assert Profile.objects.count() == 0


def test_indian_profile_needs_a_state(client, hub_officer):
    response = client.post(
        PROFILES, body(state=""), content_type="application/json", **bearer(hub_officer)
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["state"]


def test_match_rejects_bad_codes(client, entrepreneur):
    response = client.post(
        MATCH,
        {"text": "yarn", "hs_codes": ["12"], "countries": ["ZZ"], "nic_codes": ["x"]},
        content_type="application/json",
        **bearer(entrepreneur),
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"hs_codes", "countries", "nic_codes"}


def test_match_needs_authentication(client):
    assert client.post(MATCH, {}, content_type="application/json").status_code == 401


def test_match_unknown_asking_profile_is_404(client, entrepreneur):
    response = client.post(
        MATCH, {"from_profile_id": 999999}, content_type="application/json", **bearer(entrepreneur)
    )
    assert response.status_code == 404


def test_match_by_codes_answers_best_first_without_the_asker(client, entrepreneur):
    spinner = ProfileFactory(name="Spinner", country="IN", hs_codes=["520524"])
    baker = ProfileFactory(name="Baker", country="IN", nic_codes=["10711"])
    asker = ProfileFactory(name="Asker", country="IN", hs_codes=["520524"], owner=entrepreneur)
    response = client.post(
        MATCH,
        {"hs_codes": ["520524"], "from_profile_id": asker.pk, "kind": "business_request"},
        content_type="application/json",
        **bearer(entrepreneur),
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["profile_id"] for r in results] == [spinner.pk]
    assert results[0]["reasons"][0].startswith("makes HS 520524 ")
    assert baker.pk not in [r["profile_id"] for r in results]
