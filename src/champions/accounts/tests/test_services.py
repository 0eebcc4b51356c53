"""Users, roles, API tokens and officers' session timeout."""

import importlib

import pytest
import time_machine
from django.db import IntegrityError

from champions.accounts.models import ApiToken, User
from champions.accounts.services import (
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
    user_create,
)
from champions.core.errors import NotFound, ValidationFailed

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2_outside_tests():
    base = importlib.import_module("champions.config.settings.base")

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_spoke_officer_needs_a_room():
    with pytest.raises(ValidationFailed):
        user_create(email="x@example.com", password="pw-Secret-2026", role="spoke_officer")

    assert User.objects.filter(email="x@example.com").exists() is False


def test_database_refuses_spoke_officer_without_room(entrepreneur):
    with pytest.raises(IntegrityError):
        User.objects.filter(pk=entrepreneur.pk).update(role="spoke_officer")


def test_token_key_is_shown_once_and_only_its_hash_stored(entrepreneur):
    issued = api_token_create(user=entrepreneur, name="Tally sync")

    stored = ApiToken.objects.get()
    assert issued.key.startswith("chp_")
    assert stored.key_hash == ApiToken.hash_key(issued.key)
    assert issued.key not in (stored.prefix, stored.key_hash)
    assert api_token_authenticate(key=issued.key) == entrepreneur


def test_revoked_or_wrong_token_does_not_authenticate(entrepreneur):
    issued = api_token_create(user=entrepreneur, name="old")

    api_token_revoke(user=entrepreneur, token_id=issued.token.pk)

    assert api_token_authenticate(key=issued.key) is None
    assert api_token_authenticate(key="chp_not-a-real-key") is None
    assert api_token_authenticate(key="something-else") is None


def test_cannot_revoke_someone_elses_token(entrepreneur, other_entrepreneur):
    issued = api_token_create(user=entrepreneur, name="mine")

    with pytest.raises(NotFound):
        api_token_revoke(user=other_entrepreneur, token_id=issued.token.pk)

    assert api_token_authenticate(key=issued.key) == entrepreneur


def test_token_needs_a_name(entrepreneur):
    with pytest.raises(ValidationFailed):
        api_token_create(user=entrepreneur, name="  ")


@pytest.mark.parametrize(
    ("_case", "user_fixture", "idle_minutes", "still_logged_in"),
    [
        ("officer active", "hub_officer", 10, True),
        ("officer idle too long", "hub_officer", 31, False),
        ("spoke officer idle too long", "spoke_officer", 45, False),
        ("entrepreneur keeps the default session", "entrepreneur", 45, True),
    ],
)
def test_officer_sessions_time_out(
    client, request, _case, user_fixture, idle_minutes, still_logged_in
):
    user = request.getfixturevalue(user_fixture)
    with time_machine.travel("2026-11-20 10:00 +0000", tick=False) as traveller:
        client.force_login(user)
        client.get("/api/v1/registry/enterprises")
        traveller.shift(idle_minutes * 60)

        response = client.get("/api/v1/registry/enterprises")

    assert (response.status_code == 200) is still_logged_in
