"""AI triage stored: predictions, officers' decisions, embeddings, likely duplicates."""

from django.conf import settings
from django.db import models

from ..choices import (
    TriageField,
    TriageScope,
)
from .grievance import Grievance
from .thread import Message


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
