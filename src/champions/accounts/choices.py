from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ENTREPRENEUR = "entrepreneur", _("Entrepreneur")
    SPOKE_OFFICER = "spoke_officer", _("Spoke officer")
    HUB_OFFICER = "hub_officer", _("Hub officer")
    LEADERSHIP = "leadership", _("Ministry leadership")
    ANALYST = "analyst", _("Analyst")
    ADMINISTRATOR = "administrator", _("Administrator")
    # Decides appeals, and nothing else; never someone who acted on the grievance.
    APPELLATE_OFFICER = "appellate_officer", _("Appellate officer")
    CENTRE_STAFF = "centre_staff", _("Technology centre staff")


OFFICER_ROLES = frozenset(
    {
        Role.SPOKE_OFFICER,
        Role.HUB_OFFICER,
        Role.LEADERSHIP,
        Role.ADMINISTRATOR,
        Role.APPELLATE_OFFICER,
    }
)
# Roles that see every enterprise and every grievance in the country.
NATIONAL_ROLES = frozenset(
    {Role.HUB_OFFICER, Role.LEADERSHIP, Role.ADMINISTRATOR, Role.APPELLATE_OFFICER}
)


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    HINDI = "hi", "हिन्दी"


class ContactChannel(models.TextChoices):
    """The values of `notifications.choices.ChannelName` (notifications sit above accounts)."""

    IN_APP = "in_app", _("On this site")
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")
