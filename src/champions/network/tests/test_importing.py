"""Bulk onboarding: good rows saved and indexed, bad rows reported by row and field."""

import pytest

from champions.core.errors import DomainError
from champions.network.models import Profile, ProfileTag
from champions.network.services import profiles_import_csv

pytestmark = pytest.mark.django_db

CSV = (
    "name,country,state,description,hs_codes,nic_codes\n"
    "Ganesh Spinning,IN,TN,सूती धागा,520524,13111\n"
    "Strickwerk GmbH,DE,,Knitwear,,14301\n"
    "Nowhere Ltd,XX,,,999999x,\n"
    "Missing State,IN,,Yarn,5205,\n"
)


def test_import_reports_each_bad_row(hub_officer):
    report = profiles_import_csv(user=hub_officer, text=CSV)
    assert len(report.created_ids) == 2
    assert report.errors == [
        (4, "country", "Use an ISO 3166 alpha-2 country code, such as IN or DE."),
        (4, "hs_codes", "Unknown HS codes (4 or 6 digits, HS 2022): 999999x"),
        (5, "state", "An Indian unit needs its state (LGD code or two letters)."),
    ]
    assert sorted(Profile.objects.values_list("name", flat=True)) == [
        "Ganesh Spinning",
        "Strickwerk GmbH",
    ]
    assert ProfileTag.objects.filter(tag="o6:520524").count() == 1
    assert report.as_csv().splitlines()[0] == "row,field,message"


def test_import_is_for_officers(entrepreneur):
    with pytest.raises(DomainError):
        profiles_import_csv(user=entrepreneur, text=CSV)
    assert Profile.objects.count() == 0
