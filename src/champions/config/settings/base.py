"""Settings for the embedded default: zero configuration, everything from the environment.

With no environment at all this gives SQLite (WAL) under ./var/, the database task backend
and console e-mail. `DATABASE_URL` switches to PostgreSQL.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from champions.config.periodic import PERIODIC_JOBS  # noqa: F401 - exposed as a setting
from champions.config.settings.privacy import *  # PRIVACY_*: the DPDP contact

SRC_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = Path(os.environ.get("CHAMPIONS_HOME", Path.cwd())).resolve()
VAR_DIR = Path(os.environ.get("CHAMPIONS_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """Use SECRET_KEY from the environment; otherwise keep a generated one in ./var/."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "champions.core.admin_apps.AuditedAdminConfig",  # django.contrib.admin, audited
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_zxcvbn_password_validator",  # only for its translations (Hindi among them)
    "django.contrib.humanize",
    # Before allauth, so that our templates override allauth's.
    "champions.web",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ninja",
    "django_htmx",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "champions.core",
    "champions.controlrooms",
    "champions.accounts",
    "champions.registry",
    "champions.udyam",
    "champions.sop",
    "champions.notifications",
    "champions.schemes",
    "champions.triage",
    "champions.network",
    "champions.grievances",
    "champions.compliance",
    "champions.clusters",
    "champions.opportunities",
    "champions.insights",
    "champions.networkadmin",
    "champions.samadhaan",
    "champions.gem",
    "champions.cases",
    "champions.roomnet",
    "champions.integrations",
    "champions.assistant",
    "champions.privacy",
    "champions.api",
    "champions.ops",
]

MIDDLEWARE = [
    # First: probes skip the rest; then every other request gets an id and is measured.
    "champions.ops.middleware.ProbeMiddleware",
    "champions.ops.middleware.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "champions.accounts.middleware.OfficerSessionTimeoutMiddleware",
    "champions.accounts.middleware.OversightReadOnlyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "champions.accounts.mfa.MfaRequiredMiddleware",  # after messages: it leaves one
    "champions.accounts.throttling.LoginThrottleMiddleware",
    "csp.middleware.CSPMiddleware",
    "champions.core.middleware.PermissionsPolicyMiddleware",
]

ROOT_URLCONF = "champions.config.urls"
WSGI_APPLICATION = "champions.config.wsgi.application"

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
                "csp.context_processors.nonce",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
SQLITE_PATH = VAR_DIR / "champions.sqlite3"
SQLITE_OPTIONS = {
    # WAL lets the web server read while the task worker writes; IMMEDIATE avoids
    # "database is locked" when a read transaction later needs to write.
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        " PRAGMA cache_size=-64000; PRAGMA mmap_size=268435456;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if os.environ.get("DATABASE_URL"):
    # Kept 60 s, checked before reuse: a dropped connection costs a reconnect, not a 500.
    url, keep = os.environ["DATABASE_URL"], {"conn_max_age": 60, "conn_health_checks": True}
    DATABASES = {"default": dj_database_url.parse(url, **keep)}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": SQLITE_PATH}}
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SILENCED_SYSTEM_CHECKS = ["models.W040"]  # SQLite drops INCLUDE columns: same index, still correct

# A database cache is shared by the web server and the worker (login rate limits live here).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "champions_cache",
    }
}

# --- Background work -------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task RUNNING longer than this lost its worker and is queued again (core/taskleases.py).
TASK_LEASE_SECONDS = int(os.environ.get("TASK_LEASE_SECONDS", str(30 * 60)))
# Periodic jobs (config/periodic.py) are enqueued by the one `champions scheduler` holding the
# database lease (core/leases.py); a second one takes over this long after the first died.
SCHEDULER_LEASE_SECONDS = int(os.environ.get("SCHEDULER_LEASE_SECONDS", "30"))

# --- Accounts --------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Django's four, then zxcvbn (offline: leaked-password list, patterns; 3 refuses "Word@2026").
_VALIDATORS = ["UserAttributeSimilarity", "MinimumLength", "CommonPassword", "NumericPassword"]
AUTH_PASSWORD_VALIDATORS = [
    *({"NAME": f"django.contrib.auth.password_validation.{n}Validator"} for n in _VALIDATORS),
    {"NAME": "django_zxcvbn_password_validator.ZxcvbnPasswordValidator"},
]
PASSWORD_MINIMAL_STRENGTH = 3
PASSWORD_EXTRA_DICTIONARY = ["champions", "msme", "udyam", "samadhaan", "india", "bharat"]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "web:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Champions] "
ACCOUNT_ADAPTER = "champions.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "champions.privacy.forms.SignupForm"}  # DPDP consent at sign-up
# Login throttling: allauth counts failed logins per account ("key") and per client ("ip") in
# the shared cache. Per account a short, growing lockout (5 a minute, 10 a quarter hour, 20 an
# hour), answered 429 with Retry-After (accounts/throttling.py); per client far higher, so an
# office or a proxy's users are not locked out together.
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get(
        "LOGIN_FAILED_RATE_LIMIT", "5/m/key,10/15m/key,20/h/key,100/m/ip,1000/h/ip"
    ),
    # Every login attempt per client (allauth's default, 30 a minute, is one busy office).
    "login": os.environ.get("LOGIN_RATE_LIMIT", "200/m/ip"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# Reverse proxies in front of the app that append to X-Forwarded-For (0: none, use
# REMOTE_ADDR). The client is the address that many hops from the right; a spoofed header
# left of it is ignored. Read by allauth's limits and the API throttles.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
NINJA_NUM_PROXIES = TRUSTED_PROXY_COUNT
# API rate limits (core/throttles.py): per client address, and per number, user or token.
API_THROTTLE_RATES = {
    "track": os.environ.get("API_TRACK_RATE", "30/m"),  # public tracking, per client
    "track_number": os.environ.get("API_TRACK_NUMBER_RATE", "10/m"),  # per number asked for
    "triage_client": os.environ.get("API_TRIAGE_CLIENT_RATE", "120/m"),
    "triage_user": os.environ.get("API_TRIAGE_USER_RATE", "60/m"),
    "token_guess": os.environ.get("API_TOKEN_GUESS_RATE", "20/m"),  # wrong bearer tokens
}
# Sessions end after this many seconds without a request: officers' sooner (they see other
# people's data), everyone else's after a working day's idleness.
OFFICER_SESSION_IDLE_SECONDS = int(os.environ.get("OFFICER_SESSION_IDLE_SECONDS", "1800"))
SESSION_IDLE_SECONDS = int(os.environ.get("SESSION_IDLE_SECONDS", str(8 * 3600)))
# Two-factor authentication (TOTP) is compulsory for officers, leadership, administrators and
# staff (accounts/mfa.py); recovery codes are the way back from a lost phone.
MFA_REQUIRED = env_bool("MFA_REQUIRED", True)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]  # webauthn: passkeys, 2nd factor
MFA_TOTP_ISSUER = "Champions"
MFA_TOTP_TOLERANCE = 1  # a code of the previous or next 30 s too: phones' clocks drift
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

# --- E-mail ----------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Champions <no-reply@champions.local>")

# --- i18n ------------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("hi", _("Hindi"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Asia/Kolkata"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Uploaded files live outside the web root and are served only through views that check access.
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMPORT_MAX_UPLOAD_BYTES = int(os.environ.get("IMPORT_MAX_UPLOAD_BYTES", str(100 * 1024 * 1024)))

# --- Security headers (tightened further in production.py) -----------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# Features no page uses, denied to every origin (an empty list is `feature=()`).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Logs, probes and metrics (docs/DEPLOY.md) ------------------------------------------------
# LOG_FORMAT=json writes one JSON object per line (for a log shipper; CERT-In asks for 180 days
# of logs); the default is readable text. Both carry the request id (champions.ops.logs).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "champions.ops.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per request (method, path, status, duration, user id); ACCESS_LOG=false
        # leaves it to the reverse proxy.
        "champions.access": {"level": "INFO" if env_bool("ACCESS_LOG", True) else "WARNING"},
    },
}
# /metrics answers a scraper sending `Authorization: Bearer <METRICS_TOKEN>`; without a token,
# only a direct loopback client (champions.ops.views.metrics_allowed).
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
# Redis, when REDIS_URL is set: tasks go through RQ (workers on as many machines as needed,
# `champions task_worker` runs one) and the cache (login and API limits) is shared by every
# machine; /readyz checks it. Without it: the database backend and cache above.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    # A job may run for as long as the longest task (the daily rebuilds), then RQ stops it.
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": TASK_LEASE_SECONDS}}
    RQ_SHOW_ADMIN_LINK = False
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }

CHAMPIONS_PAGE_SIZE = 25

# --- Hand-holding cases (the cases app) ----------------------------------------------------------
CASES_SLA_DAYS = int(os.environ.get("CASES_SLA_DAYS", "30"))  # days to the first follow-up date

# --- Udyam verification (the udyam app, docs/UDYAM.md) -------------------------------------------
UDYAM_BACKEND = os.environ.get("UDYAM_BACKEND", "sandbox")  # or "http" with a URL and token
UDYAM_BASE_URL = os.environ.get("UDYAM_BASE_URL", "")
UDYAM_TOKEN = os.environ.get("UDYAM_TOKEN", "")
UDYAM_TIMEOUT = float(os.environ.get("UDYAM_TIMEOUT", "10"))
UDYAM_RECHECK_DAYS = int(os.environ.get("UDYAM_RECHECK_DAYS", "90"))

# --- GeM links (the gem app, docs/GEM.md) ---------------------------------------------------------
GEM_BACKEND = os.environ.get("GEM_BACKEND", "sandbox")  # or "http" with a URL and token
GEM_BASE_URL = os.environ.get("GEM_BASE_URL", "")
GEM_TOKEN = os.environ.get("GEM_TOKEN", "")
GEM_TIMEOUT = float(os.environ.get("GEM_TIMEOUT", "10"))

# --- MSME Samadhaan filings (the samadhaan app, docs/SAMADHAAN.md) ------------------------------
# "sandbox" (the default: in-process, no remote service) or "http" with a base URL and token.
SAMADHAAN_BACKEND = os.environ.get("SAMADHAAN_BACKEND", "sandbox")
SAMADHAAN_BASE_URL = os.environ.get("SAMADHAAN_BASE_URL", "")
SAMADHAAN_TOKEN = os.environ.get("SAMADHAAN_TOKEN", "")
SAMADHAAN_TIMEOUT = float(os.environ.get("SAMADHAAN_TIMEOUT", "15"))  # seconds per request
SAMADHAAN_BATCH_SIZE = int(os.environ.get("SAMADHAAN_BATCH_SIZE", "10"))
SAMADHAAN_MAX_ATTEMPTS = int(os.environ.get("SAMADHAAN_MAX_ATTEMPTS", "8"))  # then failed
SAMADHAAN_RETRY_BASE_SECONDS = float(os.environ.get("SAMADHAAN_RETRY_BASE_SECONDS", "30"))
SAMADHAAN_RETRY_CAP_SECONDS = float(os.environ.get("SAMADHAAN_RETRY_CAP_SECONDS", "3600"))

# --- CPGRAMS sync (docs/CPGRAMS.md) ------------------------------------------------------------
# The default points at the sandbox (`champions cpgrams-sandbox`); with CPGRAMS down or absent,
# lodging still works and the outbox waits. Set the real service's URL and token in production.
CPGRAMS_ENABLED = env_bool("CPGRAMS_ENABLED", True)
CPGRAMS_BASE_URL = os.environ.get("CPGRAMS_BASE_URL", "http://127.0.0.1:8765/api/v1")
CPGRAMS_TOKEN = os.environ.get("CPGRAMS_TOKEN", "sandbox-token")
CPGRAMS_ORG_CODE = os.environ.get("CPGRAMS_ORG_CODE", "MMSME")  # the ministry's CPGRAMS code
CPGRAMS_TIMEOUT = float(os.environ.get("CPGRAMS_TIMEOUT", "10"))  # seconds per request
CPGRAMS_BATCH_SIZE = int(os.environ.get("CPGRAMS_BATCH_SIZE", "10"))  # messages leased at once
CPGRAMS_MAX_ATTEMPTS = int(os.environ.get("CPGRAMS_MAX_ATTEMPTS", "8"))  # then a dead letter
# Full-jitter backoff: the n-th retry waits uniform(0, min(cap, base * 2^(n-1))) seconds.
CPGRAMS_RETRY_BASE_SECONDS = float(os.environ.get("CPGRAMS_RETRY_BASE_SECONDS", "30"))
CPGRAMS_RETRY_CAP_SECONDS = float(os.environ.get("CPGRAMS_RETRY_CAP_SECONDS", "3600"))

# --- Notifications (in-app, e-mail, SMS) -------------------------------------------------------
# "console" prints each SMS, "file" writes it under NOTIFICATIONS_FILE_DIR; a real gateway is
# registered in champions/notifications/sms.py (SMS_BACKENDS) and named here.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "console")
NOTIFICATIONS_FILE_DIR = Path(os.environ.get("NOTIFICATIONS_FILE_DIR", VAR_DIR / "sms"))
