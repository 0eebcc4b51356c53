"""The grievance, its registration numbers, idempotency keys and the queue's tallies."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ..choices import (
    OPEN_STATUSES,
    Category,
    Channel,
    ComplainantType,
    EscalationLevel,
    FieldSource,
    Kind,
    Priority,
    SlaState,
    Status,
)


class RegistrationCounter(models.Model):
    """The last serial used for registration numbers of one year and state code."""

    year = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=3)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["year", "code"], name="one_counter")]

    def __str__(self) -> str:
        return f"{self.year}/{self.code}: {self.last}"


class Grievance(models.Model):
    """A grievance or suggestion from an MSME, held by one control room at a time."""

    registration_number = models.CharField(max_length=24, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.GRIEVANCE)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    complainant_type = models.CharField(
        max_length=12, choices=ComplainantType.choices, default=ComplainantType.ENTERPRISE
    )
    enterprise = models.ForeignKey(
        "registry.Enterprise", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    complainant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grievances",
    )
    lodged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    contact_name = models.CharField(_("name"), max_length=150)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("mobile number"), max_length=15, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), max_length=10000)
    language = models.CharField(max_length=10, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.OTHER
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    state = models.ForeignKey(
        "core.State", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    district = models.ForeignKey(
        "core.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    room = models.ForeignKey(
        "controlrooms.ControlRoom", on_delete=models.PROTECT, related_name="grievances"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_grievances",
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    sla_state = models.CharField(max_length=10, choices=SlaState.choices, default=SlaState.ON_TRACK)
    escalation_level = models.PositiveSmallIntegerField(
        choices=EscalationLevel.choices, default=EscalationLevel.SPOKE
    )
    transfer_count = models.PositiveSmallIntegerField(default=0)
    lodged_at = models.DateTimeField()
    assign_due_at = models.DateTimeField(null=True, blank=True)
    escalate_due_at = models.DateTimeField(null=True, blank=True)
    resolution_due_at = models.DateTimeField(null=True, blank=True)
    appeal_due_at = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    feedback = models.TextField(blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates"
    )
    cpgrams_number = models.CharField(max_length=40, unique=True, null=True, blank=True)
    # The department or ministry the matter was referred to (CPGRAMS organisation list);
    # cleared when the MSME reopens the grievance.
    referred_to = models.CharField(max_length=200, blank=True)
    # The department or ministry that should act (CPGRAMS organisation list), as triage
    # suggested it or an officer chose it; a referral is still a separate, explicit step.
    department = models.CharField(max_length=200, blank=True)
    category_source = models.CharField(
        max_length=12, choices=FieldSource.choices, blank=True, default=FieldSource.DEFAULT
    )
    priority_source = models.CharField(
        max_length=12, choices=FieldSource.choices, blank=True, default=FieldSource.DEFAULT
    )
    department_source = models.CharField(
        max_length=12, choices=FieldSource.choices, blank=True, default=FieldSource.DEFAULT
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["room", "status", "-id"]),
            models.Index(fields=["status", "-id"]),
            models.Index(fields=["sla_state", "status"]),
            models.Index(fields=["complainant", "-id"]),
            models.Index(fields=["enterprise", "-id"]),
            # The queue's "due soonest" order, per room and for the hub (nulls last on both
            # databases: the ordering asks for it and a B-tree index stores them last).
            models.Index(fields=["room", "resolution_due_at", "id"], name="grievance_room_due"),
            models.Index(fields=["resolution_due_at", "id"], name="grievance_due"),
            # Counts of a queue narrowed by category (the commonest filter), from the index
            # alone: spoke 535 → 8 ms, hub 348 → 51 ms at 1 M rows (measured by hand).
            models.Index(fields=["room", "category", "status"], name="grievance_room_category"),
            models.Index(fields=["category", "status"], name="grievance_category"),
        ]

    def __str__(self) -> str:
        return self.registration_number

    @property
    def is_open(self) -> bool:
        """Still being worked on (the SLA clock matters); resolved and closed ones are not."""
        return self.status in OPEN_STATUSES


class QueueTallyManager(models.Manager):
    def move(
        self, *, before: tuple[int, str] | None, after: tuple[int, str] | None, count: int = 1
    ) -> None:
        """`count` grievances leave (room, status) `before` and join `after` (None: none).

        The two rows are updated in key order, so two transfers in opposite directions lock
        them in the same order and wait for each other instead of dead-locking."""
        changes = [(before, -count), (after, count)]
        for key, delta in sorted((c for c in changes if c[0] is not None), key=lambda c: c[0]):
            self._add(*key, delta)

    def _add(self, room_id: int, status: str, delta: int) -> None:
        row = self.filter(room_id=room_id, status=status)
        if not row.update(count=F("count") + delta):
            self.bulk_create(
                [QueueTally(room_id=room_id, status=status, count=0)], ignore_conflicts=True
            )
            row.update(count=F("count") + delta)


class QueueTally(models.Model):
    """How many grievances each control room holds in each status: the counts on the work
    queue, read in one small query instead of counting a million rows. `tally_recount`
    rebuilds them from the grievances (daily, and after bulk loads)."""

    room = models.ForeignKey("controlrooms.ControlRoom", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices)
    count = models.IntegerField(default=0)

    objects = QueueTallyManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["room", "status"], name="one_tally_per_room_status")
        ]

    def __str__(self) -> str:
        return f"{self.room_id}/{self.status}: {self.count}"


class IdempotencyKey(models.Model):
    """A client's Idempotency-Key and the grievance its first request created."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_use_per_key")]

    def __str__(self) -> str:
        return self.key
