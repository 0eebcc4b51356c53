"""The grievances' writes, as other apps (and the interfaces) call them.

Each use case lives in its own package (`intake`, `workflow`, `thread`, `routing`, `queue`,
`sla`, `attachments`, `triage_link`); this module names the ones callers may use, so a caller
does not depend on how the app is arranged inside. See docs/ARCHITECTURE.md, "Inside grievances".
"""

from .attachments.services import attachments_add
from .errors import DefaultPolicyKept, NothingToReview, TransitionRefused
from .intake.services import (
    MAX_DESCRIPTION,
    GrievanceInput,
    LodgeResult,
    grievance_lodge,
    grievance_lodge_with_attachments,
)
from .queue.services import (
    BULK_LIMIT,
    BulkResult,
    grievances_bulk_assign_to_me,
    grievances_bulk_transfer,
)
from .remote import grievance_cpgrams_acknowledged, grievance_remote_change
from .routing.rerouting import grievances_reroute
from .routing.services import grievance_transfer
from .sla.services import (
    SLA_DAY_FIELDS,
    SlaPolicyInput,
    holiday_add,
    holiday_delete,
    sla_policy_delete,
    sla_policy_save,
)
from .sla.sweep import SweepResult, sla_sweep
from .thread.services import (
    grievance_contacts_erase,
    grievance_message_add,
    grievance_message_add_with_attachments,
)
from .triage_link.predictions import grievance_triage_backfill, grievance_triage_missing_count
from .triage_link.services import grievance_triage_decide, triage_value_label
from .workflow.services import (
    actor_kind,
    grievance_assign_to,
    grievance_merge,
    grievance_rate,
    grievance_refer,
    grievance_transition,
)

__all__ = [
    "BULK_LIMIT",
    "MAX_DESCRIPTION",
    "SLA_DAY_FIELDS",
    "BulkResult",
    "DefaultPolicyKept",
    "GrievanceInput",
    "LodgeResult",
    "NothingToReview",
    "SlaPolicyInput",
    "SweepResult",
    "TransitionRefused",
    "actor_kind",
    "attachments_add",
    "grievance_assign_to",
    "grievance_contacts_erase",
    "grievance_cpgrams_acknowledged",
    "grievance_lodge",
    "grievance_lodge_with_attachments",
    "grievance_merge",
    "grievance_message_add",
    "grievance_message_add_with_attachments",
    "grievance_rate",
    "grievance_refer",
    "grievance_remote_change",
    "grievance_transfer",
    "grievance_transition",
    "grievance_triage_backfill",
    "grievance_triage_decide",
    "grievance_triage_missing_count",
    "grievances_bulk_assign_to_me",
    "grievances_bulk_transfer",
    "grievances_reroute",
    "holiday_add",
    "holiday_delete",
    "sla_policy_delete",
    "sla_policy_save",
    "sla_sweep",
    "triage_value_label",
]
