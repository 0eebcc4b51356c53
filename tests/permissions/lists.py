"""Lists scoped to the reader: each shows an object's marker (its name, number or title) to
the roles that may read the object, and to no one else."""

from dataclasses import dataclass

from .matrix import OWNER_READ, READ


@dataclass(frozen=True)
class Listing:
    name: str
    path: str
    marker: str  # the kind of object whose marker (world.markers) is looked for
    allowed: frozenset  # "owner" and "spoke" stand for the side's owner and room officer


OFFICERS_READ = READ | {"spoke"}
LISTS = [
    Listing("web:registry:enterprise_list", "/enterprises/", "enterprise", OWNER_READ),
    Listing(
        "GET /api/v1/registry/enterprises", "/api/v1/registry/enterprises", "enterprise", OWNER_READ
    ),
    Listing("web:grievances:list", "/grievances/", "grievance", OWNER_READ),  # officers: the queue
    Listing("web:grievances:queue", "/grievances/queue/", "grievance", OFFICERS_READ),
    Listing("GET /api/v1/grievances", "/api/v1/grievances", "grievance", OWNER_READ),
    Listing("web:cases:queue", "/cases/", "case", OFFICERS_READ),  # owners: the overview
    Listing("GET /api/v1/cases/", "/api/v1/cases/", "case", OWNER_READ),
    Listing("web:cases:my_steps", "/cases/my-steps/", "step", frozenset({"owner"})),
    Listing("GET /api/v1/cases/my-steps", "/api/v1/cases/my-steps", "step", frozenset({"owner"})),
    Listing("web:samadhaan:list", "/samadhaan/", "filing", OWNER_READ),
    Listing("GET /api/v1/samadhaan/filings", "/api/v1/samadhaan/filings", "filing", OWNER_READ),
    Listing(
        "web:clusters:request_list",
        "/centres/requests/",
        "enterprise",
        READ | {"owner", "centre_staff"},
    ),
    Listing("web:assistant:callbacks", "/assistant/callbacks/", "callback", OFFICERS_READ),
    # A drive's page: every unit sees the drive; the answers only its poster and the country.
    Listing(
        "web:opportunities:detail",
        "/opportunities/{opportunity}/",
        "response",
        frozenset({"spoke", "owner", "hub", "leadership", "administrator", "appellate"}),
    ),
    # A cluster's page: its private posts for its members (and coordinator) only.
    Listing(
        "web:clusters:cluster_detail",
        "/clusters/{cluster}/",
        "document",
        frozenset({"owner", "spoke"}),
    ),
    Listing("web:notifications:list", "/notifications/", "notification", frozenset({"owner"})),
]
