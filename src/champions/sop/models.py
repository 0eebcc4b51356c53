"""Onboarding progress: the checklist items an officer has ticked and their quiz attempts."""

from django.conf import settings
from django.db import models

USER = settings.AUTH_USER_MODEL


class ChecklistTick(models.Model):
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=60)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "code"], name="sop_tick_once")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.code}"


class QuizAttempt(models.Model):
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.score}"
