"""The grievances' reads, as other apps (and the interfaces) call them: always scoped to what
the user may see (404 otherwise), or aggregates without personal data for the dashboards.

Each read lives with its use case (`scope`, `intake`, `queue`, `thread`, `sla`, `workflow`,
`triage_link`, `reporting`, `routing`); this module names the ones callers may use.
"""

from .attachments.selectors import attachment_get_for_user
from .intake.selectors import (
    TrackResult,
    grievance_acknowledgement_get,
    grievance_track,
    grievance_track_result,
)
from .queue.selectors import (
    QUEUE_SORTS,
    QueueCursor,
    QueueResult,
    StatusCount,
    grievance_queue,
    grievance_queue_for_user,
    grievance_queue_page,
    officer_can_take,
    officer_get,
    queue_counts_by_status,
    queue_counts_for_user,
    queue_status_counts_for_user,
    room_officer_list,
)
from .remote import grievance_for_cpgrams
from .reporting.selectors import (
    GrievanceFacts,
    TimelineFeedRow,
    TriageFeedRow,
    grievance_facts,
    grievance_outcomes_by_enterprise,
    timeline_feed,
    triage_feed,
)
from .routing.rerouting import open_grievance_count, open_grievance_counts_by_room
from .scope import (
    grievance_get_by_number_for_user,
    grievance_get_for_user,
    grievance_list_by_ids_for_user,
    grievance_list_for_user,
    grievance_queryset_for_user,
)
from .sla.forecast import resolution_forecast
from .sla.selectors import (
    calendar_for,
    holiday_list,
    holiday_years,
    sla_policy_for,
    sla_policy_get,
    sla_policy_list,
    user_edits_service_levels,
)
from .thread.selectors import (
    GrievanceDetail,
    canned_reply_list,
    grievance_detail_get_for_user,
    grievance_personal_data,
)
from .triage_link.selectors import (
    GrievanceVectorRow,
    TriagePanel,
    TriageReviewCount,
    grievance_vectors_since,
    triage_decision_totals,
    triage_panel_get,
    triage_review_counts,
)
from .workflow.selectors import organisation_hindi_name, referral_organisation_list

__all__ = [
    "QUEUE_SORTS",
    "GrievanceDetail",
    "GrievanceFacts",
    "GrievanceVectorRow",
    "QueueCursor",
    "QueueResult",
    "StatusCount",
    "TimelineFeedRow",
    "TrackResult",
    "TriageFeedRow",
    "TriagePanel",
    "TriageReviewCount",
    "attachment_get_for_user",
    "calendar_for",
    "canned_reply_list",
    "grievance_acknowledgement_get",
    "grievance_detail_get_for_user",
    "grievance_facts",
    "grievance_for_cpgrams",
    "grievance_get_by_number_for_user",
    "grievance_get_for_user",
    "grievance_list_by_ids_for_user",
    "grievance_list_for_user",
    "grievance_outcomes_by_enterprise",
    "grievance_personal_data",
    "grievance_queryset_for_user",
    "grievance_queue",
    "grievance_queue_for_user",
    "grievance_queue_page",
    "grievance_track",
    "grievance_track_result",
    "grievance_vectors_since",
    "holiday_list",
    "holiday_years",
    "officer_can_take",
    "officer_get",
    "open_grievance_count",
    "open_grievance_counts_by_room",
    "organisation_hindi_name",
    "queue_counts_by_status",
    "queue_counts_for_user",
    "queue_status_counts_for_user",
    "referral_organisation_list",
    "resolution_forecast",
    "room_officer_list",
    "sla_policy_for",
    "sla_policy_get",
    "sla_policy_list",
    "timeline_feed",
    "triage_decision_totals",
    "triage_feed",
    "triage_panel_get",
    "triage_review_counts",
    "user_edits_service_levels",
]
