import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _no_figures_from_an_earlier_test():
    """The dashboard keeps its figures in the cache (see insights/figures.py); each test starts
    with none, as each starts with an empty database."""
    cache.clear()
