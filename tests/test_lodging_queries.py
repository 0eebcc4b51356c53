"""What one API lodging costs in SQL: pinned, so that a query added on the request path is
seen (docs/PERFORMANCE.md, "Lodging profile: where the time goes")."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from champions.accounts.services import api_token_create
from champions.controlrooms.services import network_load
from champions.core.reference import reference_data_load
from champions.grievances.audit_chain import timeline_chain_verify
from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.reference import grievance_reference_load
from champions.grievances.tests.factories import pune_enterprise
from champions.integrations.models import OutboxMessage

# transaction=True: the lodging commits, so its after-commit enqueues run and are counted.
pytestmark = pytest.mark.django_db(transaction=True)

# Every statement of one lodging through POST /api/v1/grievances with a bearer token and an
# Idempotency-Key, as the bench sends it, with the CPGRAMS sync on and the database task
# backend (the embedded default), BEGIN and COMMIT included: the token, the enterprise, the
# room, the serial, the SLA policy and holidays, the grievance, the queue tally, the key (its
# unique constraint catches a retry: no lookup first), the timeline entry, the CPGRAMS outbox
# row and the two task rows (the acknowledgement-and-triage task and the outbox delivery),
# written inside the lodging's transaction: one commit. (22 before the profile of issue 19,
# then 16.)
MAX_QUERIES = 15
URL = "/api/v1/grievances"


def _body(unit, subject: str) -> dict:
    return {
        "subject": subject,
        "description": "A PSU buyer has not paid invoice 42 of Rs 8 lakh since March.",
        "enterprise_id": unit.pk,
        "category": "delayed_payment",
    }


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}, CPGRAMS_ENABLED=True
)
def test_one_api_lodging_runs_at_most_the_pinned_queries(client, entrepreneur):
    # A transactional test before this one on the same worker empties every table, reference
    # data included: load what lodging needs (each loader is idempotent).
    reference_data_load()
    network_load()
    grievance_reference_load()
    unit = pune_enterprise(entrepreneur)
    token = api_token_create(user=entrepreneur, name="bench").key
    headers = {"Authorization": f"Bearer {token}"}
    # The first lodging of the year and state creates the serial counter: not the common case.
    first = client.post(URL, _body(unit, "First"), content_type="application/json", headers=headers)
    assert first.status_code == 201
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            URL,
            _body(unit, "Payment pending for 120 days"),
            content_type="application/json",
            headers={**headers, "Idempotency-Key": "retry-1"},
        )
    assert response.status_code == 201, response.content
    listed = "\n".join(f"{n}. {q['sql'][:120]}" for n, q in enumerate(queries.captured_queries, 1))
    assert len(queries) <= MAX_QUERIES, listed
    # What must be durable is there: the grievance, its first (chained) entry, the outbox row
    # and the task that acknowledges and triages it.
    number = response.json()["registration_number"]
    assert first.json()["registration_number"].endswith("/0000001")
    assert number.endswith("/0000002")
    grievance = Grievance.objects.get(registration_number=number)
    assert TimelineEntry.objects.filter(grievance=grievance, action="lodged").count() == 1
    assert OutboxMessage.objects.filter(grievance=grievance).count() == 1
    assert DBTaskResult.objects.filter(task_path__endswith="grievance_lodged_task").count() == 2
    assert timeline_chain_verify().ok
