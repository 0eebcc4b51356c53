"""Compliance test data, created through the services."""

from champions.compliance.calendar import Situation
from champions.compliance.services import ProfileInput, compliance_profile_save
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input


def pune_enterprise(owner, **overrides):
    return enterprise_create(data=enterprise_input(**overrides), actor=owner)


def save_profile(actor, enterprise, *, reminders_enabled=True, remind_days_before=3, **facts):
    values = {
        "is_gst_registered": True,
        "gst_filing": "monthly",
        "turnover_inr": 20_000_000,
        "state_code": "MH",
        "employees": 12,
    }
    values.update(facts)
    return compliance_profile_save(
        actor=actor,
        enterprise_id=enterprise.pk,
        data=ProfileInput(
            situation=Situation(**values),
            reminders_enabled=reminders_enabled,
            remind_days_before=remind_days_before,
        ),
    )
