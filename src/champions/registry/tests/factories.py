"""Builds valid enterprise input for tests (real reference data: Pune, Maharashtra)."""

from champions.core.models import District, State
from champions.registry.validation import EnterpriseInput


def mh_pune() -> tuple[State, District]:
    state = State.objects.get(udyam_code="MH")
    return state, District.objects.get(state=state, name="Pune")


def enterprise_input(**overrides) -> EnterpriseInput:
    state, district = mh_pune()
    values = {
        "udyam_number": "UDYAM-MH-26-0012345",
        "name": "Deccan Precision Tools",
        "organisation_type": "proprietary",
        "major_activity": "manufacturing",
        "state_id": state.pk,
        "district_id": district.pk,
        "pincode": "411001",
        "nic_codes": ["25932"],
        "investment_inr": 5_000_000,
        "turnover_inr": 20_000_000,
        "export_turnover_inr": 0,
        "employees": 12,
        "owner_gender": "female",
        "owner_social_category": "obc",
    }
    values.update(overrides)
    return EnterpriseInput(**values)
