"""Writes of the clusters app (service requests, virtual clusters)."""

from ..centres import CENTRES_FILE, centres_load  # noqa: F401
from .clusters import (  # noqa: F401
    PostInput,
    cluster_join_request,
    cluster_need_add,
    cluster_post_create,
    membership_decide,
)
from .requests import (  # noqa: F401
    RequestInput,
    service_request_complete,
    service_request_create,
    service_request_decline,
    service_request_quote,
    service_request_rate,
    service_request_schedule,
)
from .staff import centre_staff_assign  # noqa: F401
