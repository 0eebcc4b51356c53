"""The object-scoped routes and who may act on each object.

A role set names who gets past the scope check on the object of one side (A or B): "owner"
stands for that side's entrepreneur and "spoke" for the officer of the room that holds it;
every other role in it is allowed on both sides. Anyone not in the set must get 403 or 404.
"""

from dataclasses import dataclass

from .world import ROLES

READ = frozenset({"hub", "leadership", "administrator", "appellate"})  # see every room
WORK = frozenset({"spoke", "hub", "administrator"})  # act on what their room holds
OWNER_READ = READ | {"owner", "spoke"}
OWNER_WORK = WORK | {"owner"}
LOGGED_IN = frozenset(ROLES) - {"anonymous"}
NETWORK = frozenset({"hub", "administrator"})
MANAGE = frozenset(
    {"spoke", "hub", "administrator", "appellate"}
)  # the poster, or the country  # the hub keeps the control-room network


@dataclass(frozen=True)
class Route:
    name: str  # a URL pattern name, or "METHOD /api/path" for an API operation
    method: str
    path: str  # {kind}: the id of that side's object of that kind
    allowed: frozenset
    body: dict | str | None = None  # "{room_other}", "{owner}" ... are filled per side
    anonymous: str = "login"  # or "allowed" (a public page), "refused" (a public operation)
    refusals: frozenset = frozenset({403, 404})  # 422 too where an id out of scope is "unknown"
    changed: str = ""  # a probe (world.probes) telling whether the write took effect


W = "web:"
ROUTES = [
    # registry
    Route(W + "registry:enterprise_detail", "get", "/enterprises/{enterprise}/", OWNER_READ),
    Route(W + "registry:enterprise_update", "get", "/enterprises/{enterprise}/edit/", OWNER_WORK),
    Route(W + "registry:enterprise_update", "post", "/enterprises/{enterprise}/edit/", OWNER_WORK),
    Route(W + "cases:overview", "get", "/enterprises/{enterprise}/overview/", OWNER_READ),
    Route(
        W + "cases:open",
        "post",
        "/enterprises/{enterprise}/cases/new/",
        WORK,
        {"goal": "ZED certification"},
    ),
    Route(W + "compliance:calendar", "get", "/compliance/calendar/{enterprise}/", OWNER_READ),
    Route(W + "compliance:calendar", "post", "/compliance/calendar/{enterprise}/", OWNER_WORK),
    Route(
        W + "compliance:calendar_ics",
        "get",
        "/compliance/calendar/{enterprise}/calendar.ics",
        OWNER_READ,
    ),
    Route(W + "schemes:recommendations", "get", "/schemes/for/{enterprise}/", OWNER_READ),
    Route(W + "gem:seller", "get", "/gem/enterprises/{enterprise}/", OWNER_READ),
    Route(W + "gem:seller", "post", "/gem/enterprises/{enterprise}/", OWNER_READ - {"leadership"}),
    Route(W + "opportunities:spark_detail", "get", "/sparks/{enterprise}/", READ | {"spoke"}),
    Route(
        W + "opportunities:spark_shortlist",
        "post",
        "/sparks/{enterprise}/shortlist/",
        WORK | {"appellate"},
    ),
    # an officer's own registry import
    Route(W + "registry:import_job", "get", "/enterprises/import/{job}/", {"spoke"}),
    Route(W + "registry:import_report", "get", "/enterprises/import/{job}/report.csv", {"spoke"}),
    # grievances
    Route(W + "grievances:detail", "get", "/grievances/{grievance}/", OWNER_READ),
    Route(W + "grievances:acknowledgement", "get", "/grievances/{grievance}/lodged/", OWNER_READ),
    Route(
        W + "grievances:transition",
        "post",
        "/grievances/{grievance}/act/",
        OWNER_WORK,  # the owner's own moves (reopen, appeal) go here; "assign" is then refused
        {"action": "assign"},
    ),
    Route(W + "grievances:message", "post", "/grievances/{grievance}/messages/", OWNER_WORK, {}),
    Route(W + "grievances:rate", "post", "/grievances/{grievance}/rate/", frozenset({"owner"})),
    Route(W + "grievances:transfer", "post", "/grievances/{grievance}/transfer/", WORK),
    Route(W + "grievances:refer", "post", "/grievances/{grievance}/refer/", WORK),
    Route(W + "grievances:assign", "post", "/grievances/{grievance}/assign/", WORK),
    Route(W + "grievances:merge", "post", "/grievances/{grievance}/merge/", WORK),
    Route(W + "grievances:triage", "post", "/grievances/{grievance}/triage/", WORK),
    Route(
        W + "grievances:triage_panel",
        "get",
        "/grievances/{grievance}/triage/panel/",
        READ | {"spoke"},
    ),
    Route(
        W + "grievances:attachment_download",
        "get",
        "/grievances/attachments/{attachment}/",
        OWNER_READ,
    ),
    Route(W + "samadhaan:file", "get", "/samadhaan/file/{grievance}/", OWNER_READ),
    Route(W + "samadhaan:detail", "get", "/samadhaan/{filing}/", OWNER_READ),
    Route(W + "samadhaan:refresh", "post", "/samadhaan/{filing}/refresh/", WORK),
    Route(W + "roomnet:consult", "get", "/rooms/consult/{grievance}/", WORK),
    Route(W + "roomnet:consult", "post", "/rooms/consult/{grievance}/", WORK),
    Route(
        W + "roomnet:consultation",
        "get",
        "/rooms/consultations/{consultation}/",
        READ | {"spoke"},
    ),
    Route(
        W + "roomnet:consultation",
        "post",
        "/rooms/consultations/{consultation}/",
        WORK | {"appellate"},
    ),
    Route(W + "roomnet:room", "get", "/rooms/{room}/", READ | {"spoke"}),
    Route(W + "roomnet:room", "post", "/rooms/{room}/", WORK | {"appellate"}),
    Route(
        W + "assistant:callback_done",
        "post",
        "/assistant/callbacks/{callback}/done/",
        WORK,
        changed="callback_done",
    ),
    # cases
    Route(W + "cases:detail", "get", "/cases/{case}/", OWNER_READ),
    Route(
        W + "cases:detail", "post", "/cases/{case}/", WORK, {"form": "note", "note-body": "Called."}
    ),
    Route(
        W + "cases:step_done",
        "post",
        "/cases/steps/{step}/done/",
        OWNER_WORK,
        changed="step_done",
    ),
    # the user's own things
    Route(W + "accounts:api_token_revoke", "get", "/profile/tokens/{token}/revoke/", {"owner"}),
    Route(W + "accounts:api_token_revoke", "post", "/profile/tokens/{token}/revoke/", {"owner"}),
    Route(
        W + "notifications:mark_read",
        "post",
        "/notifications/{notification}/read/",
        {"owner"},
    ),
    Route(W + "notifications:open", "get", "/notifications/{notification}/open/", {"owner"}),
    # partnerships and centres
    Route(W + "network:post", "get", "/network/posts/{post}/", LOGGED_IN, anonymous="allowed"),
    Route(
        W + "network:trust",
        "get",
        "/network/profiles/{profile}/trust/",
        LOGGED_IN,
        anonymous="allowed",
    ),
    Route(W + "network:profile_edit", "get", "/network/profiles/{profile}/edit/", {"owner"}),
    Route(W + "network:profile_edit", "post", "/network/profiles/{profile}/edit/", {"owner"}),
    Route(W + "network:trust_facts", "get", "/network/profiles/{profile}/trust/facts/", {"owner"}),
    Route(
        W + "network:introduction",
        "get",
        "/network/introductions/{introduction}/",
        OWNER_READ,
    ),
    Route(
        W + "network:introduction",
        "post",
        "/network/introductions/{introduction}/",
        {"owner"},  # the thread is the two sides' (officers read it)
        {"body": "Hello"},
    ),
    Route(
        W + "clusters:request_detail",
        "get",
        "/centres/requests/{request}/",
        READ | {"owner", "centre_staff"},
    ),
    Route(
        W + "clusters:request_attachment",
        "get",
        "/centres/requests/{request}/attachment/",
        READ | {"owner", "centre_staff"},
    ),
    Route(
        W + "clusters:request_detail",
        "post",
        "/centres/requests/{request}/",
        NETWORK | {"owner", "appellate", "centre_staff"},
    ),
    # a virtual cluster the room's officer coordinates, the owner's unit a member
    Route(
        W + "clusters:cluster_join",
        "post",
        "/clusters/{open_cluster}/join/",
        frozenset({"owner_a", "owner_b"}),  # any unit, with its own enterprise
        {"join-enterprise": "{actor_enterprise}"},
        changed="joins",  # an officer's form has no unit to choose: 400, nothing saved
    ),
    Route(
        W + "clusters:cluster_post",
        "post",
        "/clusters/{cluster}/post/",
        {"owner", "spoke"},  # members and the coordinator
        {"post-kind": "post", "post-title": "Hello"},
    ),
    Route(
        W + "clusters:cluster_need",
        "post",
        "/clusters/{cluster}/need/",
        {"owner"},  # a member unit, for itself
        {"need-enterprise": "{actor_enterprise}", "need-kind": "training"},
        changed="needs",  # an officer's form has no unit to choose: 400, nothing saved
    ),
    Route(
        W + "clusters:membership_decide",
        "post",
        "/clusters/memberships/{membership}/decide/",
        MANAGE,  # the coordinator, or the country
        {"decision": "approve"},
    ),
    Route(
        W + "clusters:cluster_document",
        "get",
        "/clusters/documents/{document}/",
        {"owner", "spoke"},  # a private document: members only
        anonymous="refused",  # a public post's document is open to all: this one is not
    ),
    # opportunities: a drive posted by the room's officer, answered by the owner
    Route(W + "opportunities:detail", "get", "/opportunities/{opportunity}/", LOGGED_IN),
    Route(
        W + "opportunities:respond",
        "post",
        "/opportunities/{opportunity}/respond/",
        frozenset({"owner_a", "owner_b"}),  # any unit, with its own enterprise
        {
            "respond-enterprise": "{actor_enterprise}",
            "respond-quantity": "Ten tonnes",
            "respond-price_min_inr": 10,
            "respond-price_max_inr": 20,
        },
        changed="responses",  # an officer's form has no unit to choose: 400, nothing saved
    ),
    Route(
        W + "opportunities:close",
        "post",
        "/opportunities/{opportunity}/close/",
        MANAGE,
        {"close-outcome": "withdrawn"},
    ),
    Route(
        W + "opportunities:response_shortlist",
        "post",
        "/opportunities/responses/{response}/shortlist/",
        MANAGE,
    ),
    Route(W + "gem:bids", "get", "/gem/opportunities/{opportunity}/", LOGGED_IN),
    Route(
        W + "gem:bids",
        "post",
        "/gem/opportunities/{opportunity}/",
        MANAGE,  # the drive's poster, or the hub
        {"bid_number": "GEM/2026/B/5123456"},
    ),
    Route(W + "roomnet:review", "get", "/rooms/reviews/{review}/", READ | {"spoke"}),
    Route(W + "roomnet:review", "post", "/rooms/reviews/{review}/", WORK | {"appellate"}),
    # the control-room network (the hub's), room by room
    Route(W + "networkadmin:room", "get", "/controlrooms/{room}/", READ),
    Route(W + "networkadmin:room_edit", "get", "/controlrooms/{room}/edit/", NETWORK),
    Route(W + "networkadmin:room_edit", "post", "/controlrooms/{room}/edit/", NETWORK),
    Route(W + "networkadmin:districts_move", "post", "/controlrooms/{room}/districts/", NETWORK),
    Route(W + "networkadmin:room_close", "post", "/controlrooms/{room}/close/", NETWORK),
]
