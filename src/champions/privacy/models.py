"""Consent to the privacy notice (DPDP Act 2023, s. 5-6) and requests to erase one's data
(s. 12), which an officer decides."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .choices import ErasureStatus


class Consent(models.Model):
    """A user agreed to the privacy notice of `notice_version`, in `language`, at `given_at`."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    notice_version = models.CharField(max_length=20)
    language = models.CharField(max_length=10)
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"consent {self.user_id} {self.notice_version}"


class ErasureRequest(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(max_length=2000, blank=True)
    status = models.CharField(
        max_length=10, choices=ErasureStatus.choices, default=ErasureStatus.OPEN, db_index=True
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(max_length=2000, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]

    def __str__(self) -> str:
        return f"erasure {self.pk} ({self.status})"
