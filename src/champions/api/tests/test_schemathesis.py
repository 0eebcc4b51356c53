"""The OpenAPI schema against the app itself: no 5xx, and every answer is one the schema states.

Schemathesis generates requests from `docs/openapi.json`'s source (the live schema) and sends
them through the WSGI app with a signed-in owner's bearer token. A handful of examples per
operation keeps it inside CI time; a failure prints the request to reproduce it.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from champions.accounts.services import api_token_create
from champions.grievances.tests.factories import pune_enterprise

app = get_wsgi_application()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)

MAX_EXAMPLES = 8
# Every check but one: a schema-valid request may still break a rule that depends on the data
# (a district outside the chosen state, a classification rule not yet in force, an enterprise
# the caller may not see). Those answer 422 naming the field; the schema cannot state them.
# The rules that *can* be stated (non-blank text, positive amounts, id and date ranges) are.
EXCLUDED_CHECKS = [positive_data_acceptance]


@pytest.fixture
def keep_the_test_connection():
    """The raw WSGI app closes the database connection after each request, which on
    PostgreSQL ends the test's transaction; Django's test client unhooks it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def owner_token(entrepreneur, triage_models, keep_the_test_connection):
    pune_enterprise(entrepreneur)
    return api_token_create(user=entrepreneur, name="schemathesis").key


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_api_keeps_its_contract(case, owner_token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {owner_token}"}, excluded_checks=EXCLUDED_CHECKS
    )
