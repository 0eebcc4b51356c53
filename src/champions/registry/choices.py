from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    MICRO = "micro", _("Micro")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")
    NONE = "none", _("Not an MSME")


class Activity(models.TextChoices):
    MANUFACTURING = "manufacturing", _("Manufacturing")
    SERVICES = "services", _("Services")
    TRADING = "trading", _("Trading")


class OrganisationType(models.TextChoices):
    PROPRIETARY = "proprietary", _("Proprietorship")
    PARTNERSHIP = "partnership", _("Partnership firm")
    HUF = "huf", _("Hindu undivided family")
    LLP = "llp", _("Limited liability partnership")
    PRIVATE_LIMITED = "private_limited", _("Private limited company")
    PUBLIC_LIMITED = "public_limited", _("Public limited company")
    COOPERATIVE = "cooperative", _("Co-operative society")
    SOCIETY = "society", _("Society")
    TRUST = "trust", _("Trust")
    SELF_HELP_GROUP = "self_help_group", _("Self-help group")
    OTHER = "other", _("Other")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    TRANSGENDER = "transgender", _("Transgender")


class SocialCategory(models.TextChoices):
    GENERAL = "general", _("General")
    SC = "sc", _("Scheduled Caste")
    ST = "st", _("Scheduled Tribe")
    OBC = "obc", _("Other Backward Class")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    VALIDATING = "validating", _("Checking rows")
    SAVING = "saving", _("Saving")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
