"""The hub-and-spoke network of control rooms that handle MSME grievances."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Origin(models.TextChoices):
    DEFAULT = "default", _("Shipped default")
    PAGE = "page", _("Added by the hub")
    IMPORT = "import", _("Imported")


class ControlRoom(models.Model):
    """A control room: the hub in New Delhi or a spoke hosted in a field office."""

    class Kind(models.TextChoices):
        HUB = "hub", _("Hub")
        SPOKE = "spoke", _("State control room")

    class HostType(models.TextChoices):
        DC_MSME = "dc_msme", _("Office of the Development Commissioner (MSME)")
        MSME_DI = (
            "msme_di",
            _("MSME Development and Facilitation Office (MSME-DFO, formerly MSME-DI)"),
        )
        BRANCH_MSME_DI = "branch_msme_di", _("Branch MSME-DFO")
        KVIC = "kvic", _("KVIC office")
        NSIC = "nsic", _("NSIC office")
        COIR_BOARD = "coir_board", _("Coir Board office")

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    # The name on Hindi pages (`core.names`); blank: the English name is shown, marked as such.
    name_hi = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=5, choices=Kind.choices, default=Kind.SPOKE)
    host_office = models.CharField(max_length=200)
    host_type = models.CharField(max_length=20, choices=HostType.choices)
    city = models.CharField(max_length=100)
    state = models.ForeignKey("core.State", on_delete=models.PROTECT, related_name="+")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    is_active = models.BooleanField(default=True)
    # Where the room came from: the shipped default network (one room per state/UT, to be
    # replaced with the ministry's list), the hub's page, or a CSV import.
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.DEFAULT)
    closed_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_rooms"
    )

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(kind="hub"), name="one_hub_only"
            )
        ]

    def __str__(self) -> str:
        return self.name


class RoomDistrict(models.Model):
    """A district covered by a spoke. A district belongs to at most one room (unique)."""

    room = models.ForeignKey(ControlRoom, on_delete=models.CASCADE, related_name="coverage")
    district = models.OneToOneField(
        "core.District", on_delete=models.PROTECT, related_name="control_room_coverage"
    )

    class Meta:
        ordering = ["district__name"]

    def __str__(self) -> str:
        return f"{self.district} → {self.room}"


class RoomChange(models.Model):
    """The change log of the network: who changed which room, when, and what (immutable).

    A change that touches two rooms (districts moved, a merge) is written once on each."""

    class Action(models.TextChoices):
        CREATED = "created", _("Room added")
        UPDATED = "updated", _("Room renamed or edited")
        DISTRICTS_IN = "districts_in", _("Districts moved in")
        DISTRICTS_OUT = "districts_out", _("Districts moved out")
        MERGED = "merged", _("Merged into another room")
        MERGED_IN = "merged_in", _("Another room merged in")
        CLOSED = "closed", _("Closed")
        GRIEVANCES_MOVED = "grievances_moved", _("Open grievances moved")
        OFFICERS_MOVED = "officers_moved", _("Officers moved")

    room = models.ForeignKey(ControlRoom, on_delete=models.CASCADE, related_name="changes")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    summary = models.TextField()
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["room", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.room_id} {self.action}"
