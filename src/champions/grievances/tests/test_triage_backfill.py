"""`champions triage_backfill` (run by `champions setup` after the demo data) triages and
embeds the grievances that have no prediction or vector, in batches with progress, and a
second run finds nothing to do."""

import io

import pytest
from django.core.management import call_command

from champions.grievances.demo import DemoEnterprise, demo_grievances_load
from champions.grievances.models import Grievance, GrievanceVector
from champions.grievances.services import grievance_triage_missing_count
from champions.grievances.tests.factories import pune_enterprise

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("triage_backfill", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(entrepreneur):
    unit = pune_enterprise(entrepreneur)
    demo_grievances_load(
        count=6, enterprises=[DemoEnterprise(unit.pk, unit.district_id, unit.state_id, "MH")]
    )


def test_demo_grievances_are_embedded_once(triage_models, demo):
    loaded = Grievance.objects.count()
    missing_before = grievance_triage_missing_count()

    first = _run()
    second = _run()

    assert missing_before == loaded > 0
    assert GrievanceVector.objects.count() == loaded
    assert grievance_triage_missing_count() == 0
    assert f"triaged and embedded {loaded} of {loaded}" in first
    assert second.strip().startswith("0 grievances triaged and embedded")


def test_a_limit_does_part_of_the_work(triage_models, demo):
    loaded = Grievance.objects.count()

    out = _run("--limit", "2")

    assert "triaged and embedded 2 of 2" in out
    assert grievance_triage_missing_count() == loaded - 2
