"""HttpGemClient against a local fake of the contract in docs/GEM.md: success, 404, other
4xx, 5xx and a reply slower than the timeout."""

from decimal import Decimal

import pytest

from champions.gem.client import BidSummary, GemUnavailable, HttpGemClient, SellerSummary

SELLER = "/api/sellers/GEM-SELLER-1"
BID = "/api/bids/GEM%2F2026%2FB%2F1"


def client(service, timeout=2.0):
    return HttpGemClient(base_url=service.base_url, token="t0ken", timeout=timeout)


def test_seller_and_bid_are_read(fake_service):
    fake_service.answer("GET", SELLER, 200, {"orders_count": 3, "orders_value_inr": "125000.50"})
    fake_service.answer(
        "GET",
        BID,
        200,
        {"status": "awarded", "awarded_value_inr": 900000, "awarded_to_mse_inr": 300000},
    )
    gem = client(fake_service)
    assert gem.seller(seller_id="GEM-SELLER-1") == SellerSummary(3, Decimal("125000.50"))
    assert gem.bid(bid_number="GEM/2026/B/1") == BidSummary(
        "awarded", Decimal("900000"), Decimal("300000")
    )
    assert [s.path for s in fake_service.requests] == [SELLER, BID]
    assert fake_service.requests[0].headers["Authorization"] == "Bearer t0ken"


def test_404_is_unknown(fake_service):
    assert client(fake_service).seller(seller_id="nobody") is None  # the fake's default: 404


@pytest.mark.parametrize("status", [400, 403, 500, 502])
def test_other_errors_are_unavailable(fake_service, status):
    fake_service.answer("GET", SELLER, status)
    with pytest.raises(GemUnavailable, match=f"HTTP {status}"):
        client(fake_service).seller(seller_id="GEM-SELLER-1")


def test_a_slow_reply_is_a_timeout(fake_service):
    fake_service.answer("GET", SELLER, 200, {"orders_count": 1}, delay=1.0)
    with pytest.raises(GemUnavailable):
        client(fake_service, timeout=0.2).seller(seller_id="GEM-SELLER-1")
