"""Demo data: a GeM seller ID on the demo entrepreneur's first unit and two GeM bids on the
first demo opportunity (one awarded, one open), read from the sandbox. Idempotent."""

from django.conf import settings

from champions.opportunities.selectors import opportunity_queryset_for_user
from champions.registry.selectors import enterprise_list_for_user

from . import services
from .models import GemBid, GemSeller

BIDS = ("GEM/2026/B/6120453", "GEM/2026/B/6120458")


def gem_demo_load(*, officer, unit_user) -> int:
    if (
        officer is None
        or unit_user is None
        or GemSeller.objects.exists()
        or GemBid.objects.exists()
    ):
        return 0
    unit = enterprise_list_for_user(user=unit_user).order_by("id").first()
    opportunity = opportunity_queryset_for_user(user=officer).order_by("id").first()
    if unit is None or opportunity is None:
        return 0
    seller = services.gem_seller_record(
        actor=unit_user, enterprise_id=unit.pk, seller_id="GEMSEL-MH-27311"
    )
    bids = [
        services.gem_bid_link(actor=officer, opportunity_id=opportunity.pk, bid_number=n)
        for n in BIDS
    ]
    if settings.GEM_BACKEND == "sandbox":
        services.gem_seller_refresh(seller_pk=seller.pk)
        for bid in bids:
            services.gem_bid_refresh(bid_pk=bid.pk)
    return 1 + len(bids)
