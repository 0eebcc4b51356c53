"""Shared pytest fixtures: reference data, the control-room network, and users per role."""

import os

import pytest
from django.db import connection

from champions.accounts.services import user_create
from champions.controlrooms.selectors import hub_get, room_get_by_code
from champions.controlrooms.services import network_load
from champions.core.reference import reference_data_load
from champions.grievances.reference import grievance_reference_load
from champions.triage.services import triage_models_train


def pytest_configure(config):
    # An exported DJANGO_SETTINGS_MODULE takes precedence over pytest.ini; the suite would then
    # run on the embedded-default settings (tasks queued, never run; Argon2; database cache).
    from django.conf import settings

    if settings.SETTINGS_MODULE != "champions.config.settings.test":
        raise pytest.UsageError(
            f"tests need champions.config.settings.test, not {settings.SETTINGS_MODULE}: "
            "unset DJANGO_SETTINGS_MODULE or pass --ds=champions.config.settings.test"
        )


def pytest_collection_modifyitems(config, items):
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL row locks; runs in the PostgreSQL pass")
    if connection.vendor != "postgresql":
        for item in items:
            if "postgres" in item.keywords:
                item.add_marker(skip_pg)


_PERMISSION_CHECKS: list[int] = []


def pytest_runtest_logreport(report):
    """Sum the checks tests/permissions reports (from xdist workers too)."""
    if report.when == "teardown":
        _PERMISSION_CHECKS.extend(v for k, v in report.user_properties if k == "permission_checks")


def pytest_terminal_summary(terminalreporter):
    if _PERMISSION_CHECKS:
        count = sum(_PERMISSION_CHECKS)
        terminalreporter.write_line(f"permission matrix: {count} role-action-object checks")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Reference data and the network are loaded once per test database (tests roll back)."""
    with django_db_blocker.unblock():
        reference_data_load()
        network_load()
        grievance_reference_load()


@pytest.fixture
def hub_room(db):
    return hub_get()


@pytest.fixture
def mh_room(db):
    return room_get_by_code(code="spoke-mh")


def _user(email: str, role: str, room=None):
    return user_create(
        email=email, password="pw-Secret-2026", role=role, control_room_id=room.pk if room else None
    )


@pytest.fixture
def entrepreneur(db):
    return _user("owner@example.com", "entrepreneur")


@pytest.fixture
def other_entrepreneur(db):
    return _user("other@example.com", "entrepreneur")


@pytest.fixture
def spoke_officer(mh_room):
    return _user("spoke.mh@example.com", "spoke_officer", mh_room)


@pytest.fixture
def other_spoke_officer(db):
    return _user("spoke.dl@example.com", "spoke_officer", room_get_by_code(code="spoke-dl"))


@pytest.fixture
def hub_officer(hub_room):
    return _user("hub@example.com", "hub_officer", hub_room)


@pytest.fixture
def leadership(db):
    return _user("lead@example.com", "leadership")


@pytest.fixture
def analyst(db):
    return _user("analyst@example.com", "analyst")


@pytest.fixture
def administrator(db):
    return _user("admin@example.com", "administrator")


@pytest.fixture
def appellate_officer(db):
    return _user("appellate@example.com", "appellate_officer")


# --- AI triage models --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def triage_models_dir(tmp_path_factory):
    """The triage models trained once per test session into a temporary folder, on a tenth
    of the derived rows and every hand-written example: the one training every test shares."""
    directory = tmp_path_factory.mktemp("triage-models")
    triage_models_train(directory=directory, holdout=False, quick=True, log=None)
    return directory


@pytest.fixture
def triage_models(settings, monkeypatch, triage_models_dir):
    """Triage reads the session's trained models."""
    monkeypatch.delenv("CHAMPIONS_TRIAGE_MODELS", raising=False)
    settings.TRIAGE_MODEL_DIR = str(triage_models_dir)
    return triage_models_dir


@pytest.fixture
def triage_manifest(triage_models):
    """The trained models' manifest (version, figures per task)."""
    import json

    return json.loads((triage_models / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture
def triage_version(triage_manifest):
    return triage_manifest["version"]


@pytest.fixture
def no_triage_models(settings, monkeypatch, tmp_path):
    """No model is built: intake goes on without triage."""
    monkeypatch.delenv("CHAMPIONS_TRIAGE_MODELS", raising=False)
    settings.TRIAGE_MODEL_DIR = str(tmp_path / "no-triage-models")


@pytest.fixture
def redis_url():
    """The Redis server of CI (and of a developer who runs one): REDIS_URL names it."""
    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.skip("REDIS_URL is not set: no Redis server to test against (.ci/run sets it)")
    return url


@pytest.fixture
def fake_service():
    """A local HTTP server standing in for a remote service (tests/fake_http.py)."""
    from tests.fake_http import fake_service_start

    service, server = fake_service_start()
    yield service
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _english_unless_asked():
    """Every test starts in the site's language: a request served in Hindi (LocaleMiddleware
    activates the reader's language and leaves it active in the thread) or a service that
    renders in a recipient's language must not turn the next test's messages Hindi."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
