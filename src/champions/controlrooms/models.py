"""The hub-and-spoke network of control rooms that handle MSME grievances."""

from django.db import models


class ControlRoom(models.Model):
    """A control room: the hub in New Delhi or a spoke hosted in a field office."""

    class Kind(models.TextChoices):
        HUB = "hub", "Hub"
        SPOKE = "spoke", "Spoke"

    class HostType(models.TextChoices):
        DC_MSME = "dc_msme", "Office of the Development Commissioner (MSME)"
        MSME_DI = "msme_di", "MSME Development and Facilitation Office (MSME-DI)"
        BRANCH_MSME_DI = "branch_msme_di", "Branch MSME-DI"
        KVIC = "kvic", "KVIC office"
        NSIC = "nsic", "NSIC office"
        COIR_BOARD = "coir_board", "Coir Board office"

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=5, choices=Kind.choices, default=Kind.SPOKE)
    host_office = models.CharField(max_length=200)
    host_type = models.CharField(max_length=20, choices=HostType.choices)
    city = models.CharField(max_length=100)
    state = models.ForeignKey("core.State", on_delete=models.PROTECT, related_name="+")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    is_active = models.BooleanField(default=True)

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
