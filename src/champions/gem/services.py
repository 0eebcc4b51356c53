"""Writes of the GeM links. Recording a seller ID or a bid saves it at once and asks GeM after
commit; a GeM that does not answer leaves the link as recorded, asked again by `gem-refresh`."""

import logging
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from champions.accounts.policy import Action as Can
from champions.accounts.policy import is_read_only, require
from champions.core.errors import Forbidden, ValidationFailed
from champions.opportunities.selectors import opportunity_get_for_user, user_manages
from champions.registry.selectors import enterprise_get_for_user

from .choices import BidStatus
from .client import GemClient, GemUnavailable, gem_client
from .models import GemBid, GemSeller

log = logging.getLogger(__name__)

SELLER_ID_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{5,29}$")
BID_RE = re.compile(r"^GEM/\d{4}/[BR]/\d{5,9}$")


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, errors={field: [message]})


@transaction.atomic
def gem_seller_record(*, actor, enterprise_id: int, seller_id: str) -> GemSeller:
    enterprise = enterprise_get_for_user(user=actor, enterprise_id=enterprise_id)
    require(actor, Can.REGISTRY_EDIT, enterprise)
    seller_id = (seller_id or "").strip().upper()
    if not SELLER_ID_RE.match(seller_id):
        raise _invalid(
            "seller_id",
            _("Give the seller ID as GeM shows it: 6 to 30 letters, digits or hyphens."),
        )
    taken = GemSeller.objects.filter(seller_id=seller_id).exclude(enterprise_id=enterprise.pk)
    if taken.exists():
        raise _invalid("seller_id", _("Another enterprise has recorded this GeM seller ID."))
    seller, _created = GemSeller.objects.update_or_create(
        enterprise_id=enterprise.pk,
        defaults={
            "seller_id": seller_id,
            "recorded_by": actor,
            "known_to_gem": None,
            "checked_at": None,
        },
    )
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    transaction.on_commit(lambda: tasks.refresh_seller_task.enqueue(seller.pk))
    return seller


@transaction.atomic
def gem_bid_link(*, actor, opportunity_id: int, bid_number: str) -> GemBid:
    opportunity = opportunity_get_for_user(user=actor, opportunity_id=opportunity_id)
    if is_read_only(actor) or not user_manages(user=actor, opportunity=opportunity):
        raise Forbidden(_("Only the poster of the opportunity or the hub links GeM bids."))
    bid_number = (bid_number or "").strip().upper()
    if not BID_RE.match(bid_number):
        raise _invalid(
            "bid_number", _("Give the bid number as GeM shows it, e.g. GEM/2026/B/5123456.")
        )
    bid, _created = GemBid.objects.get_or_create(
        opportunity_id=opportunity.pk, bid_number=bid_number, defaults={"added_by": actor}
    )
    from . import tasks  # started lazily: see ARCHITECTURE.md, "Starting a task"

    transaction.on_commit(lambda: tasks.refresh_bid_task.enqueue(bid.pk))
    return bid


def gem_seller_refresh(*, seller_pk: int, client: GemClient | None = None) -> GemSeller | None:
    seller = GemSeller.objects.filter(pk=seller_pk).first()
    if seller is None:
        return None
    try:
        summary = (client or gem_client()).seller(seller_id=seller.seller_id)
    except GemUnavailable as exc:
        log.info("GeM seller %s left for later: %s", seller.seller_id, exc)
        return seller
    seller.known_to_gem, seller.checked_at = summary is not None, timezone.now()
    seller.orders_count = summary.orders_count if summary else None
    seller.orders_value_inr = summary.orders_value_inr if summary else None
    seller.save(update_fields=["known_to_gem", "checked_at", "orders_count", "orders_value_inr"])
    return seller


def gem_bid_refresh(*, bid_pk: int, client: GemClient | None = None) -> GemBid | None:
    bid = GemBid.objects.filter(pk=bid_pk).first()
    if bid is None:
        return None
    try:
        summary = (client or gem_client()).bid(bid_number=bid.bid_number)
    except GemUnavailable as exc:
        log.info("GeM bid %s left for later: %s", bid.bid_number, exc)
        return bid
    bid.status = (
        summary.status if summary and summary.status in BidStatus.values else BidStatus.UNKNOWN
    )
    bid.awarded_value_inr = summary.awarded_value_inr if summary else None
    bid.awarded_to_mse_inr = summary.awarded_to_mse_inr if summary else None
    bid.checked_at = timezone.now()
    bid.save(update_fields=["status", "awarded_value_inr", "awarded_to_mse_inr", "checked_at"])
    return bid


def gem_refresh_all(*, client: GemClient | None = None) -> int:
    """The daily job: every seller ID and every bid not yet awarded or cancelled."""
    client = client or gem_client()
    count = 0
    for pk in GemSeller.objects.values_list("pk", flat=True):
        gem_seller_refresh(seller_pk=pk, client=client)
        count += 1
    final = (BidStatus.AWARDED, BidStatus.CANCELLED)
    for pk in GemBid.objects.exclude(status__in=final).values_list("pk", flat=True):
        gem_bid_refresh(bid_pk=pk, client=client)
        count += 1
    return count
