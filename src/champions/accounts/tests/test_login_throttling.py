"""Login throttling: per account a short, growing lockout answered 429 with Retry-After; per
client far higher; behind a trusted proxy each client is told apart by X-Forwarded-For."""

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from champions.accounts.services import user_create

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PASSWORD = "pw-Secret-2026"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _login(client, email, password, **extra):
    return client.post(LOGIN, {"login": email, "password": password}, **extra)


def test_five_wrong_passwords_lock_the_account_briefly_with_429_and_retry_after(entrepreneur):
    client = Client()
    with time_machine.travel("2026-12-04 10:00:00+00:00", tick=False):
        statuses = [_login(client, entrepreneur.email, "wrong").status_code for _ in range(5)]
        locked = _login(client, entrepreneur.email, PASSWORD)

    assert statuses == [200] * 5  # the form again, with its error
    assert locked.status_code == 429
    assert locked["Retry-After"] == "60"
    assert b"Too many failed login attempts" in locked.content


def test_after_the_short_lockout_the_right_password_works(entrepreneur):
    client = Client()
    with time_machine.travel("2026-12-04 10:00:00+00:00", tick=False):
        for _ in range(5):
            _login(client, entrepreneur.email, "wrong")
    with time_machine.travel("2026-12-04 10:01:01+00:00", tick=False):
        response = _login(client, entrepreneur.email, PASSWORD)

    assert response.status_code == 302


def test_the_lockout_grows_with_repeated_failures(entrepreneur):
    client = Client()
    with time_machine.travel("2026-12-04 10:00:00+00:00", tick=False):
        for _ in range(5):
            _login(client, entrepreneur.email, "wrong")
    with time_machine.travel("2026-12-04 10:01:01+00:00", tick=False):
        for _ in range(5):
            _login(client, entrepreneur.email, "wrong")
        locked = _login(client, entrepreneur.email, PASSWORD)

    # The quarter-hour window is full: the oldest failure frees it at 10:15:00.
    assert locked.status_code == 429
    assert locked["Retry-After"] == "839"


def test_failures_on_many_accounts_from_one_address_do_not_lock_out_another_account(db):
    client = Client()
    for n in range(30):
        user_create(email=f"u{n}@example.com", password=PASSWORD, role="entrepreneur")
    user_create(email="colleague@example.com", password=PASSWORD, role="entrepreneur")

    for n in range(30):
        assert _login(client, f"u{n}@example.com", "wrong").status_code == 200
    response = _login(client, "colleague@example.com", PASSWORD)

    assert response.status_code == 302


def test_behind_a_trusted_proxy_clients_are_counted_apart(settings, db):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}
    for n in range(4):
        user_create(email=f"v{n}@example.com", password=PASSWORD, role="entrepreneur")
    client = Client()
    attacker = {"headers": {"X-Forwarded-For": "203.0.113.9"}}
    colleague = {"headers": {"X-Forwarded-For": "198.51.100.7"}}

    attacker_statuses = [
        _login(client, f"v{n}@example.com", "wrong", **attacker).status_code for n in range(4)
    ]
    # A spoofed address left of the proxy's own entry changes nothing.
    spoofed = _login(
        client, "v0@example.com", "wrong", headers={"X-Forwarded-For": "10.9.9.9, 203.0.113.9"}
    )
    response = _login(client, "v3@example.com", PASSWORD, **colleague)

    assert attacker_statuses == [200, 200, 200, 429]
    assert spoofed.status_code == 429
    assert response.status_code == 302
