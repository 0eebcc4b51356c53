"""The assistant's tests read the real scheme catalogue and topic pages; the retrieval index
is built once per catalogue version (passage vectors cached on disk under var/assistant)."""

import pytest

from champions.assistant.retrieval import index_get
from champions.schemes.services import catalogue_load


@pytest.fixture
def catalogue(db):
    catalogue_load()
    return index_get(check_version=True)
