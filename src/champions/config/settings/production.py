"""Production settings: everything secret or site-specific must come from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *


def _require(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production")
    return value


SECRET_KEY = _require("SECRET_KEY")
_require("DATABASE_URL")
DEBUG = False

SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False

# CPGRAMS: off unless switched on, and never on with the sandbox's token or address.
SANDBOX_CPGRAMS_TOKEN = "sandbox-token"  # noqa: S105 - the sandbox's published token
CPGRAMS_ENABLED = env_bool("CPGRAMS_ENABLED", False)
if CPGRAMS_ENABLED:
    CPGRAMS_TOKEN = _require("CPGRAMS_TOKEN")
    CPGRAMS_BASE_URL = _require("CPGRAMS_BASE_URL")
    if CPGRAMS_TOKEN == SANDBOX_CPGRAMS_TOKEN or CPGRAMS_BASE_URL.startswith(
        ("http://127.0.0.1", "http://localhost")
    ):
        raise ImproperlyConfigured(
            "CPGRAMS_ENABLED with the sandbox token or address: set CPGRAMS_TOKEN and "
            "CPGRAMS_BASE_URL to the real service, or CPGRAMS_ENABLED=false"
        )
