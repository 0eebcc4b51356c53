from django.db import models
from django.utils.translation import gettext_lazy as _


class OpportunityKind(models.TextChoices):
    PROCUREMENT = "procurement", _("Procurement need")
    EXPORT = "export", _("Export lead")
    DEMAND_DRIVE = "demand_drive", _("Demand drive")


class OpportunityStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    AWARDED = "awarded", _("Orders placed with responding units")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("No suitable response")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class FactKind(models.TextChoices):
    """Facts an officer records about a unit, with their source (used by the sparks score)."""

    ZED_CERTIFICATE = "zed", _("ZED certificate")
    ISO_CERTIFICATE = "iso", _("ISO or BIS certificate")
    SCHEME_BENEFIT = "scheme", _("Benefit received under a scheme")


class ActionKind(models.TextChoices):
    CALL = "call", _("Phone call")
    VISIT = "visit", _("Visit to the unit")
    SCHEME_REFERRAL = "scheme_referral", _("Referred to a scheme")
    MENTORING = "mentoring", _("Mentoring or training")
    BUYER_MEET = "buyer_meet", _("Introduced to buyers")
    OTHER = "other", _("Other help")


# Sectors for the sparks list: NIC-2008 divisions. Electronics first (the 500 champions goal).
SECTORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "electronics": (_("Electronics (NIC 26)"), ("26",)),
    "electrical": (_("Electrical equipment (NIC 27)"), ("27",)),
    "auto_components": (_("Motor vehicle parts (NIC 29)"), ("29",)),
    "machinery": (_("Machinery (NIC 28)"), ("28",)),
    "metal": (_("Metals and metal products (NIC 24-25)"), ("24", "25")),
    "textiles": (_("Textiles and apparel (NIC 13-14)"), ("13", "14")),
    "pharma": (_("Pharmaceuticals (NIC 21)"), ("21",)),
    "food": (_("Food and beverages (NIC 10-11)"), ("10", "11")),
    "all": (_("All sectors"), ()),
}
