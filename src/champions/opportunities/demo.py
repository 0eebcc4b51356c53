"""Demo data for opportunities and sparks: a mask maker (the demo entrepreneur's unit, with its
network profile) and a gown maker, a surgical-mask-and-gown demand drive that alerts them,
and electronics units in Karnataka with some growth, exports and a ZED certificate for the
sparks list. Every name starts with "Demo:". Idempotent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from champions.core.selectors import district_list, state_list
from champions.network.selectors import profiles_of_user
from champions.network.services import ProfileInput, profile_create, profile_create_from_enterprise
from champions.registry.services import EnterpriseInput, enterprise_create, enterprise_update

from .models import Opportunity, RecordedFact
from .services import OpportunityInput, opportunity_create

# (serial, name, NIC, turnover ₹, grown to ₹ or None, exports ₹, employees, ZED)
ELECTRONICS = [
    (901, "Demo: Kaveri Circuits", "26104", 40_000_000, 180_000_000, 36_000_000, 60, True),
    (902, "Demo: Nandi Sensors", "26109", 30_000_000, 90_000_000, 5_000_000, 35, False),
    (903, "Demo: Hebbal Power Electronics", "26101", 60_000_000, None, 20_000_000, 80, True),
    (904, "Demo: Jayanagar Displays", "26105", 15_000_000, None, 0, 12, False),
    (905, "Demo: Peenya Telecom Parts", "26309", 25_000_000, 70_000_000, 0, 40, False),
    (906, "Demo: Whitefield Chips", "26103", 8_000_000, None, 1_000_000, 6, False),
]


def _place(state_code: str, district_name: str) -> tuple[int, int]:
    state = next(s for s in state_list() if s.udyam_code == state_code)
    district = next(d for d in district_list(state_id=state.pk) if d.name == district_name)
    return state.pk, district.pk


def _input(
    serial: int, name: str, nic: str, turnover: int, exports: int, employees: int, place, pincode
):
    return EnterpriseInput(
        udyam_number=f"UDYAM-{'KR' if pincode.startswith('56') else 'MH'}-26-{serial:07d}",
        name=name,
        organisation_type="private_limited",
        major_activity="manufacturing",
        state_id=place[0],
        district_id=place[1],
        pincode=pincode,
        nic_codes=[nic],
        investment_inr=turnover // 5,
        turnover_inr=turnover,
        export_turnover_inr=exports,
        employees=employees,
        owner_gender="",
        owner_social_category="",
    )


@transaction.atomic
def opportunities_demo_load(*, officer, unit_user) -> dict[str, int]:
    if (
        officer is None
        or unit_user is None
        or Opportunity.objects.filter(title__startswith="Demo:").exists()
    ):
        return {"opportunities": 0}
    _mask_and_gown_makers(officer, unit_user)
    opportunity_create(
        actor=officer,
        data=OpportunityInput(
            title="Demo: surgical masks and isolation gowns for district hospitals",
            kind="demand_drive",
            text="Three-ply surgical face masks (IS 16289) and non-woven isolation gowns, "
            "delivered weekly.",
            product="Surgical masks and gowns",
            hs_codes=["630790", "621010"],
            quantity="2 lakh masks and 20,000 gowns a week",
            specification="Masks: three-ply, BFE 95% or more. "
            "Gowns: 40 GSM non-woven, full sleeve.",
            closes_on=timezone.localdate() + timedelta(days=21),
            buyer_name="Demo: State Medical Services Corporation",
            prefer_mse=True,
            prefer_women=True,
        ),
    )
    opportunity_create(
        actor=officer,
        data=OpportunityInput(
            title="Demo: export lead for printed circuit board assemblies",
            kind="export",
            text="A buyer in Germany asks for PCB assemblies for industrial controls, "
            "5,000 a month.",
            hs_codes=["853400"],
            nic_codes=["26104"],
            closes_on=timezone.localdate() + timedelta(days=30),
        ),
    )
    _sparks_units(officer)
    return {"opportunities": 2}


def _mask_and_gown_makers(officer, unit_user) -> None:
    mask = enterprise_create(
        data=_input(
            900, "Demo: Patil Medi-Tex", "13929", 18_000_000, 0, 25, _place("MH", "Pune"), "411001"
        ),
        actor=unit_user,
    )
    if not profiles_of_user(user=unit_user):
        profile_create_from_enterprise(
            user=unit_user,
            enterprise_id=mask.pk,
            data=ProfileInput(
                name=mask.name,
                country="IN",
                hs_codes=["630790"],
                description="Three-ply surgical face masks and N95-type respirators "
                "of non-woven fabric.",
                capacity="50,000 masks a day",
            ),
        )
    profile_create(
        user=officer,
        data=ProfileInput(
            name="Demo: Surat Safety Wear",
            country="IN",
            state="GJ",
            hs_codes=["621010"],
            nic_codes=["14101"],
            description="Isolation gowns and coveralls of non-woven polypropylene.",
            capacity="8,000 gowns a day",
        ),
    )


def _sparks_units(officer) -> None:
    place = _place("KR", "Bengaluru Urban")
    for serial, name, nic, turnover, grown, exports, employees, zed in ELECTRONICS:
        unit = enterprise_create(
            data=_input(serial, name, nic, turnover, exports, employees, place, "560001"),
            actor=officer,
        )
        if grown:
            enterprise_update(
                enterprise_id=unit.pk,
                actor=officer,
                data=_input(serial, name, nic, grown, exports, employees + 20, place, "560001"),
            )
        if zed:
            RecordedFact.objects.create(
                enterprise=unit,
                kind="zed",
                detail="ZED Bronze (demo)",
                source="Demo record",
                recorded_by=officer,
            )
