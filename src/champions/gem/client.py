"""The GeM connector: a seller's orders and a bid's award, the sandbox being the default.

GeM (gem.gov.in) has no public API for these reads. `GemClient` is what Champions needs;
`sandbox.py` implements it without a network and `GEM_BACKEND=http` (with GEM_BASE_URL and
GEM_TOKEN) selects `HttpGemClient`, a small JSON contract described in docs/GEM.md.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.conf import settings


class GemUnavailable(Exception):
    """No answer now; the link is kept and asked about again on the next run."""


@dataclass(frozen=True)
class SellerSummary:
    orders_count: int
    orders_value_inr: Decimal


@dataclass(frozen=True)
class BidSummary:
    status: str  # open, evaluation, awarded, cancelled
    awarded_value_inr: Decimal | None = None
    awarded_to_mse_inr: Decimal | None = None


class GemClient(Protocol):
    def seller(self, *, seller_id: str) -> SellerSummary | None: ...

    def bid(self, *, bid_number: str) -> BidSummary | None: ...


def _decimal(value) -> Decimal | None:
    return Decimal(str(value)) if value is not None else None


class HttpGemClient:
    def __init__(self, *, base_url: str, token: str, timeout: float) -> None:
        if urllib.parse.urlsplit(base_url).scheme not in {"http", "https"}:
            raise ValueError(f"GEM_BASE_URL must be http(s): {base_url!r}")
        self.base_url, self.token, self.timeout = base_url.rstrip("/"), token, timeout

    def seller(self, *, seller_id: str) -> SellerSummary | None:
        body = self._get(f"/sellers/{urllib.parse.quote(seller_id, safe='')}")
        if body is None:
            return None
        return SellerSummary(
            int(body.get("orders_count", 0)), _decimal(body.get("orders_value_inr", 0))
        )

    def bid(self, *, bid_number: str) -> BidSummary | None:
        body = self._get(f"/bids/{urllib.parse.quote(bid_number, safe='')}")
        if body is None:
            return None
        return BidSummary(
            status=str(body.get("status", "")),
            awarded_value_inr=_decimal(body.get("awarded_value_inr")),
            awarded_to_mse_inr=_decimal(body.get("awarded_to_mse_inr")),
        )

    def _get(self, path: str) -> dict | None:
        headers = {"Accept": "application/json", "Authorization": f"Bearer {self.token}"}
        request = urllib.request.Request(self.base_url + path, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise GemUnavailable(f"HTTP {exc.code}") from exc
        except (OSError, ValueError) as exc:
            raise GemUnavailable(f"{type(exc).__name__}: {exc}") from exc


def gem_client() -> GemClient:
    if settings.GEM_BACKEND == "http":
        return HttpGemClient(
            base_url=settings.GEM_BASE_URL, token=settings.GEM_TOKEN, timeout=settings.GEM_TIMEOUT
        )
    from .sandbox import SandboxGemClient  # the default: no remote service needed

    return SandboxGemClient()
