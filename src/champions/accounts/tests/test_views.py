import pytest
from django.test import Client
from django.urls import reverse

from champions.accounts.models import ApiToken
from champions.accounts.services import api_token_create

pytestmark = pytest.mark.django_db

PROFILE_URL = reverse("web:accounts:profile")
TOKEN_CREATE_URL = reverse("web:accounts:api_token_create")
API_URL = "/api/v1/registry/enterprises"


def _revoke_url(token_id: int) -> str:
    return reverse("web:accounts:api_token_revoke", args=[token_id])


def _api_status(key: str) -> int:
    return Client().get(API_URL, HTTP_AUTHORIZATION=f"Bearer {key}").status_code


@pytest.mark.parametrize(
    ("_case", "method", "url"),
    [
        ("profile", "get", PROFILE_URL),
        ("create token", "post", TOKEN_CREATE_URL),
        ("revoke token", "post", reverse("web:accounts:api_token_revoke", args=[0])),
    ],
)
def test_profile_pages_send_anonymous_visitors_to_login(client, _case, method, url):
    # when
    response = getattr(client, method)(url)

    # then
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"
    assert ApiToken.objects.exists() is False


def test_profile_shows_who_the_user_is(client, spoke_officer):
    # given
    client.force_login(spoke_officer)

    # when
    response = client.get(PROFILE_URL)

    # then
    content = response.content.decode()
    assert response.status_code == 200
    assert "spoke.mh@example.com" in content
    assert "Spoke officer" in content
    assert str(spoke_officer.control_room) in content
    assert reverse("account_change_password") in content
    assert reverse("account_email") in content
    assert response.context["tokens"] == []


def test_token_created_on_the_profile_shows_its_key_once(client, entrepreneur):
    # given
    client.force_login(entrepreneur)

    # when
    created = client.post(TOKEN_CREATE_URL, {"name": "Dashboard script"})
    later = client.get(PROFILE_URL)

    # then
    token = ApiToken.objects.get(user=entrepreneur)
    key = created.context["new_key"]
    assert created.status_code == 200
    assert "no-store" in created["Cache-Control"]
    assert token.name == "Dashboard script"
    assert token.key_hash == ApiToken.hash_key(key)
    assert key in created.content.decode()
    assert "it will not be shown again" in created.content.decode()
    assert later.context["new_key"] == ""
    assert key not in later.content.decode()
    assert later.context["tokens"] == [token]


def test_token_without_a_name_is_refused(client, entrepreneur):
    # given
    client.force_login(entrepreneur)

    # when
    response = client.post(TOKEN_CREATE_URL, {"name": "  "})

    # then
    assert response.status_code == 200
    assert response.context["form"].errors == {"name": ["This field is required."]}
    assert ApiToken.objects.exists() is False


def test_token_revoked_via_the_profile_no_longer_authenticates(client, entrepreneur):
    # given
    issued = api_token_create(user=entrepreneur, name="Dashboard script")
    client.force_login(entrepreneur)
    status_before = _api_status(issued.key)

    # when
    confirmation = client.get(_revoke_url(issued.token.pk))
    response = client.post(_revoke_url(issued.token.pk), follow=True)

    # then
    assert status_before == 200
    assert confirmation.status_code == 200
    assert "Dashboard script" in confirmation.content.decode()
    assert response.redirect_chain == [(PROFILE_URL, 302)]
    assert "The token “Dashboard script” was revoked." in response.content.decode()
    issued.token.refresh_from_db()
    assert issued.token.is_active is False
    assert _api_status(issued.key) == 401


def test_token_of_another_user_cannot_be_revoked(client, entrepreneur, other_entrepreneur):
    # given
    issued = api_token_create(user=other_entrepreneur, name="Theirs")
    client.force_login(entrepreneur)

    # when
    confirmation = client.get(_revoke_url(issued.token.pk))
    response = client.post(_revoke_url(issued.token.pk))

    # then
    assert (confirmation.status_code, response.status_code) == (404, 404)
    issued.token.refresh_from_db()
    assert issued.token.is_active is True
    assert _api_status(issued.key) == 200
