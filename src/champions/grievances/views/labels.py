"""What the grievance pages call things: timeline entries, statuses for the MSME, help."""

from django.utils.translation import gettext_lazy, ngettext_lazy

from ..choices import Status
from ..forms.actions import BulkForm
from ..workflow.table import Action

TIMELINE_LABELS = {
    "lodged": gettext_lazy("Lodged"),
    "assign": gettext_lazy("Assigned"),
    "reassigned": gettext_lazy("Reassigned"),
    "start": gettext_lazy("Work started"),
    "ask_msme": gettext_lazy("Information asked of the MSME"),
    "msme_reply": gettext_lazy("The MSME replied"),
    "resolve": gettext_lazy("Resolved"),
    "reopen": gettext_lazy("Reopened"),
    "close": gettext_lazy("Closed"),
    "appeal": gettext_lazy("Appealed"),
    "decide_appeal": gettext_lazy("Appeal decided"),
    "transferred": gettext_lazy("Transferred"),
    "rerouted": gettext_lazy("Control room changed"),
    "refer": gettext_lazy("Referred to another department"),
    "escalated": gettext_lazy("Escalated"),
    "sla_at_risk": gettext_lazy("Service level at risk"),
    "sla_breached": gettext_lazy("Service level breached"),
    "message": gettext_lazy("Message"),
    "note": gettext_lazy("Internal note"),
    "attachment": gettext_lazy("Files attached"),
    "merged": gettext_lazy("Merged into another grievance"),
    "merged_in": gettext_lazy("A duplicate was merged in"),
    "triage_accept": gettext_lazy("AI suggestion accepted"),
    "triage_override": gettext_lazy("AI suggestion overridden"),
    "cpgrams_registered": gettext_lazy("Registered on CPGRAMS"),
    "cpgrams_remark": gettext_lazy("Update from CPGRAMS"),
    "cpgrams_conflict": gettext_lazy("CPGRAMS update not applied"),
}


# What the MSME reads about where the grievance stands, and what happens next.
OWNER_STATUS = {
    Status.SUBMITTED: (
        gettext_lazy("Received. A control room will take it up soon."),
        gettext_lazy("An officer will be assigned; you will be told."),
    ),
    Status.ASSIGNED: (
        gettext_lazy("An officer has it."),
        gettext_lazy("The officer looks into it and may ask you a question here."),
    ),
    Status.IN_PROGRESS: (
        gettext_lazy("An officer is working on it."),
        gettext_lazy("You will be told when it is resolved or if a question comes up."),
    ),
    Status.AWAITING_MSME: (
        gettext_lazy("The officer needs an answer from you."),
        gettext_lazy("Answer the question below; the officer's clock starts again when you do."),
    ),
    Status.RESOLVED: (
        gettext_lazy("The officer says it is resolved."),
        gettext_lazy("Check the resolution, then rate it, or reopen it if it is not settled."),
    ),
    Status.REOPENED: (
        gettext_lazy("You reopened it."),
        gettext_lazy("An officer takes it up again."),
    ),
    Status.CLOSED: (
        gettext_lazy("Closed."),
        gettext_lazy("If the matter is not settled you may appeal to the hub."),
    ),
    Status.APPEALED: (
        gettext_lazy("Your appeal is with the hub's appellate officer."),
        gettext_lazy("The decision and its reasons will appear here."),
    ),
    Status.APPEAL_DECIDED: (
        gettext_lazy("The appeal is decided."),
        gettext_lazy("The decision and its reasons are shown above."),
    ),
}


# Said next to each of the MSME's buttons, before the click.
ACTION_HELP = {
    Action.REOPEN: gettext_lazy(
        "Not settled? Reopen it within 15 days of the resolution and say what is missing."
    ),
    Action.CLOSE: gettext_lazy("Settled? Close it; you can still rate it."),
    Action.APPEAL: gettext_lazy(
        "An appeal goes to the hub's appellate officer, who decides it within the appeal "
        "period and gives reasons. Say why the resolution is not acceptable."
    ),
}


BULK_DONE = {
    BulkForm.ASSIGN_TO_ME: ngettext_lazy(
        "%(count)s grievance assigned to you.", "%(count)s grievances assigned to you.", "count"
    ),
    BulkForm.TRANSFER: ngettext_lazy(
        "%(count)s grievance transferred.", "%(count)s grievances transferred.", "count"
    ),
}
