"""Opportunities (procurement needs, export leads, demand drives), their matches and responses;
facts and hand-holding actions behind the sparks list."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import ActionKind, FactKind, OpportunityKind, OpportunityStatus, Outcome

USER = settings.AUTH_USER_MODEL


class Opportunity(models.Model):
    """A need posted by an officer or a buyer, matched to capable units."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=15, choices=OpportunityKind.choices)
    text = models.TextField(_("description"))
    product = models.CharField(_("product"), max_length=200, blank=True)
    hs_codes = models.JSONField(_("HS codes"), default=list)
    nic_codes = models.JSONField(_("NIC codes"), default=list)
    quantity = models.CharField(_("quantity"), max_length=100, blank=True)
    specification = models.TextField(_("specification"), blank=True)
    states = models.JSONField(_("preferred states"), default=list)
    closes_on = models.DateField(_("closes on"))
    prefer_mse = models.BooleanField(_("preference to micro and small enterprises"), default=False)
    prefer_sc_st = models.BooleanField(_("preference to SC/ST-owned enterprises"), default=False)
    prefer_women = models.BooleanField(_("preference to women-owned enterprises"), default=False)
    posted_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    buyer_name = models.CharField(_("buyer"), max_length=200, blank=True)
    status = models.CharField(
        max_length=8, choices=OpportunityStatus.choices, default=OpportunityStatus.OPEN
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome note"), blank=True)
    matching_available = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return self.title


class OpportunityMatch(models.Model):
    """A unit the network matcher found for an opportunity, with its score and reasons."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="matches")
    profile_id = models.PositiveIntegerField()
    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=200)
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    rank = models.PositiveSmallIntegerField()
    alerted = models.BooleanField(default=False)

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "profile_id"], name="one_match_per_profile"
            )
        ]

    def __str__(self) -> str:
        return f"{self.opportunity_id}: {self.name} ({self.score:.2f})"


class OpportunityResponse(models.Model):
    """A unit's answer: how much it can supply, at what price band, with a note."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="responses")
    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    responded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    quantity = models.CharField(_("quantity you can supply"), max_length=100)
    price_min_inr = models.PositiveBigIntegerField(_("lowest price (₹ per unit)"))
    price_max_inr = models.PositiveBigIntegerField(_("highest price (₹ per unit)"))
    note = models.TextField(_("note"), blank=True)
    is_shortlisted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_shortlisted", "price_min_inr", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "enterprise"], name="one_response_per_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id} → {self.opportunity_id}"


class RecordedFact(models.Model):
    """A certificate or scheme benefit of a unit, recorded by an officer with its source."""

    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("fact"), max_length=10, choices=FactKind.choices)
    detail = models.CharField(_("detail"), max_length=200)
    source = models.CharField(_("source"), max_length=200)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_on = models.DateField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_on", "-id"]

    def __str__(self) -> str:
        return f"{self.enterprise_id}: {self.kind}"


class SparkShortlist(models.Model):
    """An officer's shortlist of units to offer help to."""

    officer = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["officer", "enterprise"], name="one_shortlist_entry")
        ]

    def __str__(self) -> str:
        return f"{self.officer_id}: {self.enterprise_id}"


class HandHoldingAction(models.Model):
    """Help given to a unit: a call, a visit, a referral, mentoring, a buyer meeting."""

    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    officer = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("help given"), max_length=20, choices=ActionKind.choices)
    note = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.enterprise_id}: {self.kind}"
