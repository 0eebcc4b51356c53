"""Who sees which enterprise, filters, and keyset pagination."""

import pytest

from champions.core.errors import NotFound
from champions.core.models import District, State
from champions.core.pagination import keyset_page
from champions.registry.filters import EnterpriseFilterSet
from champions.registry.selectors import (
    enterprise_get_for_user,
    enterprise_queryset_for_user,
)
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def pune_and_delhi(entrepreneur, other_entrepreneur):
    pune = enterprise_create(data=enterprise_input(), actor=entrepreneur)
    delhi = State.objects.get(udyam_code="DL")
    delhi_unit = enterprise_create(
        data=enterprise_input(
            udyam_number="UDYAM-DL-02-0000002",
            name="Yamuna Garments",
            state_id=delhi.pk,
            district_id=District.objects.filter(state=delhi).first().pk,
            pincode="110001",
            major_activity="services",
            nic_codes=["14101"],
        ),
        actor=other_entrepreneur,
    )
    return pune, delhi_unit


@pytest.mark.parametrize(
    ("_case", "user_fixture", "expected"),
    [
        ("entrepreneur: own only", "entrepreneur", {"Deccan Precision Tools"}),
        ("other entrepreneur: own only", "other_entrepreneur", {"Yamuna Garments"}),
        ("spoke officer: Maharashtra districts", "spoke_officer", {"Deccan Precision Tools"}),
        ("Delhi spoke officer", "other_spoke_officer", {"Yamuna Garments"}),
        ("hub sees all", "hub_officer", {"Deccan Precision Tools", "Yamuna Garments"}),
        ("leadership sees all", "leadership", {"Deccan Precision Tools", "Yamuna Garments"}),
        ("analyst sees no records", "analyst", set()),
    ],
)
def test_scope_by_role(request, pune_and_delhi, _case, user_fixture, expected):
    user = request.getfixturevalue(user_fixture)

    names = set(enterprise_queryset_for_user(user=user).values_list("name", flat=True))

    assert names == expected


def test_out_of_scope_is_not_found(pune_and_delhi, spoke_officer):
    _pune, delhi_unit = pune_and_delhi

    with pytest.raises(NotFound):
        enterprise_get_for_user(user=spoke_officer, enterprise_id=delhi_unit.pk)


def test_missing_is_not_found(hub_officer):
    with pytest.raises(NotFound):
        enterprise_get_for_user(user=hub_officer, enterprise_id=-1)


@pytest.mark.parametrize(
    ("_case", "params", "expected"),
    [
        ("name prefix, any case", {"q": "deCCan"}, {"Deccan Precision Tools"}),
        ("name not a prefix", {"q": "precision"}, set()),
        ("Udyam prefix", {"q": "udyam-dl"}, {"Yamuna Garments"}),
        ("NIC division", {"nic": "25"}, {"Deccan Precision Tools"}),
        ("NIC not digits", {"nic": "2x"}, set()),
        ("NIC whole code", {"nic": "14101"}, {"Yamuna Garments"}),
        ("NIC whole code, no prefix match", {"nic": "25930"}, set()),
        ("activity", {"major_activity": "services"}, {"Yamuna Garments"}),
        ("category", {"category": "micro"}, {"Deccan Precision Tools", "Yamuna Garments"}),
    ],
)
def test_filters(pune_and_delhi, hub_officer, _case, params, expected):
    filterset = EnterpriseFilterSet(params, queryset=enterprise_queryset_for_user(user=hub_officer))

    assert filterset.is_valid()
    assert set(filterset.qs.values_list("name", flat=True)) == expected


def test_filter_by_state(pune_and_delhi, hub_officer):
    maharashtra = State.objects.get(udyam_code="MH")
    filterset = EnterpriseFilterSet(
        {"state": maharashtra.pk}, queryset=enterprise_queryset_for_user(user=hub_officer)
    )

    assert list(filterset.qs.values_list("name", flat=True)) == ["Deccan Precision Tools"]


def test_keyset_pages_walk_forward_and_back(hub_officer):
    state = State.objects.get(udyam_code="MH")
    for serial in range(1, 8):
        enterprise_create(
            data=enterprise_input(udyam_number=f"UDYAM-MH-26-{serial:07d}", state_id=state.pk),
            actor=hub_officer,
        )
    qs = enterprise_queryset_for_user(user=hub_officer)
    ids = list(qs.order_by("-pk").values_list("pk", flat=True))

    first = keyset_page(qs, after=None, before=None, size=3)
    second = keyset_page(qs, after=first.next_cursor, before=None, size=3)
    last = keyset_page(qs, after=second.next_cursor, before=None, size=3)
    back = keyset_page(qs, after=None, before=second.previous_cursor, size=3)

    assert [e.pk for e in first.items] == ids[:3]
    assert first.previous_cursor is None
    assert [e.pk for e in second.items] == ids[3:6]
    assert [e.pk for e in last.items] == ids[6:]
    assert last.next_cursor is None
    assert [e.pk for e in back.items] == ids[:3]
    assert back.previous_cursor is None
