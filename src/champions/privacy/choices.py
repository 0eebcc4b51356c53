from django.db import models
from django.utils.translation import gettext_lazy as _

# Bumped whenever the notice's substance changes; each consent records the version it saw.
NOTICE_VERSION = "2026-12-04"


class ErasureStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Erased")
    REFUSED = "refused", _("Refused")
