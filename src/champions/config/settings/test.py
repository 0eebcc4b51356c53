"""Settings for the test suite: the same as the embedded default, with fast and isolated parts."""

from .base import *

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"
CPGRAMS_ENABLED = False  # tests that exercise the sync switch it on with override_settings
# No triage models unless a test asks for them (the `triage_models` fixture in tests/fixtures):
# models a developer trained into var/ must not leak into other tests.
TRIAGE_MODEL_DIR = VAR_DIR / "test-no-triage-models"
# Every test client is 127.0.0.1 in one process: the API limits would spill from one test into
# the next. The throttling tests set the rates they exercise.
API_THROTTLE_RATES = dict.fromkeys(API_THROTTLE_RATES, "100000/m")
# Most tests sign officers in with force_login, which shows no second factor; the MFA tests
# (accounts/tests/test_mfa.py) switch the rule on.
MFA_REQUIRED = False
