from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    USER = "user", _("Visitor")
    ASSISTANT = "assistant", _("Assistant")


class Outcome(models.TextChoices):
    """What kind of reply the assistant gave."""

    ANSWERED = "answered", _("Answered from a source")
    UNKNOWN = "unknown", _("Did not know")
    REFUSED = "refused", _("Refused (off-topic or abusive)")
    QUESTION = "question", _("Asked for a fact")
    ELIGIBILITY = "eligibility", _("Eligibility result")
    GRIEVANCES = "grievances", _("Own grievances")
    OWN = "own", _("Own enterprise")
    HANDOFF = "handoff", _("Call-back requested")


class Rating(models.TextChoices):
    HELPFUL = "helpful", _("Helpful")
    NOT_HELPFUL = "not_helpful", _("Not helpful")


class CallbackStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a call")
    DONE = "done", _("Called back")


LANGUAGES = ("en", "hi", "hinglish")
