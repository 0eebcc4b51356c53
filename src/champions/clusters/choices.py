from django.db import models
from django.utils.translation import gettext_lazy as _


class CentreKind(models.TextChoices):
    TOOL_ROOM = "tool_room", _("Tool room")
    TECHNOLOGY_DEVELOPMENT = "tdc", _("Technology development centre")
    TECHNOLOGY_CENTRE = "technology_centre", _("Technology centre")


class ServiceKind(models.TextChoices):
    MACHINING = "machining", _("Machining")
    CNC = "cnc", _("CNC machining")
    HEAT_TREATMENT = "heat_treatment", _("Heat treatment")
    TESTING = "testing", _("Testing and calibration")
    DESIGN = "design", _("Design (CAD/CAM)")
    TRAINING = "training", _("Training course")


class RequestKind(models.TextChoices):
    JOB = "job", _("A job")
    TRAINING_SEAT = "training_seat", _("A training seat")


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    QUOTED = "quoted", _("Quoted")
    SCHEDULED = "scheduled", _("Scheduled")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_REQUEST_STATUSES = frozenset(
    {RequestStatus.REQUESTED, RequestStatus.QUOTED, RequestStatus.SCHEDULED}
)


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the coordinator")
    APPROVED = "approved", _("Member")
    REJECTED = "rejected", _("Not approved")


class StakeholderKind(models.TextChoices):
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    BANK = "bank", _("Bank or SIDBI branch")
    TECHNOLOGY_CENTRE = "technology_centre", _("Technology centre")
    ASSOCIATION = "association", _("Industry association")
    CONTROL_ROOM = "control_room", _("State control room")


class PostKind(models.TextChoices):
    POST = "post", _("Post")
    EVENT = "event", _("Event")
    DOCUMENT = "document", _("Document")
    QUESTION = "question", _("Question")


class NeedKind(models.TextChoices):
    TESTING_LAB = "testing_lab", _("A shared testing laboratory")
    COMMON_TOOLING = "common_tooling", _("A common tool room or machining facility")
    DESIGN_CENTRE = "design_centre", _("A design and prototyping centre")
    RAW_MATERIAL_BANK = "raw_material_bank", _("A raw material bank")
    TRAINING = "training", _("Skills training for workers")
    MARKETING = "marketing", _("Joint marketing and a common brand")


# Which scheme funds a common need (scheme ids of the schemes catalogue).
NEED_SCHEMES: dict[str, tuple[str, ...]] = {
    NeedKind.TESTING_LAB: ("mse_cdp",),
    NeedKind.COMMON_TOOLING: ("mse_cdp",),
    NeedKind.DESIGN_CENTRE: ("mse_cdp",),
    NeedKind.RAW_MATERIAL_BANK: ("mse_cdp", "sfurti"),
    NeedKind.TRAINING: ("sfurti", "mse_cdp"),
    NeedKind.MARKETING: ("sfurti",),
}
