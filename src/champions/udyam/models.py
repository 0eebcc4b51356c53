"""Udyam checks: what the Udyam registration portal said about an enterprise's number, when;
and the sandbox's own records (the stand-in for the portal)."""

from django.db import models

from .choices import Outcome


class UdyamCheck(models.Model):
    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.CASCADE, related_name="+"
    )
    udyam_number = models.CharField(max_length=19)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    mismatches = models.JSONField(default=list)  # choices.Field values
    remote_name = models.CharField(max_length=200, blank=True)
    remote_category = models.CharField(max_length=10, blank=True)
    checked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-checked_at", "-id"]
        indexes = [models.Index(fields=["enterprise", "-checked_at"])]

    def __str__(self) -> str:
        return f"{self.udyam_number}: {self.outcome}"


class SandboxUdyamRecord(models.Model):
    """What the sandbox Udyam portal holds. Used only when UDYAM_BACKEND is "sandbox"."""

    udyam_number = models.CharField(max_length=19, unique=True)
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=10)

    def __str__(self) -> str:
        return self.udyam_number
