"""What happens to a grievance and what is said about it: timeline, messages, files."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from champions.core.audit import AppendOnlyModel
from champions.core.names import hindi_name_of, is_hindi

from ..audit_chain import TimelineQuerySet, link, link_first
from ..choices import (
    Category,
)
from .grievance import Grievance

# Values of a timeline message that are labels of our own, so translated when read.
TRANSLATED_PARAMS = frozenset(
    {"channel", "room", "from", "to", "field", "chosen", "predicted", "level"}
)
# Of those, the ones that may be a name (a room, a department): shown in Hindi when one is known.
NAME_PARAMS = frozenset(
    {"room", "from", "to", "chosen", "predicted", "department", "assignee_room"}
)


def _param_text(key: str, value):
    if not isinstance(value, str):
        return value
    translated = gettext(value) if key in TRANSLATED_PARAMS else value
    if key in NAME_PARAMS and translated == value and value and is_hindi():
        return hindi_name_of(value) or value
    return translated


class TimelineEntry(AppendOnlyModel):
    """A record of something that happened to a grievance: append-only, and hash-chained per
    grievance (`audit_chain`). A grievance with a record, or a user named in one, cannot be
    deleted (PROTECT): the record would lose its links."""

    grievance = models.ForeignKey(Grievance, on_delete=models.PROTECT, related_name="timeline")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
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
    # A default, not auto_now_add: the time is part of the hash, computed before the insert.
    created_at = models.DateTimeField(default=timezone.now)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    objects = TimelineQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.grievance_id} {self.action}"

    def save(self, *args, starts_chain: bool = False, **kwargs):
        """`starts_chain`: the first entry of a grievance inserted in this same transaction
        (lodging), which needs no lock nor read of an earlier hash (`audit_chain.link_first`)."""
        if not self._state.adding:
            super().save(*args, **kwargs)  # refused: AppendOnlyError
        if starts_chain:
            link_first(self)
            super().save(*args, **kwargs)
            return
        with transaction.atomic(savepoint=False):
            link(TimelineEntry, [self])
            super().save(*args, **kwargs)

    @property
    def text(self) -> str:
        """The note in the active language: a message id is translated now, with those of its
        values that are labels (a channel, a field, a category) translated too; words someone
        wrote (a reason) stay as written."""
        message_id = (self.message or {}).get("id", "")
        if not message_id:
            return self.note
        values = {
            key: _param_text(key, value) for key, value in self.message.get("params", {}).items()
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
