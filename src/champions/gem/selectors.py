"""Reads of the GeM links, and the Public Procurement Policy share where awards are known."""

from dataclasses import dataclass
from decimal import Decimal

from .models import GemBid, GemSeller

# Public Procurement Policy for Micro and Small Enterprises Order, 2012 (as amended in 2018):
# central ministries, departments and CPSEs procure at least 25 % of their annual value from MSEs.
PPP_TARGET_PCT = Decimal(25)


def seller_for_enterprise(*, enterprise_id: int) -> GemSeller | None:
    return GemSeller.objects.filter(enterprise_id=enterprise_id).first()


def bids_for_opportunity(*, opportunity_id: int) -> list[GemBid]:
    return list(GemBid.objects.filter(opportunity_id=opportunity_id))


@dataclass(frozen=True)
class ProcurementShare:
    awarded_inr: Decimal
    to_mse_inr: Decimal
    bids_counted: int

    @property
    def share_pct(self) -> Decimal:
        return (self.to_mse_inr * 100 / self.awarded_inr).quantize(Decimal("0.1"))

    @property
    def meets_target(self) -> bool:
        return self.share_pct >= PPP_TARGET_PCT


def procurement_share(bids: list[GemBid]) -> ProcurementShare | None:
    """The share of the awarded value that went to MSEs; None where no award is known."""
    known = [b for b in bids if b.awarded_value_inr and b.awarded_to_mse_inr is not None]
    if not known:
        return None
    return ProcurementShare(
        awarded_inr=sum((b.awarded_value_inr or Decimal(0) for b in known), Decimal(0)),
        to_mse_inr=sum((b.awarded_to_mse_inr or Decimal(0) for b in known), Decimal(0)),
        bids_counted=len(known),
    )
