"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over our grievances, as pure
functions: parsing the spec's parameters, mapping statuses, and rendering JSON or XML.

A service is one of our grievance categories; a service request is a grievance, and its
`service_request_id` is the registration number (CHMP/2026/MH/0001234, slashes included).

Where the spec leaves the choice to the server:
- Every requests endpoint needs an `api_key` (a Champions API token from the profile page).
  Grievances are not public records, so GET requests lists and reads only what the key's holder
  may see (their own, their room's, or all for the hub); discovery says so in `key_service`.
- Requests are created synchronously and the answer carries the service_request_id, so we
  issue no tokens: GET tokens/{token} always answers 404.
- Grievances store no coordinates or media: lat/long, address_string and media_url sent with a
  request are kept as lines at the end of its description for the officer, and lat, long,
  address_id and media_url are empty in answers. address and zipcode are the enterprise's.
- GET requests covers at most 90 days (the last 90 when no dates are given) and returns at most
  1000 requests, newest first.


The package: `spec` (constants and texts), `documents` (JSON/XML rendering), `answers` (what
we answer) and `requests` (what we accept); everything is re-exported here.
"""

from champions.grievances.choices import OPEN_STATUSES

from .answers import (
    created_request,
    discovery,
    open311_status,
    service_category,
    service_definition,
    service_list,
    service_notice,
    service_request,
    w3c_datetime,
)
from .documents import (
    DISCOVERY,
    ERRORS,
    LIST_ITEMS,
    SERVICE_DEFINITION,
    SERVICE_REQUESTS,
    SERVICES,
    Document,
    error_list,
    render,
)
from .requests import (
    RequestQuery,
    grievance_input,
    parse_w3c_datetime,
    request_query,
)
from .spec import (
    CHANGESET,
    CLOSED_STATUSES,
    CONTENT_TYPES,
    ENTERPRISE_ATTRIBUTE,
    FIELD_PARAMS,
    GROUP,
    MAX_DAYS,
    MAX_REQUESTS,
    REQUIRED,
    SERVICE_TEXTS,
    SPECIFICATION,
    STATUS_GROUPS,
    SUBJECT_LENGTH,
)

__all__ = [
    "CHANGESET",
    "CLOSED_STATUSES",
    "CONTENT_TYPES",
    "DISCOVERY",
    "ENTERPRISE_ATTRIBUTE",
    "ERRORS",
    "FIELD_PARAMS",
    "GROUP",
    "LIST_ITEMS",
    "MAX_DAYS",
    "MAX_REQUESTS",
    "OPEN_STATUSES",
    "REQUIRED",
    "SERVICES",
    "SERVICE_DEFINITION",
    "SERVICE_REQUESTS",
    "SERVICE_TEXTS",
    "SPECIFICATION",
    "STATUS_GROUPS",
    "SUBJECT_LENGTH",
    "Document",
    "RequestQuery",
    "created_request",
    "discovery",
    "error_list",
    "grievance_input",
    "open311_status",
    "parse_w3c_datetime",
    "render",
    "request_query",
    "service_category",
    "service_definition",
    "service_list",
    "service_notice",
    "service_request",
    "w3c_datetime",
]
