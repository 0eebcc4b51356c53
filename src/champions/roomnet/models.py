"""The rooms working as one network: who is on duty, the hub's scheduled reviews of each
spoke (a generated agenda, minutes, decisions, a video-conference link) and consultations
between rooms on a grievance."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL
ROOM = "controlrooms.ControlRoom"


class OnDuty(models.Model):
    room = models.ForeignKey(ROOM, on_delete=models.CASCADE, related_name="+")
    officer = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["room", "officer", "day"], name="on_duty_once")
        ]

    def __str__(self) -> str:
        return f"{self.officer_id} @ {self.room_id} on {self.day}"


class Review(models.Model):
    room = models.ForeignKey(ROOM, on_delete=models.CASCADE, related_name="+")
    scheduled_for = models.DateTimeField(_("scheduled for"))
    video_link = models.URLField(_("video-conference link"), blank=True)
    agenda = models.JSONField(default=dict)  # built from the room's items when scheduled
    agenda_built_at = models.DateTimeField(null=True)
    minutes = models.TextField(_("minutes"), blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-scheduled_for", "-id"]

    def __str__(self) -> str:
        return f"review of {self.room_id} on {self.scheduled_for:%Y-%m-%d}"


class Decision(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    text = models.CharField(_("decision"), max_length=500)
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", null=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Consultation(models.Model):
    grievance = models.ForeignKey(
        "grievances.Grievance", on_delete=models.CASCADE, related_name="+"
    )
    from_room = models.ForeignKey(ROOM, on_delete=models.PROTECT, related_name="+")
    to_room = models.ForeignKey(ROOM, on_delete=models.PROTECT, related_name="+")
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.grievance_id}: {self.from_room_id} → {self.to_room_id}"


class ConsultationMessage(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]
