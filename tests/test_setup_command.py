"""`champions setup` (what `make run` calls) is idempotent and skips unchanged data."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django_tasks import default_task_backend

from champions.accounts.models import User
from champions.registry.models import Enterprise
from champions.web.demo import DEMO_TOTP_SECRET
from champions.web.management.commands.setup import DEMO_EMBED_KEY


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_setup_twice_loads_once_and_duplicates_nothing(capsys, triage_models):
    # given: triage models built from today's data (setup would train them when missing)
    cache.delete(DEMO_EMBED_KEY)
    call_command("setup")
    users, enterprises = User.objects.count(), Enterprise.objects.count()
    first = capsys.readouterr().out

    call_command("setup")

    out = capsys.readouterr().out
    # The demo grievances' embedding is handed to the worker once, not run by setup itself.
    assert "to embed, queued for the worker" in first
    assert "to embed, already queued" in out
    assert [r.task.name for r in default_task_backend.results] == ["demo_embed_task"]
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
    # The roles that must use a second factor share the demo's published TOTP secret.
    with_totp = set(Authenticator.objects.filter(type="totp").values_list("user__email", flat=True))
    assert with_totp == {
        "spoke.mh@demo.champions.in",
        "hub@demo.champions.in",
        "leadership@demo.champions.in",
        "admin@demo.champions.in",
        "appellate@demo.champions.in",
    }
    call_command("demo_logins")
    logins = capsys.readouterr().out
    assert f"TOTP secret {DEMO_TOTP_SECRET}" in logins
    printed = re.search(r"code now: (\d{6})", logins).group(1)
    now = int(time.time()) // 30  # the code printed may belong to the previous 30 s
    assert printed in {format_hotp_value(hotp_value(DEMO_TOTP_SECRET, c)) for c in (now - 1, now)}
