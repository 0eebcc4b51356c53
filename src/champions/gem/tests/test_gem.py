from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.core.errors import Forbidden, ValidationFailed
from champions.gem import selectors, services
from champions.gem.demo import gem_demo_load
from champions.gem.models import GemBid, GemSeller
from champions.gem.sandbox import SandboxGemClient
from champions.opportunities.services import OpportunityInput, opportunity_create
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db


def _opportunity(officer):
    data = OpportunityInput(
        title="Surgical masks",
        kind="procurement",
        text="Three-ply masks, 2 lakh a week.",
        hs_codes=["630790"],
        nic_codes=[],
        states=[],
        closes_on=timezone.localdate() + timedelta(days=10),
    )
    return opportunity_create(actor=officer, data=data)


def test_seller_id_is_recorded_by_the_owner_then_read_from_gem(
    entrepreneur, other_entrepreneur, django_capture_on_commit_callbacks
):
    unit = enterprise_create(data=enterprise_input(), actor=entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        seller = services.gem_seller_record(
            actor=entrepreneur, enterprise_id=unit.pk, seller_id=" gemsel-4421 "
        )
    seller.refresh_from_db()
    assert (seller.seller_id, seller.known_to_gem) == ("GEMSEL-4421", True)
    assert seller.orders_count >= 1
    with pytest.raises(ValidationFailed) as caught:
        services.gem_seller_record(actor=entrepreneur, enterprise_id=unit.pk, seller_id="x y")
    assert list(caught.value.errors) == ["seller_id"]
    other = enterprise_create(
        data=enterprise_input(udyam_number="UDYAM-MH-26-0054321"), actor=other_entrepreneur
    )
    with pytest.raises(ValidationFailed):
        services.gem_seller_record(
            actor=other_entrepreneur, enterprise_id=other.pk, seller_id="GEMSEL-4421"
        )
    assert GemSeller.objects.count() == 1


def test_an_unknown_seller_and_gem_down(entrepreneur):
    unit = enterprise_create(data=enterprise_input(), actor=entrepreneur)
    seller = services.gem_seller_record(
        actor=entrepreneur, enterprise_id=unit.pk, seller_id="GEMSEL-4420"
    )
    services.gem_seller_refresh(seller_pk=seller.pk, client=SandboxGemClient(unavailable=True))
    seller.refresh_from_db()
    assert seller.known_to_gem is None  # not asked successfully yet: kept as recorded
    services.gem_seller_refresh(seller_pk=seller.pk)
    seller.refresh_from_db()
    assert seller.known_to_gem is False


def test_bids_give_the_ppp_share_where_awards_are_known(hub_officer, leadership, spoke_officer):
    opportunity = _opportunity(hub_officer)
    for number in ("GEM/2026/B/5000001", "GEM/2026/B/5000004", "GEM/2026/B/5000009"):
        bid = services.gem_bid_link(
            actor=hub_officer, opportunity_id=opportunity.pk, bid_number=number
        )
        services.gem_bid_refresh(bid_pk=bid.pk)
    bids = selectors.bids_for_opportunity(opportunity_id=opportunity.pk)
    assert [b.status for b in bids] == ["awarded", "awarded", "open"]
    share = selectors.procurement_share(bids)
    awarded = bids[0].awarded_value_inr + bids[1].awarded_value_inr
    to_mse = bids[0].awarded_value_inr * Decimal("0.10") + bids[1].awarded_value_inr
    assert share.awarded_inr == awarded
    assert abs(share.to_mse_inr - to_mse) <= 1
    assert share.bids_counted == 2
    assert selectors.procurement_share(bids[2:]) is None
    with pytest.raises(ValidationFailed):
        services.gem_bid_link(actor=hub_officer, opportunity_id=opportunity.pk, bid_number="bid 42")
    with pytest.raises(Forbidden):
        services.gem_bid_link(
            actor=leadership, opportunity_id=opportunity.pk, bid_number="GEM/2026/B/5000002"
        )
    assert GemBid.objects.count() == 3


def test_pages(client, hub_officer, entrepreneur, django_capture_on_commit_callbacks):
    opportunity = _opportunity(hub_officer)
    client.force_login(hub_officer)
    url = reverse("web:gem:bids", args=[opportunity.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"bid_number": "GEM/2026/B/5000004"}).status_code == 302
    page = client.get(url).content.decode()
    assert "GEM/2026/B/5000004" in page
    assert "went to MSEs" in page
    assert client.post(url, {"bid_number": "nonsense"}).status_code == 400
    unit = enterprise_create(data=enterprise_input(), actor=entrepreneur)
    client.force_login(entrepreneur)
    seller_url = reverse("web:gem:seller", args=[unit.pk])
    assert client.post(seller_url, {"seller_id": "GEMSEL-4421"}).status_code == 302
    assert "GEMSEL-4421" in client.get(seller_url).content.decode()


def test_demo_links_a_seller_and_two_bids_once(hub_officer, entrepreneur):
    enterprise_create(data=enterprise_input(), actor=entrepreneur)
    _opportunity(hub_officer)
    assert gem_demo_load(officer=hub_officer, unit_user=entrepreneur) == 3
    assert gem_demo_load(officer=hub_officer, unit_user=entrepreneur) == 0
    assert [b.status for b in GemBid.objects.all()] == ["awarded", "open"]
