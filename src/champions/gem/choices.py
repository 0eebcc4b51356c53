from django.db import models
from django.utils.translation import gettext_lazy as _


class BidStatus(models.TextChoices):
    OPEN = "open", _("Open for bids")
    EVALUATION = "evaluation", _("Under evaluation")
    AWARDED = "awarded", _("Awarded")
    CANCELLED = "cancelled", _("Cancelled")
    UNKNOWN = "unknown", _("Not found on GeM")
