from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    GRIEVANCE = "grievance", _("Grievance")
    SUGGESTION = "suggestion", _("Suggestion or idea")


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    API = "api", _("API")
    PHONE = "phone", _("Phone call")
    VIDEO = "video", _("Video call")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    OPEN311 = "open311", _("Open311")
    CPGRAMS = "cpgrams", _("CPGRAMS")


OFFICER_INTAKE_CHANNELS = (Channel.PHONE, Channel.VIDEO, Channel.EMAIL, Channel.LETTER)


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    AWAITING_MSME = "awaiting_msme", _("Awaiting the MSME")
    RESOLVED = "resolved", _("Resolved")
    REOPENED = "reopened", _("Reopened")
    CLOSED = "closed", _("Closed")
    APPEALED = "appealed", _("Appealed")
    APPEAL_DECIDED = "appeal_decided", _("Appeal decided")


OPEN_STATUSES = frozenset(
    {
        Status.SUBMITTED,
        Status.ASSIGNED,
        Status.IN_PROGRESS,
        Status.AWAITING_MSME,
        Status.REOPENED,
        Status.APPEALED,
    }
)


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


class Category(models.TextChoices):
    """The MSME grievance taxonomy (shared with triage)."""

    DELAYED_PAYMENT = "delayed_payment", _("Delayed payment")
    CREDIT = "credit", _("Credit and loans")
    SUBSIDY = "subsidy", _("Subsidy or scheme benefit")
    RAW_MATERIAL = "raw_material", _("Raw material")
    LABOUR = "labour", _("Labour")
    LICENCES = "licences", _("Licences, permissions and inspections")
    TAXATION = "taxation", _("Taxation (GST, income tax)")
    INFRASTRUCTURE = "infrastructure", _("Power, water, land and infrastructure")
    PROCUREMENT = "procurement", _("Public procurement and GeM")
    UDYAM = "udyam", _("Udyam registration")
    TECHNOLOGY = "technology", _("Technology, quality and certification")
    MARKET_ACCESS = "market_access", _("Market access and exports")
    OTHER = "other", _("Other")


class SlaState(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    BREACHED = "breached", _("Breached")
    NONE = "none", _("No SLA")


class EscalationLevel(models.IntegerChoices):
    SPOKE = 0, _("Spoke")
    HUB = 1, _("Hub")
    LEADERSHIP = 2, _("Leadership")


class ComplainantType(models.TextChoices):
    ENTERPRISE = "enterprise", _("A registered enterprise")
    ASPIRING = "aspiring", _("Aspiring entrepreneur")
    ASSOCIATION = "association", _("Industry association")


class FieldSource(models.TextChoices):
    """Who set a grievance's category, priority or department last."""

    DEFAULT = "", _("Default")
    COMPLAINANT = "complainant", _("The MSME")
    TRIAGE = "triage", _("AI triage")
    OFFICER = "officer", _("An officer")


class TriageScope(models.TextChoices):
    GRIEVANCE = "grievance", _("The grievance")
    MESSAGE = "message", _("One message")
    THREAD = "thread", _("The whole thread")


class TriageField(models.TextChoices):
    """The predictions an officer accepts or overrides."""

    CATEGORY = "category", _("Category")
    DEPARTMENT = "department", _("Department")
    PRIORITY = "priority", _("Priority")
