"""The CPGRAMS sandbox, served for a test and named in the settings."""

import pytest

from champions.integrations.cpgrams.sandbox import sandbox_running

TOKEN = "test-token"


@pytest.fixture
def sandbox(tmp_path, settings):
    with sandbox_running(tmp_path / "sandbox.sqlite3", token=TOKEN) as server:
        settings.CPGRAMS_ENABLED = True
        settings.CPGRAMS_BASE_URL = server.url
        settings.CPGRAMS_TOKEN = TOKEN
        settings.CPGRAMS_TIMEOUT = 2
        yield server
