"""GeM links: an enterprise's GeM seller ID and the GeM bids an opportunity points to, each
with what the GeM adapter last said (orders; award and the share won by MSEs)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import BidStatus

USER = settings.AUTH_USER_MODEL


class GemSeller(models.Model):
    enterprise = models.OneToOneField(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    seller_id = models.CharField(_("GeM seller ID"), max_length=30, unique=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)
    known_to_gem = models.BooleanField(null=True)  # None: not asked yet
    orders_count = models.PositiveIntegerField(null=True)
    orders_value_inr = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    checked_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return self.seller_id


class GemBid(models.Model):
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="+"
    )
    bid_number = models.CharField(_("GeM bid number"), max_length=30)
    added_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=12, choices=BidStatus.choices, blank=True)
    awarded_value_inr = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    awarded_to_mse_inr = models.DecimalField(max_digits=16, decimal_places=2, null=True)
    checked_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "bid_number"], name="gem_bid_once")
        ]

    def __str__(self) -> str:
        return self.bid_number
