"""A demand drive for surgical masks (HS 630790) and gowns puts the units that make them in
its top 3, ahead of units that only share words, and alerts the mask maker, who responds.
Profiles are built as the network app's demo ones are: declared codes, then embedded."""

import pytest
from django.urls import reverse

from champions.network import indexing
from champions.network.tests.factories import ProfileFactory
from champions.notifications.models import Notification
from champions.opportunities.models import OpportunityResponse
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

from .factories import drive_input, posted_drive

pytestmark = pytest.mark.django_db

MAKERS = [
    (
        "Pune Medi-Tex",
        ["630790"],
        ["32509"],
        "Three-ply surgical face masks, non-woven, BIS certified.",
    ),
    (
        "Surat Safety Wear",
        ["621010"],
        ["14101"],
        "Isolation gowns and coveralls of non-woven fabric.",
    ),
    (
        "Nashik Hygiene Products",
        ["630790", "621010"],
        ["13929"],
        "Disposable masks and gowns for hospitals.",
    ),
]
WORD_SHARERS = [
    (
        "Festive Masks Co",
        ["950590"],
        ["32409"],
        "Party masks, surgical-look costume masks and gowns for fancy dress.",
    ),
    (
        "Graduation Gowns Ltd",
        ["620442"],
        ["14101"],
        "Graduation gowns and hospital visitor passes, masks of paper for plays.",
    ),
    (
        "Clinic Furniture Works",
        ["940290"],
        ["31001"],
        "Hospital beds and trolleys; surgical tables for masks and gowns rooms.",
    ),
]


def _profile(name, hs, nic, text, enterprise=None):
    profile = ProfileFactory(
        kind="indian",
        country="IN",
        name=name,
        hs_codes=hs,
        nic_codes=nic,
        description=text,
        enterprise=enterprise,
    )
    indexing.profiles_embed(profile_ids=[profile.pk])
    return profile


@pytest.fixture
def mask_maker(entrepreneur):
    enterprise = enterprise_create(
        data=enterprise_input(name="Pune Medi-Tex", nic_codes=["32509"]), actor=entrepreneur
    )
    name, hs, nic, text = MAKERS[0]
    return _profile(name, hs, nic, text, enterprise=enterprise)


@pytest.fixture
def field(mask_maker):
    makers = [mask_maker] + [_profile(*row) for row in MAKERS[1:]]
    sharers = [_profile(*row) for row in WORD_SHARERS]
    return makers, sharers


def test_mask_drive_puts_mask_and_gown_makers_in_top_3(client, hub_officer, field):
    makers, sharers = field
    drive = posted_drive(hub_officer)
    client.force_login(hub_officer)
    body = client.get(f"/api/v1/opportunities/{drive.pk}/matches").json()
    ranked = [r["profile_id"] for r in body["results"]]
    assert body["matching_available"] is True
    assert set(ranked[:3]) == {p.pk for p in makers}
    for sharer in sharers:
        assert sharer.pk not in ranked[:3]
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)
    assert all(r["reasons"] for r in body["results"][:3])


def test_mask_maker_is_alerted_and_responds(client, hub_officer, entrepreneur, field):
    drive = posted_drive(hub_officer, **{"title": "Masks and gowns drive"})
    [alert] = Notification.objects.filter(recipient=entrepreneur, kind="opportunity_matched")
    assert alert.title == "New opportunity for Pune Medi-Tex: Masks and gowns drive"
    assert alert.link == reverse("web:opportunities:detail", args=[drive.pk])
    client.force_login(entrepreneur)
    board = client.get(reverse("web:opportunities:board")).text
    assert "Masks and gowns drive" in board
    enterprise_id = field[0][0].enterprise_id
    data = {
        "respond-enterprise": enterprise_id,
        "respond-quantity": "1 lakh a week",
        "respond-price_min_inr": 3,
        "respond-price_max_inr": 4,
    }
    assert (
        client.post(reverse("web:opportunities:respond", args=[drive.pk]), data).status_code == 302
    )
    assert OpportunityResponse.objects.get().quantity == "1 lakh a week"


def test_matching_again_alerts_nobody_twice(hub_officer, entrepreneur, field):
    from champions.opportunities.services import opportunity_match

    drive = posted_drive(hub_officer, **drive_input().__dict__ | {"title": "Once"})
    opportunity_match(opportunity=drive)
    assert (
        Notification.objects.filter(recipient=entrepreneur, kind="opportunity_matched").count() == 1
    )
