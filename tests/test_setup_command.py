"""`champions setup` (what `make run` calls) is idempotent and skips unchanged data."""

import pytest
from django.core.management import call_command

from champions.accounts.models import User
from champions.registry.models import Enterprise


@pytest.mark.django_db
def test_setup_twice_loads_once_and_duplicates_nothing(capsys, triage_models):
    # given: triage models built from today's data (setup would train them when missing)
    call_command("setup")
    users, enterprises = User.objects.count(), Enterprise.objects.count()
    capsys.readouterr()

    call_command("setup")

    out = capsys.readouterr().out
    assert (users, enterprises) == (
        9,
        307,
    )  # 300 synthetic + 7 demo units of opportunities and sparks
    assert (User.objects.count(), Enterprise.objects.count()) == (
        9,
        307,
    )  # 300 synthetic + 7 demo units of opportunities and sparks
    assert "reference data: up to date" in out
    assert "demo data: present" in out
    assert "triage models: up to date" in out
