"""Grievances and suggestions, their timeline, thread, attachments and service levels."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .choices import (
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
    TriageField,
    TriageScope,
)
from .sla import Policy  # the default service levels, written once

MAX_SLA_DAYS = 365
DAYS_VALIDATORS = [MinValueValidator(1), MaxValueValidator(MAX_SLA_DAYS)]


class SlaPolicy(models.Model):
    """Working days allowed per step, for a category and priority (blank means any).

    The most specific row wins: (category, priority), then (category, any), (any, priority),
    (any, any). The hub edits these on the service-levels page; the (any, any) row is the
    default and always exists.
    """

    category = models.CharField(max_length=20, choices=Category.choices, blank=True)
    priority = models.CharField(max_length=10, choices=Priority.choices, blank=True)
    assign_days = models.PositiveSmallIntegerField(
        default=Policy.assign_days, validators=DAYS_VALIDATORS
    )
    escalate_days = models.PositiveSmallIntegerField(
        default=Policy.escalate_days, validators=DAYS_VALIDATORS
    )
    resolve_days = models.PositiveSmallIntegerField(
        default=Policy.resolve_days, validators=DAYS_VALIDATORS
    )
    appeal_days = models.PositiveSmallIntegerField(
        default=Policy.appeal_days, validators=DAYS_VALIDATORS
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "priority"], name="one_policy_per_category_priority"
            )
        ]
        verbose_name_plural = "SLA policies"

    def __str__(self) -> str:
        return f"{self.category or 'any'} / {self.priority or 'any'}: {self.resolve_days} days"


class Holiday(models.Model):
    """A non-working day: national when `state` is empty, otherwise for that state only."""

    day = models.DateField()
    name = models.CharField(max_length=100)
    state = models.ForeignKey(
        "core.State", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["day", "state"], name="one_holiday_a_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.name}"


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

    # The queue's counts per (room, status) are kept in QueueTally: every save that changes
    # the room or the status moves one count, in the same transaction. Writes that bypass
    # save() (QuerySet.update, bulk_create) must call QueueTally.objects.move themselves.
    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not {"room", "room_id", "status"} & set(update_fields):
            super().save(*args, **kwargs)
            return
        before = getattr(self, "_tally_key", None)
        adding = self._state.adding
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)
            after = _tally_key(self)
            # A row loaded without its room or status has no known "before": leave it to
            # the recount rather than count it twice.
            if after != before and (adding or before is not None):
                QueueTally.objects.move(before=before, after=after)
        self._tally_key = after

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._tally_key = _tally_key(instance)
        return instance

    @property
    def is_open(self) -> bool:
        """Still being worked on (the SLA clock matters); resolved and closed ones are not."""
        return self.status in OPEN_STATUSES


def _tally_key(grievance: "Grievance") -> tuple[int, str] | None:
    loaded = grievance.__dict__
    if "room_id" not in loaded or "status" not in loaded:
        return None  # deferred: not a row we can account for
    return (loaded["room_id"], loaded["status"])


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


# Values of a timeline message that are labels of our own, so translated when read.
TRANSLATED_PARAMS = frozenset({"channel", "room", "from", "to", "field", "chosen", "predicted"})


class TimelineEntry(models.Model):
    """An immutable record of something that happened to a grievance."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="timeline")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=30)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True)
    # System-written notes are kept as an English message id with its values and rendered in
    # the reader's language (`text`): {"id": msgid, "params": {...}}; `note` keeps the English
    # words (and old rows' text). One column, so the sweep's bulk insert stays one statement.
    message = models.JSONField(default=dict, blank=True)
    is_internal = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.grievance_id} {self.action}"

    @property
    def text(self) -> str:
        """The note in the active language: a message id is translated now, with those of its
        values that are labels (a channel, a field, a category) translated too; words someone
        wrote (a reason) stay as written."""
        message_id = (self.message or {}).get("id", "")
        if not message_id:
            return self.note
        values = {
            key: gettext(value) if key in TRANSLATED_PARAMS and isinstance(value, str) else value
            for key, value in self.message.get("params", {}).items()
        }
        try:
            return gettext(message_id) % values
        except (KeyError, TypeError, ValueError):
            return self.note


class Message(models.Model):
    """A message in the thread between the MSME and officers; internal notes are officer-only."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(max_length=10000)
    is_internal = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.grievance_id}: {self.body[:40]}"


class Attachment(models.Model):
    """A PDF, JPG or PNG stored outside the web root and served only to those allowed."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField(upload_to="grievances/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name


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


class CannedReply(models.Model):
    """A reply text kept by the hub that officers can insert into a message."""

    title = models.CharField(max_length=100)
    body = models.TextField()
    category = models.CharField(max_length=20, choices=Category.choices, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "canned replies"

    def __str__(self) -> str:
        return self.title


class Triage(models.Model):
    """What the AI models predicted for a grievance's own text, for one message of its thread,
    or for the whole thread, with each label's confidence (0-1), the model versions and an
    explanation an officer can read. Runs add rows; the newest of a scope is the current one.
    Officers only: the MSME never sees these."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="triages")
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, null=True, blank=True, related_name="triages"
    )
    scope = models.CharField(max_length=10, choices=TriageScope.choices)
    category = models.CharField(max_length=20, blank=True)
    category_confidence = models.FloatField(default=0)
    department = models.CharField(max_length=200, blank=True)
    department_confidence = models.FloatField(default=0)
    urgency = models.CharField(max_length=10, blank=True)
    urgency_confidence = models.FloatField(default=0)
    urgency_signals = models.JSONField(default=list, blank=True)
    language = models.CharField(max_length=10, blank=True)
    language_confidence = models.FloatField(default=0)
    sentiment = models.CharField(max_length=16, blank=True)
    sentiment_confidence = models.FloatField(default=0)
    emotion = models.CharField(max_length=16, blank=True)
    emotion_confidence = models.FloatField(default=0)
    explanation = models.JSONField(default=dict, blank=True)
    model_versions = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["grievance", "scope", "-id"])]

    def __str__(self) -> str:
        return f"{self.grievance_id} {self.scope}: {self.category}"


class TriageOverride(models.Model):
    """An officer's answer to one prediction (category, department or priority): an override
    when the chosen label differs from the predicted one, an acceptance when it is the same.
    Both become training examples for the next `champions triage train`."""

    grievance = models.ForeignKey(
        Grievance, on_delete=models.CASCADE, related_name="triage_overrides"
    )
    triage = models.ForeignKey(
        Triage, on_delete=models.SET_NULL, null=True, blank=True, related_name="overrides"
    )
    field = models.CharField(max_length=12, choices=TriageField.choices)
    predicted = models.CharField(max_length=200)
    chosen = models.CharField(max_length=200)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    model_version = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["field", "created_at"])]

    def __str__(self) -> str:
        return f"{self.grievance_id} {self.field}: {self.predicted} -> {self.chosen}"

    @property
    def is_override(self) -> bool:
        return self.predicted != self.chosen


class GrievanceVector(models.Model):
    """The sentence embedding of a grievance's subject and description (float32 bytes), written
    by a task after the lodging commits; duplicates and systemic clusters are found with it."""

    grievance = models.OneToOneField(
        Grievance, on_delete=models.CASCADE, primary_key=True, related_name="vector"
    )
    vector = models.BinaryField()
    dimensions = models.PositiveSmallIntegerField()
    model_version = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.grievance_id} ({self.dimensions})"


class DuplicateCandidate(models.Model):
    """An earlier grievance of the same MSME that says much the same thing: shown to officers,
    who may merge the two in one click."""

    grievance = models.ForeignKey(
        Grievance, on_delete=models.CASCADE, related_name="duplicate_candidates"
    )
    earlier = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="+")
    similarity = models.FloatField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-similarity"]
        constraints = [
            models.UniqueConstraint(fields=["grievance", "earlier"], name="one_candidate_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.grievance_id} ~ {self.earlier_id} ({self.similarity:.2f})"
