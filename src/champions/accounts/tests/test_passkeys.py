"""Passkeys and security keys (WebAuthn, allauth.mfa) as an officer's second factor: the
registration begins with options for this site, a key made by a software authenticator (the
test plays the browser and the key) is added, and it then counts as the second factor the
portal insists on, at sign-in and for a session that skipped it."""

import hashlib
import json
import os

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django.urls import reverse
from fido2.cose import ES256
from fido2.utils import websafe_decode, websafe_encode
from fido2.webauthn import (
    AttestationObject,
    AttestedCredentialData,
    AuthenticatorData,
    CollectedClientData,
)

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Secret-2026"  # tests/fixtures.py
RP_ID = "testserver"  # the test client's host, which allauth takes as the relying party
ORIGIN = "https://testserver"
QUEUE = "/grievances/queue/"
FLAGS = AuthenticatorData.FLAG


@pytest.fixture(autouse=True)
def mfa_on(settings):
    settings.MFA_REQUIRED = True


class SoftwareKey:
    """A security key in memory: one P-256 credential for RP_ID."""

    def __init__(self):
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.counter = 0

    def _auth_data(self, flags, credential_data=b"") -> AuthenticatorData:
        self.counter += 1
        rp_id_hash = hashlib.sha256(RP_ID.encode()).digest()
        return AuthenticatorData.create(rp_id_hash, flags, self.counter, credential_data)

    def register(self, challenge: str) -> dict:
        public_key = ES256.from_cryptography_key(self.private_key.public_key())
        attested = AttestedCredentialData.create(bytes(16), self.credential_id, public_key)
        auth_data = self._auth_data(FLAGS.UP | FLAGS.AT, attested)
        client = CollectedClientData.create("webauthn.create", websafe_decode(challenge), ORIGIN)
        attestation = AttestationObject.create("none", auth_data, {})
        return self._credential(clientDataJSON=client, attestationObject=attestation)

    def sign_in(self, challenge: str) -> dict:
        auth_data = self._auth_data(FLAGS.UP)
        client = CollectedClientData.create("webauthn.get", websafe_decode(challenge), ORIGIN)
        signed = bytes(auth_data) + hashlib.sha256(bytes(client)).digest()
        signature = self.private_key.sign(signed, ec.ECDSA(hashes.SHA256()))
        return self._credential(
            clientDataJSON=client, authenticatorData=auth_data, signature=signature
        )

    def _credential(self, **response) -> dict:
        key_id = websafe_encode(self.credential_id)
        return {
            "id": key_id,
            "rawId": key_id,
            "type": "public-key",
            "response": {name: websafe_encode(bytes(value)) for name, value in response.items()},
            "clientExtensionResults": {},
        }


def _sign_in(client, user) -> None:
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def _add_key(client, key: SoftwareKey, name: str = "Office key"):
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_add_webauthn"))
    options = page.context["js_data"]["creation_options"]["publicKey"]
    credential = key.register(options["challenge"])
    return page, client.post(
        reverse("mfa_add_webauthn"), {"name": name, "credential": json.dumps(credential)}
    )


def test_adding_a_key_begins_with_options_for_this_site_and_scripts_the_csp_allows(
    client, hub_officer
):
    _sign_in(client, hub_officer)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    page = client.get(reverse("mfa_add_webauthn"))

    assert page.status_code == 200
    options = page.context["js_data"]["creation_options"]["publicKey"]
    assert options["rp"]["id"] == RP_ID
    assert options["user"]["name"] == hub_officer.email
    assert len(websafe_decode(options["challenge"])) >= 16
    assert client.session["mfa.webauthn.state"]["challenge"]
    html = page.content.decode()
    assert '<script src="/static/mfa/js/webauthn.js"' in html
    assert "<script>" not in html  # no inline script: CSP script-src 'self' holds


def test_an_officer_adds_a_key_and_it_opens_the_portal(client, spoke_officer):
    _sign_in(client, spoke_officer)
    assert client.get(QUEUE)["Location"] == reverse("mfa_activate_totp")  # no factor yet

    _, added = _add_key(client, SoftwareKey())

    assert added.status_code == 302
    assert Authenticator.objects.filter(user=spoke_officer, type="webauthn").count() == 1
    assert Authenticator.objects.filter(user=spoke_officer, type="recovery_codes").count() == 1
    assert client.get(QUEUE).status_code == 200


def test_a_forged_key_response_is_refused(client, hub_officer):
    _sign_in(client, hub_officer)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_add_webauthn"))
    forged = SoftwareKey().register(websafe_encode(os.urandom(32)))  # not the server's challenge

    refused = client.post(
        reverse("mfa_add_webauthn"), {"name": "Forged", "credential": json.dumps(forged)}
    )

    assert refused.status_code == 200  # the form again, with its error
    assert refused.context["form"].errors == {"__all__": ["Incorrect code."]}
    assert not Authenticator.objects.filter(user=hub_officer, type="webauthn").exists()


def test_an_officer_with_only_a_key_signs_in_with_it(client, hub_officer):
    key = SoftwareKey()
    _sign_in(client, hub_officer)
    _add_key(client, key)
    client.logout()

    _sign_in(client, hub_officer)
    before = client.get(QUEUE)
    page = client.get(reverse("mfa_authenticate"))
    options = page.context["js_data"]["request_options"]["publicKey"]
    signed_in = client.post(
        reverse("mfa_authenticate"), {"credential": json.dumps(key.sign_in(options["challenge"]))}
    )

    assert before["Location"].startswith(reverse("account_login"))  # the key is asked first
    assert signed_in.status_code == 302
    assert client.get(QUEUE).status_code == 200


def test_a_session_that_skipped_the_key_is_asked_for_it_not_sent_to_totp(client, hub_officer):
    _sign_in(client, hub_officer)
    _add_key(client, SoftwareKey())
    client.logout()
    client.force_login(hub_officer)  # as Django admin's own login form would

    response = client.get(QUEUE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


@pytest.mark.parametrize(
    ("language", "heading", "count"),
    [
        ("en", "Security Keys", "You have added 1 security key."),
        ("hi", "सुरक्षा कुंजियाँ", "आपने 1 सुरक्षा कुंजी जोड़ी है।"),
    ],
)
def test_the_profile_leads_to_security_keys_in_english_and_hindi(
    client, hub_officer, language, heading, count
):
    key = SoftwareKey()
    _sign_in(client, hub_officer)
    _add_key(client, key)
    client.cookies["django_language"] = language

    profile = client.get(reverse("web:accounts:profile")).content.decode()
    keys = client.get(reverse("mfa_index"), HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert f'href="{reverse("mfa_index")}"' in profile
    assert heading in keys
    assert count in keys
    assert f'href="{reverse("mfa_list_webauthn")}"' in keys
