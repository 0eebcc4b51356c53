"""Reads of the clusters app (technology centres, service requests, virtual clusters)."""

from .clusters import (  # noqa: F401
    CommonNeed,
    Suggestion,
    cluster_activity_by_enterprise,
    cluster_common_needs,
    cluster_feed,
    cluster_get,
    cluster_list,
    cluster_members,
    cluster_post_get_for_user,
    cluster_suggestions,
    member_enterprise_ids,
    memberships_pending,
    user_is_coordinator,
    user_is_member,
    user_memberships,
)
from .requests import (  # noqa: F401
    CentreDemand,
    Directory,
    centre_demand_summary,
    centre_directory,
    centre_get,
    centre_queryset,
    home_state_codes_for_user,
    service_request_get_for_user,
    service_request_list_for_user,
    service_request_queryset_for_user,
    user_centre_id,
)
