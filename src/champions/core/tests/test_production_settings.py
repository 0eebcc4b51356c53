"""Production settings refuse to start with the CPGRAMS sandbox's credentials, and every
response carries the Permissions-Policy header."""

import os
import subprocess
import sys

import pytest

BASE_ENV = {
    "SECRET_KEY": "x" * 60,
    "DATABASE_URL": "sqlite:///var/check.sqlite3",
    "DJANGO_SETTINGS_MODULE": "champions.config.settings.production",
    "PATH": os.environ.get("PATH", ""),
    "PYTHONPATH": "src",
}
LOAD = (
    "import django; django.setup(); "
    "from django.conf import settings; print(settings.CPGRAMS_ENABLED)"
)


def _load(**env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", LOAD], env={**BASE_ENV, **env}, capture_output=True, text=True
    )


def test_production_starts_with_cpgrams_sync_off_by_default():
    result = _load()

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    "env",
    [
        {"CPGRAMS_TOKEN": "sandbox-token", "CPGRAMS_BASE_URL": "https://cpgrams.example.gov.in"},
        {"CPGRAMS_TOKEN": "real-secret", "CPGRAMS_BASE_URL": "http://127.0.0.1:8765/api/v1"},
        {"CPGRAMS_TOKEN": ""},
    ],
)
def test_production_refuses_to_start_with_sandbox_cpgrams_settings(env):
    result = _load(CPGRAMS_ENABLED="true", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_production_starts_with_real_cpgrams_settings():
    result = _load(
        CPGRAMS_ENABLED="true",
        CPGRAMS_TOKEN="real-secret",
        CPGRAMS_BASE_URL="https://cpgrams.example.gov.in/api/v1",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


@pytest.mark.django_db
def test_every_response_carries_the_permissions_policy(client):
    response = client.get("/api/v1/no-such-thing")

    assert response["Permissions-Policy"].startswith("accelerometer=(), camera=()")
    assert "geolocation=()" in response["Permissions-Policy"]
