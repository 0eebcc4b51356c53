"""The worker's demo embedding: every demo grievance gets its prediction and vector, and a
second run has nothing left to do."""

import pytest

from champions.grievances.demo import DemoEnterprise, demo_grievances_load
from champions.grievances.models import Grievance, GrievanceVector
from champions.grievances.services import grievance_triage_missing_count
from champions.grievances.tests.factories import pune_enterprise
from champions.web.tasks import demo_embed_task

pytestmark = pytest.mark.django_db


def test_the_worker_embeds_the_demo_grievances(triage_models, entrepreneur):
    unit = pune_enterprise(entrepreneur)
    demo_grievances_load(
        count=5, enterprises=[DemoEnterprise(unit.pk, unit.district_id, unit.state_id, "MH")]
    )
    assert grievance_triage_missing_count() == Grievance.objects.count() == 5

    demo_embed_task.enqueue()  # the test settings run tasks at once
    demo_embed_task.enqueue()

    assert grievance_triage_missing_count() == 0
    assert GrievanceVector.objects.count() == 5
