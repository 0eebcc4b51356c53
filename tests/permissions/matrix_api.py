"""The API's object-scoped operations, in the form of matrix.ROUTES."""

from .matrix import OWNER_READ, OWNER_WORK, WORK, Route

A = "/api/v1"
ROUTES = [
    Route(
        "GET " + A + "/registry/enterprises/{enterprise_id}",
        "get",
        A + "/registry/enterprises/{enterprise}",
        OWNER_READ,
    ),
    Route(
        "PUT " + A + "/registry/enterprises/{enterprise_id}",
        "put",
        A + "/registry/enterprises/{enterprise}",
        OWNER_WORK,
        "enterprise",
    ),
    Route(
        "GET " + A + "/grievances/{grievance_id}", "get", A + "/grievances/{grievance}", OWNER_READ
    ),
    Route(
        "GET " + A + "/grievances/attachments/{attachment_id}",
        "get",
        A + "/grievances/attachments/{attachment}",
        OWNER_READ,
    ),
    Route(
        "POST " + A + "/grievances/{grievance_id}/transitions",
        "post",
        A + "/grievances/{grievance}/transitions",
        OWNER_WORK,
        {"action": "assign"},
    ),
    Route(
        "POST " + A + "/grievances/{grievance_id}/messages",
        "post",
        A + "/grievances/{grievance}/messages",
        OWNER_WORK,
        {"body": "Any news?"},
    ),
    Route(
        "POST " + A + "/grievances/{grievance_id}/rating",
        "post",
        A + "/grievances/{grievance}/rating",
        OWNER_WORK,
        {"rating": 4, "comment": "Paid."},
    ),
    Route(
        "POST " + A + "/grievances/{grievance_id}/transfer",
        "post",
        A + "/grievances/{grievance}/transfer",
        WORK,
        {"room_id": "{room_other}", "reason": "Branch elsewhere."},
    ),
    Route(
        "POST " + A + "/grievances/{grievance_id}/referral",
        "post",
        A + "/grievances/{grievance}/referral",
        WORK,
        {"organisation": "Banking", "reason": "For the bank."},
    ),
    Route(
        "POST " + A + "/grievances/{grievance_id}/attachments",
        "post",
        A + "/grievances/{grievance}/attachments",
        OWNER_WORK,
        "files",
    ),
    Route("GET " + A + "/cases/{case_id}", "get", A + "/cases/{case}", OWNER_READ),
    Route(
        "POST " + A + "/cases/{case_id}/assign",
        "post",
        A + "/cases/{case}/assign",
        WORK,
        {"assignee_id": "{spoke_id}"},
    ),
    Route(
        "POST " + A + "/cases/{case_id}/steps",
        "post",
        A + "/cases/{case}/steps",
        WORK,
        {"title": "Balance sheets", "owner_id": "{owner_id}", "due_on": "2030-01-31"},
    ),
    Route(
        "POST " + A + "/cases/steps/{step_id}/done",
        "post",
        A + "/cases/steps/{step}/done",
        OWNER_WORK,
        {},
    ),
    Route(
        "POST " + A + "/cases/{case_id}/notes",
        "post",
        A + "/cases/{case}/notes",
        WORK,
        {"body": "Called the owner."},
    ),
    Route(
        "POST " + A + "/cases/{case_id}/close",
        "post",
        A + "/cases/{case}/close",
        WORK,
        {"outcome": "achieved"},
    ),
    Route(
        "GET " + A + "/samadhaan/filings/{filing_id}",
        "get",
        A + "/samadhaan/filings/{filing}",
        OWNER_READ,
    ),
    Route(
        "POST " + A + "/samadhaan/filings/{filing_id}/refresh",
        "post",
        A + "/samadhaan/filings/{filing}/refresh",
        WORK,
        {},
    ),
    Route(
        "POST " + A + "/network/introductions/{introduction_id}/answer",
        "post",
        A + "/network/introductions/{introduction}/answer",
        frozenset(),
        {"answer": "accepted"},
    ),
    # the enterprise named in the query or the body: the same scope as its pages
    Route(
        "GET " + A + "/compliance/calendar",
        "get",
        A + "/compliance/calendar?enterprise_id={enterprise}",
        OWNER_READ,
    ),
    Route(
        "GET " + A + "/compliance/calendar.ics",
        "get",
        A + "/compliance/calendar.ics?enterprise_id={enterprise}",
        OWNER_READ,
    ),
    Route(
        "GET " + A + "/schemes/recommendations",
        "get",
        A + "/schemes/recommendations?enterprise_id={enterprise}",
        OWNER_READ,
    ),
    Route(
        "GET " + A + "/schemes/finance",
        "get",
        A + "/schemes/finance?enterprise_id={enterprise}",
        OWNER_READ,
    ),
    Route(
        "POST " + A + "/schemes/eligibility",
        "post",
        A + "/schemes/eligibility",
        OWNER_READ,
        {"enterprise_id": "{enterprise_id}"},
        anonymous="refused",  # public, but no enterprise is anyone's to name
    ),
    Route(
        "POST " + A + "/grievances",
        "post",
        A + "/grievances",
        OWNER_WORK,
        {"enterprise_id": "{enterprise_id}", "subject": "Power cuts", "description": "Daily."},
        refusals=frozenset({403, 404, 422}),  # another's enterprise is an unknown id
    ),
    Route(
        "POST " + A + "/cases/",
        "post",
        A + "/cases/",
        WORK,
        {"enterprise_id": "{enterprise_id}", "goal": "ZED certification"},
        refusals=frozenset({403, 404, 422}),
    ),
]
