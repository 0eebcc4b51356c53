"""Evidence for ASVS V3 and V14 that was only a setting: the CSP every page carries has no
unsafe source, production cookies are Secure with HSTS for a year, and no model has a field
for an Aadhaar number or a PAN (minimisation: the privacy notice promises neither is kept)."""

import json
import subprocess
import sys

import pytest
from django.apps import apps

from .test_production_settings import BASE_ENV

pytestmark = pytest.mark.django_db

PRODUCTION = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps([s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
    "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
    "s.SECURE_SSL_REDIRECT, s.DEBUG]))"
)
NEVER_STORED = {"aadhaar", "aadhar", "uid", "uidai", "pan"}


@pytest.mark.parametrize("path", ["/", "/privacy/", "/accounts/login/", "/track/"])
def test_every_page_carries_a_csp_without_unsafe_sources(client, path):
    response = client.get(path)

    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert "'unsafe-" not in policy
    assert (directives["script-src"], directives["style-src"]) == ("'self'", "'self'")
    assert directives["frame-ancestors"] == "'none'"


def test_production_cookies_are_secure_with_hsts_for_a_year():
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION], env=BASE_ENV, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, True, True, 31_536_000, True, True, False]


def test_no_model_has_a_field_for_an_aadhaar_number_or_a_pan():
    fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if NEVER_STORED & set(field.name.lower().split("_"))
    ]

    assert fields == []
