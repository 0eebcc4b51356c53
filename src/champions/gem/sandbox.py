"""A GeM stand-in: answers worked out from the identifier itself, so the demo and the tests
need no data and get the same answer every time.

- A seller ID whose last character is "0" is unknown to GeM; others have orders derived from
  a hash of the ID (1 to 40 orders, ₹50,000 to ₹2 crore).
- A bid number ending in 1-4 is awarded (the MSE share is 10 %, 25 %, 40 % or 100 % of the
  award), 5-7 is under evaluation, 8-9 is open, 0 is unknown.
`SandboxGemClient(unavailable=True)` answers nothing, as GeM down.
"""

import hashlib
from decimal import Decimal

from .client import BidSummary, GemUnavailable, SellerSummary

MSE_SHARES = {"1": Decimal("0.10"), "2": Decimal("0.25"), "3": Decimal("0.40"), "4": Decimal("1")}


def _number(text: str, modulo: int) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % modulo


class SandboxGemClient:
    def __init__(self, *, unavailable: bool = False) -> None:
        self.unavailable = unavailable

    def _answering(self) -> None:
        if self.unavailable:
            raise GemUnavailable("GeM did not answer (sandbox)")

    def seller(self, *, seller_id: str) -> SellerSummary | None:
        self._answering()
        if seller_id.endswith("0"):
            return None
        orders = 1 + _number(seller_id, 40)
        value = Decimal(50_000 + _number(seller_id + "v", 19_950_000))
        return SellerSummary(orders_count=orders, orders_value_inr=value)

    def bid(self, *, bid_number: str) -> BidSummary | None:
        self._answering()
        last = bid_number[-1:]
        if last in MSE_SHARES:
            award = Decimal(200_000 + _number(bid_number, 9_800_000))
            return BidSummary("awarded", award, (award * MSE_SHARES[last]).quantize(Decimal("1")))
        if last in {"5", "6", "7"}:
            return BidSummary("evaluation")
        if last in {"8", "9"}:
            return BidSummary("open")
        return None
