"""Separation of duties for appeals: the officer who decides an appeal must not have acted on
the grievance before it was appealed (been its assignee, written a timeline entry such as
assign, start, resolve or a transfer, or written in its thread). Registered with the
permission policy (`accounts.policy.conflict_register`) from `GrievancesConfig.ready()`, so
`can` hides the decision from such an officer and `require` answers 403 with the reason."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .models import Message, TimelineEntry
from .workflow.table import Action

ACTED_ON_IT = gettext_noop(
    "You acted on this grievance before it was appealed, so you may not decide the appeal: "
    "it goes to an appellate officer who did not act on it."
)


def appeal_conflict(user, grievance) -> str:
    """Why `user` may not decide this grievance's appeal ("" when they may)."""
    if getattr(grievance, "pk", None) is None:
        return ""  # not a stored grievance: no record to have acted on
    if grievance.assignee_id is not None and grievance.assignee_id == user.pk:
        return _(ACTED_ON_IT)
    entries = TimelineEntry.objects.filter(grievance_id=grievance.pk)
    appeal = entries.filter(action=Action.APPEAL).order_by("-id").values("id", "created_at")
    before = appeal.first() or {"id": None, "created_at": None}
    acted = entries.filter(actor_id=user.pk)
    wrote = Message.objects.filter(grievance_id=grievance.pk, author_id=user.pk)
    if before["id"] is not None:
        acted = acted.filter(id__lt=before["id"])
        wrote = wrote.filter(created_at__lt=before["created_at"])
    return _(ACTED_ON_IT) if acted.exists() or wrote.exists() else ""
