"""Integration state: the CPGRAMS outbox and the inbound pull's cursor."""

from django.db import models


class OutboxKind(models.TextChoices):
    GRIEVANCE_CREATE = "grievance_create", "Create grievance"
    STATUS_UPDATE = "status_update", "Status update"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    DEAD = "dead", "Dead letter"


class OutboxMessage(models.Model):
    """A change to send to CPGRAMS, written in the same transaction as the change itself.

    The worker delivers it with `idempotency_key`, so sending it twice (after a crash or a
    timeout) creates nothing twice. Messages of one grievance are delivered in `id` order.
    """

    kind = models.CharField(max_length=20, choices=OutboxKind.choices)
    grievance = models.ForeignKey(
        "grievances.Grievance", on_delete=models.CASCADE, related_name="+"
    )
    event = models.CharField(max_length=30)  # "lodged" or the workflow action
    payload = models.JSONField()
    idempotency_key = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    # When a pending message is next due; while a worker is sending it, the end of its lease.
    next_attempt_at = models.DateTimeField()
    last_error = models.TextField(blank=True)
    remote_number = models.CharField(max_length=40, blank=True)  # CPGRAMS registration number
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["grievance", "id"]),
            models.Index(fields=["remote_number"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.grievance_id} ({self.status})"


class SyncCursor(models.Model):
    """Where an inbound pull stopped: an opaque cursor the remote system gave us."""

    name = models.CharField(max_length=40, unique=True)
    value = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"


class RemoteUpdate(models.Model):
    """One update made on CPGRAMS (a status change, a remark, a closure), kept once by its
    event id: a second delivery of the same event is recognised and changes nothing."""

    class Outcome(models.TextChoices):
        CLOSED = "closed", "Closed here"
        RECORDED = "recorded", "Recorded in the timeline"
        CONFLICT = "conflict", "Conflict: the status here stands"
        STALE = "stale", "Out of order: recorded, not applied"
        UNMATCHED = "unmatched", "No such grievance here"

    event_id = models.CharField(max_length=64, unique=True)
    cpgrams_number = models.CharField(max_length=40)
    grievance = models.ForeignKey(
        "grievances.Grievance", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=30, blank=True)
    remarks = models.TextField(blank=True)
    changed_at = models.DateTimeField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["grievance", "changed_at"])]

    def __str__(self) -> str:
        return f"{self.event_id} {self.cpgrams_number}: {self.status} ({self.outcome})"
