"""Weak and commonly breached passwords are refused at sign-up and password change, offline:
zxcvbn's list of leaked passwords and its pattern scoring ship with the package (ASVS 6.2.12)."""

import socket

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from champions.accounts.models import User

pytestmark = pytest.mark.django_db

WEAK = ["Password@2026", "P@ssw0rd123", "Qwerty@123", "iloveyou1", "Champions@2026", "Msme@12345"]
STRONG = "kal ki chai thandi thi"


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the password check tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("password", WEAK)
def test_a_common_or_breached_password_is_refused_offline(no_network, password):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)

    assert any("guess" in message.lower() for message in refused.value.messages)


def test_a_long_uncommon_passphrase_is_accepted_offline(no_network):
    assert validate_password(STRONG) is None


def test_sign_up_with_a_breached_password_creates_no_account_and_says_why(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": "P@ssw0rd123", "password2": "P@ssw0rd123"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(email="new@example.com").exists()


def test_the_refusal_is_explained_in_hindi():
    with translation.override("hi"), pytest.raises(ValidationError) as refused:
        validate_password("Qwerty@123")

    text = " ".join(refused.value.messages)
    assert any("\u0900" <= ch <= "\u097f" for ch in text)
