"""Reads of the cases app: cases and steps (scoped to the user) and the one-page overview."""

from .cases import (  # noqa: F401
    CaseDetail,
    QueueCounts,
    case_detail,
    case_get_for_user,
    case_queryset_for_user,
    case_queue,
    case_view_queryset,
    cases_dashboard_panel,
    cases_for_enterprise,
    step_get_for_user,
    steps_for_owner,
)
from .overview import Overview, enterprise_overview  # noqa: F401
