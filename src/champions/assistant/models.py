"""Conversations with the assistant, each turn with what the answer rested on, and call-back
requests for a person. Transcripts are deleted after `ASSISTANT_TRANSCRIPT_DAYS` (see
`services.transcripts_purge`, run daily by the `assistant-purge` job)."""

import uuid

from django.conf import settings
from django.db import models

from .choices import CallbackStatus, Outcome, Rating, Role


class Conversation(models.Model):
    """One chat. `state` holds the dialogue's context: the last sources cited, the facts given
    for the eligibility questions and the fact being asked."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=10, default="en")
    state = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return str(self.id)


class Turn(models.Model):
    """One message. An assistant turn logs its sources with scores, the model version and the
    latency; a user turn stores the sentiment and emotion triage found in it."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="turns")
    role = models.CharField(max_length=10, choices=Role.choices)
    text = models.TextField()
    language = models.CharField(max_length=10, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    sources = models.JSONField(default=list, blank=True)  # [{"source_id", "score"}], best first
    confidence = models.FloatField(null=True, blank=True)
    model_version = models.CharField(max_length=200, blank=True)
    latency_ms = models.FloatField(null=True, blank=True)
    rephrased = models.BooleanField(default=False)
    sentiment = models.CharField(max_length=20, blank=True)
    emotion = models.CharField(max_length=20, blank=True)
    rating = models.CharField(max_length=12, choices=Rating.choices, blank=True)
    question = models.TextField(blank=True)  # on an assistant turn: the question it answered
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["role", "outcome"]), models.Index(fields=["rating"])]

    def __str__(self) -> str:
        return f"{self.role}: {self.text[:60]}"


class CallbackRequest(models.Model):
    """A visitor asked to talk to a person: it waits in the control room's queue with the
    transcript until an officer marks it called back."""

    conversation = models.ForeignKey(
        Conversation, null=True, on_delete=models.SET_NULL, related_name="callbacks"
    )
    room = models.ForeignKey(
        "controlrooms.ControlRoom", on_delete=models.PROTECT, related_name="assistant_callbacks"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phone = models.CharField(max_length=15)
    language = models.CharField(max_length=10, default="en")
    transcript = models.TextField()
    status = models.CharField(
        max_length=10, choices=CallbackStatus.choices, default=CallbackStatus.OPEN
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["room", "status", "created_at"])]

    def __str__(self) -> str:
        return f"call-back {self.phone} ({self.status})"
