"""Creating and changing enterprises: validation, classification, history and scope."""

from datetime import date

import pytest

from champions.core.errors import NotFound, ValidationFailed
from champions.core.models import District, State
from champions.registry.models import CategoryChange, Enterprise
from champions.registry.services import PermissionDenied, enterprise_create, enterprise_update
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db
NEW_RULES = date(2025, 4, 1)


def test_create_classifies_and_starts_the_history(entrepreneur):
    enterprise = enterprise_create(data=enterprise_input(), actor=entrepreneur, on=NEW_RULES)

    assert (enterprise.category, enterprise.classification_rule) == ("micro", "msmed_2025")
    assert list(enterprise.representatives.all()) == [entrepreneur]
    change = CategoryChange.objects.get(enterprise=enterprise)
    assert (change.previous_category, change.category, change.changed_by) == (
        "",
        "micro",
        entrepreneur,
    )


def test_update_that_changes_category_adds_history(entrepreneur):
    enterprise = enterprise_create(data=enterprise_input(), actor=entrepreneur, on=NEW_RULES)

    enterprise_update(
        enterprise_id=enterprise.pk,
        actor=entrepreneur,
        on=NEW_RULES,
        data=enterprise_input(investment_inr=30_00_00_000),
    )

    history = list(
        CategoryChange.objects.filter(enterprise=enterprise)
        .order_by("id")
        .values_list("previous_category", "category")
    )
    assert history == [("", "micro"), ("micro", "medium")]


def test_update_without_category_change_adds_no_history(entrepreneur):
    enterprise = enterprise_create(data=enterprise_input(), actor=entrepreneur, on=NEW_RULES)

    enterprise_update(
        enterprise_id=enterprise.pk,
        actor=entrepreneur,
        on=NEW_RULES,
        data=enterprise_input(name="Deccan Precision Tools LLP", employees=14),
    )

    assert CategoryChange.objects.filter(enterprise=enterprise).count() == 1
    enterprise.refresh_from_db()
    assert (enterprise.name, enterprise.name_key) == (
        "Deccan Precision Tools LLP",
        "deccan precision tools llp",
    )


@pytest.mark.parametrize(
    ("_case", "overrides", "field"),
    [
        ("bad Udyam format", {"udyam_number": "UDYAM-MH-2-0012345"}, "udyam_number"),
        ("unknown state code", {"udyam_number": "UDYAM-ZZ-26-0012345"}, "udyam_number"),
        ("Udyam state differs", {"udyam_number": "UDYAM-DL-26-0012345"}, "udyam_number"),
        ("missing Udyam", {"udyam_number": None}, "udyam_number"),
        ("pincode of another state", {"pincode": "110001"}, "pincode"),
        ("pincode unknown", {"pincode": "999999"}, "pincode"),
        ("pincode malformed", {"pincode": "0110"}, "pincode"),
        ("unknown NIC", {"nic_codes": ["99999"]}, "nic_codes"),
        ("corrected NIC typo", {"nic_codes": ["88230"]}, "nic_codes"),
        ("negative turnover", {"turnover_inr": -1}, "turnover_inr"),
        ("exports above turnover", {"export_turnover_inr": 30_000_000}, "export_turnover_inr"),
        ("no name", {"name": "  "}, "name"),
        ("bad activity", {"major_activity": "farming"}, "major_activity"),
        ("future commencement", {"commenced_on": date(2999, 1, 1)}, "commenced_on"),
    ],
)
def test_invalid_input_is_refused_field_by_field(entrepreneur, _case, overrides, field):
    with pytest.raises(ValidationFailed) as info:
        enterprise_create(data=enterprise_input(**overrides), actor=entrepreneur)

    assert field in info.value.errors
    assert Enterprise.objects.count() == 0


def test_district_must_be_in_the_state(entrepreneur):
    delhi = District.objects.filter(state__udyam_code="DL").first()

    with pytest.raises(ValidationFailed) as info:
        enterprise_create(data=enterprise_input(district_id=delhi.pk), actor=entrepreneur)

    assert list(info.value.errors) == ["district"]


def test_nic_code_84230_exists_after_correction(entrepreneur):
    enterprise = enterprise_create(
        data=enterprise_input(nic_codes=["84230", "25932"]), actor=entrepreneur
    )

    assert (enterprise.primary_nic, enterprise.nic_codes) == ("84230", ["84230", "25932"])


def test_duplicate_udyam_number_is_refused(entrepreneur, other_entrepreneur):
    enterprise_create(data=enterprise_input(), actor=entrepreneur)

    with pytest.raises(ValidationFailed) as info:
        enterprise_create(data=enterprise_input(), actor=other_entrepreneur)

    assert list(info.value.errors) == ["udyam_number"]


def test_foreign_profile_needs_no_udyam(entrepreneur):
    enterprise = enterprise_create(
        data=enterprise_input(
            udyam_number=None, country="de", state_id=None, district_id=None, pincode=""
        ),
        actor=entrepreneur,
    )

    assert (enterprise.country, enterprise.udyam_number, enterprise.is_foreign) == (
        "DE",
        None,
        True,
    )


def test_foreign_profile_cannot_carry_udyam(entrepreneur):
    with pytest.raises(ValidationFailed) as info:
        enterprise_create(
            data=enterprise_input(country="DE", state_id=None, district_id=None, pincode=""),
            actor=entrepreneur,
        )

    assert list(info.value.errors) == ["udyam_number"]


def test_spoke_officer_files_only_in_own_districts(spoke_officer):
    delhi = State.objects.get(udyam_code="DL")
    new_delhi = District.objects.filter(state=delhi).first()

    enterprise_create(data=enterprise_input(), actor=spoke_officer)
    with pytest.raises(ValidationFailed):
        enterprise_create(
            data=enterprise_input(
                udyam_number="UDYAM-DL-01-0000001",
                state_id=delhi.pk,
                district_id=new_delhi.pk,
                pincode="110001",
            ),
            actor=spoke_officer,
        )

    assert Enterprise.objects.count() == 1


def test_analyst_cannot_create(analyst):
    with pytest.raises(PermissionDenied):
        enterprise_create(data=enterprise_input(), actor=analyst)


def test_other_entrepreneur_cannot_update_and_nothing_changes(entrepreneur, other_entrepreneur):
    enterprise = enterprise_create(data=enterprise_input(), actor=entrepreneur)

    with pytest.raises(NotFound):
        enterprise_update(
            enterprise_id=enterprise.pk,
            actor=other_entrepreneur,
            data=enterprise_input(name="Hijacked"),
        )

    enterprise.refresh_from_db()
    assert enterprise.name == "Deccan Precision Tools"


def test_leadership_sees_but_cannot_update(entrepreneur, leadership):
    enterprise = enterprise_create(data=enterprise_input(), actor=entrepreneur)

    with pytest.raises(PermissionDenied):
        enterprise_update(
            enterprise_id=enterprise.pk, actor=leadership, data=enterprise_input(name="Changed")
        )

    enterprise.refresh_from_db()
    assert enterprise.name == "Deccan Precision Tools"
