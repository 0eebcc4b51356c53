"""`champions setup` (what `make run` calls) is idempotent and skips unchanged data."""

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command

from champions.accounts.models import User
from champions.accounts.selectors import totp_code_now
from champions.registry.models import Enterprise
from champions.web.demo import DEMO_TOTP_SECRET


@pytest.mark.django_db
def test_setup_twice_loads_once_and_duplicates_nothing(capsys, triage_models):
    # given: triage models built from today's data (setup would train them when missing)
    call_command("setup")
    users, enterprises = User.objects.count(), Enterprise.objects.count()
    capsys.readouterr()

    call_command("setup")

    out = capsys.readouterr().out
    assert (users, enterprises) == (
        8,
        307,
    )  # 300 synthetic + 7 demo units of opportunities and sparks
    assert (User.objects.count(), Enterprise.objects.count()) == (
        8,
        307,
    )  # 300 synthetic + 7 demo units of opportunities and sparks
    assert "reference data: up to date" in out
    assert "demo data: present" in out
    assert "triage models: up to date" in out


@pytest.mark.django_db
def test_the_demo_officers_share_the_published_totp_secret(capsys, triage_models):
    call_command("setup")
    call_command("demo_logins")

    with_totp = set(Authenticator.objects.filter(type="totp").values_list("user__email", flat=True))
    assert with_totp == {
        "spoke.mh@demo.champions.in",
        "hub@demo.champions.in",
        "leadership@demo.champions.in",
        "admin@demo.champions.in",
    }
    out = capsys.readouterr().out
    assert f"TOTP secret {DEMO_TOTP_SECRET}" in out
    assert totp_code_now(DEMO_TOTP_SECRET) in out
