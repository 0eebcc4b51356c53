from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    VERIFIED = "verified", _("Verified")
    NOT_FOUND = "not_found", _("Not verified: no such Udyam registration")
    MISMATCH = "mismatch", _("Mismatch with the Udyam registration")
    BAD_FORMAT = "bad_format", _("Not verified: not a Udyam number")


class Field(models.TextChoices):
    NAME = "name", _("name")
    CATEGORY = "category", _("classification")
