from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    """Our side: has the application reached MSME Samadhaan yet?"""

    QUEUED = "queued", _("Waiting to be sent")
    FILED = "filed", _("Filed")
    FAILED = "failed", _("Not accepted: needs attention")


class RemoteStatus(models.TextChoices):
    """MSME Samadhaan's side: where the application stands before the council."""

    SUBMITTED = "submitted", _("Submitted to MSME Samadhaan")
    COUNCIL = "council", _("Taken up by the Facilitation Council")
    HEARING = "hearing", _("Hearing scheduled")
    AWARD = "award", _("Award passed")
    CLOSED = "closed", _("Closed")


FINAL_STATUSES = frozenset({RemoteStatus.AWARD, RemoteStatus.CLOSED})
STATUS_ORDER = [s.value for s in RemoteStatus]
