"""Grievance test data, created through the services."""

from champions.grievances.services import GrievanceInput, grievance_lodge
from champions.grievances.triage_link.predictions import grievance_triage_fill
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input


def pune_enterprise(owner):
    return enterprise_create(data=enterprise_input(), actor=owner)


def lodge(owner, enterprise, **overrides):
    values = {
        "subject": "Payment pending for 120 days",
        "description": "A PSU buyer has not paid invoice 42 of Rs 8 lakh since March.",
        "enterprise_id": enterprise.pk,
        "category": "delayed_payment",
    }
    values.update(overrides)
    grievance = grievance_lodge(actor=owner, data=GrievanceInput(**values)).grievance
    # The fast triage the after-commit task runs (tests run inside one transaction, so
    # on-commit tasks do not fire unless a test captures them).
    grievance_triage_fill(grievance_id=grievance.pk)
    grievance.refresh_from_db()
    return grievance
