"""Reference data every context shares: states/UTs, districts, pincodes and NIC-2008 codes.

Nothing here holds business rules; the rows are loaded from the files in core/data/. Also the
admin audit log (`AuditEntry`), append-only and hash-chained (see `core.audit`).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language

from .audit import AppendOnlyModel, AppendOnlyQuerySet


class State(models.Model):
    """A state or union territory, keyed by its Local Government Directory (LGD) code."""

    class Kind(models.TextChoices):
        STATE = "state", "State"
        UNION_TERRITORY = "ut", "Union territory"

    lgd_code = models.PositiveIntegerField(unique=True)
    udyam_code = models.CharField(
        max_length=2, unique=True, help_text="Two-letter code used in Udyam registration numbers."
    )
    name = models.CharField(max_length=100)
    name_hi = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=5, choices=Kind.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.name_hi and (get_language() or "").startswith("hi"):
            return self.name_hi
        return self.name


class District(models.Model):
    """A district as listed in the LGD (2022 snapshot)."""

    lgd_code = models.PositiveIntegerField(unique=True)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="districts")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["state", "name"])]

    def __str__(self) -> str:
        return self.name


class Pincode(models.Model):
    """A postal index number and the state its post offices are in (India Post directory)."""

    code = models.CharField(max_length=6, primary_key=True)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return self.code


class NicCode(models.Model):
    """A 5-digit sub-class of the National Industrial Classification 2008."""

    code = models.CharField(max_length=5, primary_key=True)
    description = models.TextField()
    section = models.CharField(max_length=1)
    section_name = models.CharField(max_length=200)
    division_name = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = "NIC-2008 code"

    def __str__(self) -> str:
        return f"{self.code} {self.description}"


class AuditEntry(AppendOnlyModel):
    """Something done in the Django admin (add, change, delete, or an action on selected rows):
    who, when, on which record, and what changed. Append-only and hash-chained, one chain for
    the whole log (see `core.audit`); the actor is kept as an id and a label, not a foreign
    key, so that removing a user changes no audit row."""

    at = models.DateTimeField(default=timezone.now)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=40)  # add, change, delete, or action:<name>
    app_label = models.CharField(max_length=100)
    model = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.model}"


class Lease(models.Model):
    """A named lease one process holds until `expires_at` unless it renews it: who is the one
    running scheduler (`core.leases`). A holder that dies simply stops renewing."""

    name = models.CharField(max_length=64, primary_key=True)
    holder = models.CharField(max_length=200)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} held by {self.holder} until {self.expires_at:%H:%M:%S}"
