import pytest

from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input
from champions.schemes.services import catalogue_load


@pytest.fixture
def catalogue(db):
    return catalogue_load()


@pytest.fixture
def enterprise(entrepreneur):
    """Deccan Precision Tools, Pune: a micro manufacturer owned by an OBC woman, on Udyam."""
    return enterprise_create(data=enterprise_input(), actor=entrepreneur)
