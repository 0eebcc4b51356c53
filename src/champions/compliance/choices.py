from django.db import models
from django.utils.translation import gettext_lazy as _


class GstFiling(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly (QRMP scheme)")


class BuyerType(models.TextChoices):
    PRIVATE = "private", _("Private business")
    CENTRAL_PSU = "central_psu", _("Central public sector undertaking (CPSE)")
    CENTRAL_GOVERNMENT = "central_government", _("Central ministry or department")
    STATE_GOVERNMENT = "state_government", _("State government, its department or undertaking")
    OTHER = "other", _("Other")
