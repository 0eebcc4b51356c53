"""Udyam-number search: every prefix length finds the same rows, and on PostgreSQL a prefix
from the district on is served by the (state and district, id) expression index."""

import pytest
from django.db import connection

from champions.core.models import District, State
from champions.core.pagination import keyset_page
from champions.registry.filters import EnterpriseFilterSet
from champions.registry.selectors import enterprise_queryset_for_user
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db

NUMBERS = [
    "UDYAM-MH-26-0000001",
    "UDYAM-MH-26-0000002",
    "UDYAM-MH-26-0010003",
    "UDYAM-MH-27-0000004",
]


@pytest.fixture
def units(hub_officer):
    made = [
        enterprise_create(
            data=enterprise_input(udyam_number=n, name=f"Unit {n[-1]}"), actor=hub_officer
        )
        for n in NUMBERS
    ]
    delhi = State.objects.get(udyam_code="DL")
    made.append(
        enterprise_create(
            data=enterprise_input(
                udyam_number="UDYAM-DL-02-0000005",
                name="Unit 5",
                state_id=delhi.pk,
                district_id=District.objects.filter(state=delhi).first().pk,
                pincode="110001",
            ),
            actor=hub_officer,
        )
    )
    return made


def searched(user, q: str):
    filterset = EnterpriseFilterSet({"q": q}, queryset=enterprise_queryset_for_user(user=user))
    assert filterset.is_valid()
    return filterset.qs


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("UDYAM", {"Unit 1", "Unit 2", "Unit 3", "Unit 4", "Unit 5"}),
        ("udyam-mh", {"Unit 1", "Unit 2", "Unit 3", "Unit 4"}),
        ("UDYAM-MH-2", {"Unit 1", "Unit 2", "Unit 3", "Unit 4"}),
        ("UDYAM-MH-26", {"Unit 1", "Unit 2", "Unit 3"}),
        ("  udyam-mh-26-  ", {"Unit 1", "Unit 2", "Unit 3"}),
        ("UDYAM-MH-26-000", {"Unit 1", "Unit 2"}),
        ("UDYAM-MH-26-0000002", {"Unit 2"}),
        ("udyam-mh-26-0000002", {"Unit 2"}),
        ("UDYAM-MH-26-00000021", set()),
        ("UDYAM-DL-02", {"Unit 5"}),
        ("UDYAM-KA-01", set()),
    ],
)
def test_every_prefix_length_finds_its_numbers(units, hub_officer, q, expected):
    assert set(searched(hub_officer, q).values_list("name", flat=True)) == expected


def test_district_prefix_pages_newest_first(units, hub_officer):
    qs = searched(hub_officer, "UDYAM-MH-26")

    first = keyset_page(qs, after=None, before=None, size=2)
    rest = keyset_page(qs, after=first.next_cursor, before=None, size=2)

    assert [e.name for e in first.items] == ["Unit 3", "Unit 2"]
    assert [e.name for e in rest.items] == ["Unit 1"]
    assert rest.next_cursor is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL query plan")
def test_district_prefix_page_is_read_from_the_expression_index(units, hub_officer):
    qs = searched(hub_officer, "UDYAM-MH-26").order_by("-pk").values_list("pk", flat=True)[:26]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        plan = qs.explain()

    assert "enterprise_udyam_district" in plan
    assert "Sort" not in plan  # the index gives the order: no reading every match to sort it
