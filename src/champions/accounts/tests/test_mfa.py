"""Two-factor authentication is compulsory for officers, leadership and administrators: set up
on first sign-in, asked at every sign-in after, and a session that skipped it gets no page."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.urls import reverse

from champions.accounts.selectors import totp_code_now
from champions.accounts.services import api_token_create, user_totp_set

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Secret-2026"  # tests/fixtures.py
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
QUEUE = "/grievances/queue/"


@pytest.fixture(autouse=True)
def mfa_on(settings):
    settings.MFA_REQUIRED = True


def _sign_in(client, user) -> None:
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize("role", ["spoke_officer", "hub_officer", "leadership", "administrator"])
def test_a_role_that_needs_it_is_sent_to_set_up_totp_first(client, request, role):
    user = request.getfixturevalue(role)
    _sign_in(client, user)

    page = client.get(QUEUE)
    api = client.get("/api/v1/grievances")

    assert page.status_code == 302
    assert page["Location"] == reverse("mfa_activate_totp")
    assert api.status_code == 403
    assert api.json()["code"] == "mfa_required"


@pytest.mark.parametrize("role", ["entrepreneur", "analyst"])
def test_roles_that_see_no_one_elses_records_are_not_asked(client, request, role):
    user = request.getfixturevalue(role)
    _sign_in(client, user)

    response = client.get("/profile/")

    assert response.status_code == 200


def test_setting_totp_up_opens_the_portal(
    client, spoke_officer, django_capture_on_commit_callbacks
):
    _sign_in(client, spoke_officer)
    # allauth asks for the password again before a second factor is added.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    setup = client.get(reverse("mfa_activate_totp"))
    secret = setup.context["form"].secret

    done = client.post(reverse("mfa_activate_totp"), {"code": totp_code_now(secret)})

    assert done.status_code == 302
    assert Authenticator.objects.filter(user=spoke_officer, type="totp").count() == 1
    assert client.get(QUEUE).status_code == 200


def test_sign_in_asks_for_the_code_before_any_page(client, hub_officer):
    user_totp_set(user=hub_officer, secret=SECRET)

    _sign_in(client, hub_officer)
    before = client.get(QUEUE)
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    right = client.post(reverse("mfa_authenticate"), {"code": totp_code_now(SECRET)})

    assert before.status_code == 302
    assert before["Location"].startswith(reverse("account_login"))
    assert wrong.status_code == 200  # the form again, with its error
    assert right.status_code == 302
    assert client.get(QUEUE).status_code == 200


def test_a_session_that_skipped_the_code_is_asked_for_it(client, hub_officer):
    user_totp_set(user=hub_officer, secret=SECRET)
    client.force_login(hub_officer)  # as Django admin's own login form would

    response = client.get(QUEUE + "?view=mine")

    assert response.status_code == 302
    assert response["Location"] == (
        reverse("mfa_reauthenticate") + "?next=%2Fgrievances%2Fqueue%2F%3Fview%3Dmine"
    )


def test_the_admin_login_goes_through_the_portals_login(client):
    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_bearer_token_is_not_asked_for_a_code(client, hub_officer):
    issued = api_token_create(user=hub_officer, name="reports")

    response = client.get("/api/v1/grievances", headers={"Authorization": f"Bearer {issued.key}"})

    assert response.status_code == 200
