"""Django settings for django-helpdesk 2.6.1 in the grievance benchmark, and nothing else.

Runs in var/bench-helpdesk-venv (see scripts/bench_grievances.py), never in the champions
environment. Kept as close to Champions' `base` settings as helpdesk allows: DEBUG off,
PostgreSQL with persistent connections, database sessions, the same time zone.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = ROOT / "var" / "bench-helpdesk"
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = "bench-helpdesk-only-not-a-secret-" + "x" * 32
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",  # its settings page links to the admin
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",  # token authentication for API clients, like our bearer tokens
    "helpdesk",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "helpdesk_urls"
WSGI_APPLICATION = "helpdesk_wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("BENCH_HELPDESK_DATABASE", "bench_helpdesk"),
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,  # as Champions' DATABASE_URL settings
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SITE_ID = 1
LANGUAGE_CODE = "en"
TIME_ZONE = "Asia/Kolkata"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"
LOGIN_URL = "helpdesk:login"
LOGIN_REDIRECT_URL = "helpdesk:home"
# Their ticket form renders and sends notification e-mails in the request; no mail server here.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
}
HELPDESK_TEAMS_MODE_ENABLED = False  # would need pinax-teams
HELPDESK_ENABLE_PER_QUEUE_STAFF_PERMISSION = True  # a spoke officer sees only their queue
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
