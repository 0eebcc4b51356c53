"""Settings for the test suite: the same as the embedded default, with fast and isolated parts."""

from .base import *

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"
CPGRAMS_ENABLED = False  # tests that exercise the sync switch it on with override_settings
# No triage models unless a test asks for them (the triage tests' CHAMPIONS_TRIAGE_MODELS):
# models a developer trained into var/ must not leak into other tests.
TRIAGE_MODEL_DIR = VAR_DIR / "test-no-triage-models"
