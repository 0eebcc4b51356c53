"""Cases test data, made through the services (a unit in Pune, so the Maharashtra room)."""

from datetime import timedelta

from django.utils import timezone

from champions.cases.services import case_open, case_step_add
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input


def pune_unit(entrepreneur, **overrides):
    """An enterprise filed by `entrepreneur`, who therefore represents it."""
    return enterprise_create(data=enterprise_input(**overrides), actor=entrepreneur)


def opened_case(officer, enterprise, goal="A CGTMSE loan sanctioned"):
    return case_open(actor=officer, enterprise_id=enterprise.pk, goal=goal)


def step_for(officer, case, owner, days=7, title="Collect the last two years' accounts"):
    return case_step_add(
        actor=officer,
        case_id=case.pk,
        title=title,
        owner_id=owner.pk,
        due_on=timezone.localdate() + timedelta(days=days),
    )
