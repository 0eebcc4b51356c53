"""A resolved or closed grievance no longer shows a running SLA state."""

import pytest
from django.template.loader import render_to_string

from champions.grievances.models import Grievance

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("_case", "status", "sla_state", "expected"),
    [
        ("open, on track", "in_progress", "on_track", "On track"),
        ("open, breached", "in_progress", "breached", "Breached"),
        ("closed in time", "closed", "on_track", ""),
        ("closed late", "closed", "breached", "Service level missed"),
        ("suggestion", "submitted", "none", ""),
    ],
)
def test_sla_badge(_case, status, sla_state, expected):
    grievance = Grievance(status=status, sla_state=sla_state)

    html = render_to_string("grievances/partials/_sla.html", {"grievance": grievance})

    badge_text = html.split(">", 1)[1].rsplit("<", 1)[0] if html.strip() else ""
    assert badge_text == expected
