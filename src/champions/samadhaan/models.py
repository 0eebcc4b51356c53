"""MSME Samadhaan filings made from delayed-payment grievances, the status each one reaches,
and the sandbox's own records (the stand-in for the remote service)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Delivery, RemoteStatus

USER = settings.AUTH_USER_MODEL


class Filing(models.Model):
    """One application under MSMED Act s.18. It is its own outbox row: `idempotency_key`
    goes with every send, so a send repeated after a timeout files nothing twice."""

    grievance = models.ForeignKey(
        "grievances.Grievance", on_delete=models.PROTECT, related_name="+"
    )
    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.PROTECT, related_name="+"
    )
    filed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    buyer_name = models.CharField(_("buyer"), max_length=200)
    buyer_type = models.CharField(_("kind of buyer"), max_length=20)
    invoices = models.JSONField(default=list)  # each with its interest, worked out by compliance
    principal_inr = models.DecimalField(max_digits=16, decimal_places=2)
    interest_inr = models.DecimalField(max_digits=16, decimal_places=2)
    form_token = models.CharField(max_length=64, unique=True)  # one per confirmation form
    idempotency_key = models.CharField(max_length=64, unique=True)
    delivery = models.CharField(max_length=8, choices=Delivery.choices, default=Delivery.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_error = models.TextField(blank=True)
    reference = models.CharField(max_length=40, blank=True)
    remote_status = models.CharField(max_length=10, choices=RemoteStatus.choices, blank=True)
    council = models.CharField(max_length=200, blank=True)
    hearing_on = models.DateField(null=True, blank=True)
    award_inr = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    status_checked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["delivery", "next_attempt_at"])]

    def __str__(self) -> str:
        return self.reference or f"filing {self.pk}"


class FilingEvent(models.Model):
    """The filing's timeline: filed, then each status MSME Samadhaan reports (each once)."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=10)
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["filing", "status"], name="samadhaan_event_once")
        ]

    def __str__(self) -> str:
        return f"{self.filing_id}: {self.status}"


class SandboxApplication(models.Model):
    """What the sandbox MSME Samadhaan holds. Used only when SAMADHAAN_BACKEND is "sandbox"."""

    idempotency_key = models.CharField(max_length=64, unique=True)
    reference = models.CharField(max_length=40, unique=True)
    payload = models.JSONField()
    polls = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.reference
