"""Open311 GeoReport v2: a tiny spec-following client, filters, auth, errors, and the mapping."""

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from champions.accounts.services import api_token_create, api_token_revoke
from champions.core.errors import ValidationFailed
from champions.grievances.choices import Status
from champions.grievances.selectors import grievance_get_by_number_for_user
from champions.grievances.services import grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.integrations import open311

BASE = "/open311/v2/"

REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]
SERVICE_FIELDS = [
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
]
LIST_ROOTS = {"services": "service", "service_requests": "request", "errors": "error"}


# --- A tiny Open311 client: what an existing GeoReport v2 client does -------------------------


def _parse_xml(body: bytes) -> ET.Element:
    return ET.fromstring(body)  # noqa: S314 (our own answers)


def _from_xml(element: ET.Element):
    """XML to the JSON shape: list roots and repeated children become lists."""
    children = list(element)
    if not children:
        return element.text
    if element.tag in LIST_ROOTS or element.tag in open311.LIST_ITEMS:
        return [_from_xml(child) for child in children]
    return {child.tag: _from_xml(child) for child in children}


class Open311Client:
    def __init__(self, client, fmt: str, api_key: str | None = None) -> None:
        self.client, self.fmt, self.api_key = client, fmt, api_key

    def _parse(self, response):
        assert response["Content-Type"] == open311.CONTENT_TYPES[self.fmt]
        if self.fmt == "json":
            return response.status_code, json.loads(response.content)
        assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
        root = _parse_xml(response.content)
        self.root = root
        return response.status_code, _from_xml(root)

    def get(self, resource: str, *, keyed: bool = True, base: str = BASE, **params):
        if keyed and self.api_key:
            params["api_key"] = self.api_key
        return self._parse(self.client.get(f"{base}{resource}.{self.fmt}", params))

    def post(self, resource: str, data: dict, *, headers: dict | None = None):
        if self.api_key:
            data = {"api_key": self.api_key, **data}
        return self._parse(
            self.client.post(f"{BASE}{resource}.{self.fmt}", data, headers=headers or {})
        )


def _key(user) -> str:
    return api_token_create(user=user, name="open311 client").key


@pytest.fixture(params=["json", "xml"])
def fmt(request):
    return request.param


@pytest.fixture
def owner_client(client, entrepreneur, fmt):
    return Open311Client(client, fmt, _key(entrepreneur))


# --- The whole flow, as a client would run it ---------------------------------------------------


def test_client_discovers_lists_services_posts_and_reads_back(client, entrepreneur, mh_room, fmt):
    # given an entrepreneur with an enterprise and an API token
    enterprise = pune_enterprise(entrepreneur)
    anonymous = Open311Client(client, fmt)
    # when the client discovers the endpoint
    status, found = anonymous.get("discovery")
    assert status == 200
    assert list(found) == ["changeset", "contact", "key_service", "endpoints"]
    endpoint = found["endpoints"][0]
    assert endpoint == {
        "specification": "http://wiki.open311.org/GeoReport_v2",
        "url": "http://testserver/open311/v2/",
        "changeset": open311.CHANGESET,
        "type": "production",
        "formats": ["text/xml", "application/json"],
    }
    assert "api_key" in found["key_service"]
    base = endpoint["url"].removeprefix("http://testserver")
    # ... lists the services
    status, services = anonymous.get("services", base=base)
    assert status == 200
    assert len(services) == 13
    payment = next(s for s in services if s["service_code"] == "delayed_payment")
    assert list(payment) == SERVICE_FIELDS
    assert payment["service_name"] == "Delayed payment"
    assert payment["group"] == "MSME grievances"
    assert payment["type"] == "realtime"
    assert payment["metadata"] in (True, "true")
    # ... reads its definition
    status, definition = anonymous.get("services/delayed_payment", base=base)
    assert status == 200
    assert definition["service_code"] == "delayed_payment"
    assert [a["code"] for a in definition["attributes"]] == ["enterprise_id"]
    # ... posts a request with the api_key in the body
    keyed = Open311Client(client, fmt, _key(entrepreneur))
    status, created = keyed.post(
        "requests",
        {
            "service_code": "delayed_payment",
            "description": "Invoice 42 unpaid for 120 days\nThe buyer is a PSU in Pune.",
            "attribute[enterprise_id]": str(enterprise.pk),
            "first_name": "Asha",
            "last_name": "Patil",
            "phone": "+91 98765-43210",
        },
    )
    # then it gets the spec's answer
    assert status == 200
    assert len(created) == 1
    assert list(created[0]) == ["service_request_id", "service_notice", "account_id"]
    number = created[0]["service_request_id"]
    assert number.startswith("CHMP/")
    assert created[0]["account_id"] is None
    # ... and reads the request back with the key in the query
    status, found = keyed.get(f"requests/{number}")
    assert status == 200
    assert len(found) == 1
    request = found[0]
    assert list(request) == REQUEST_FIELDS
    assert request["service_request_id"] == number
    assert request["status"] == "open"
    assert request["status_notes"] == "Submitted"
    assert request["service_code"] == "delayed_payment"
    assert request["service_name"] == "Delayed payment"
    assert request["agency_responsible"] == mh_room.name
    assert request["zipcode"] == "411001"
    assert request["requested_datetime"].endswith("+05:30")
    assert request["expected_datetime"] is not None
    assert request["lat"] is None
    grievance = grievance_get_by_number_for_user(user=entrepreneur, registration_number=number)
    assert grievance.channel == "open311"
    assert grievance.subject == "Invoice 42 unpaid for 120 days"
    assert grievance.complainant_type == "enterprise"
    assert grievance.enterprise_id == enterprise.pk
    assert grievance.contact_name == "Asha Patil"
    assert grievance.contact_phone == "9876543210"


def test_xml_uses_the_spec_element_names(client, entrepreneur):
    enterprise = pune_enterprise(entrepreneur)
    number = lodge(entrepreneur, enterprise).registration_number
    xml = Open311Client(client, "xml", _key(entrepreneur))

    xml.get("discovery")
    assert xml.root.tag == "discovery"
    assert [e.tag for e in xml.root.find("endpoints/endpoint/formats")] == ["format", "format"]
    xml.get("services")
    assert xml.root.tag == "services"
    assert {e.tag for e in xml.root} == {"service"}
    assert [e.tag for e in xml.root[0]] == SERVICE_FIELDS
    assert xml.root.find("service/metadata").text == "true"
    xml.get("services/credit")
    assert xml.root.tag == "service_definition"
    assert [e.tag for e in xml.root.find("attributes/attribute")] == list(
        open311.ENTERPRISE_ATTRIBUTE
    )
    xml.get("requests")
    assert xml.root.tag == "service_requests"
    assert [e.tag for e in xml.root] == ["request"]
    assert [e.tag for e in xml.root[0]] == REQUEST_FIELDS
    assert xml.root.find("request/service_request_id").text == number
    assert xml.root.find("request/lat").text is None


def test_post_without_enterprise_lodges_an_aspiring_grievance_with_notes(
    owner_client, entrepreneur
):
    description = "x" * 130 + "\nsecond line\x00"
    status, created = owner_client.post(
        "requests",
        {
            "service_code": "credit",
            "description": description,
            "address_string": "Plot 4, MIDC Bhosari, Pune 411026",
            "lat": "18.62",
            "long": "73.85",
            "media_url": "https://example.com/photo.jpg",
            "email": "Asha@Example.com",
            "device_id": "abc",
            "account_id": "7",
            "jurisdiction_id": "champions.gov.in",
        },
    )

    assert status == 200
    grievance = grievance_get_by_number_for_user(
        user=entrepreneur, registration_number=created[0]["service_request_id"]
    )
    assert grievance.complainant_type == "aspiring"
    assert grievance.enterprise_id is None
    assert grievance.room.kind == "hub"
    assert grievance.subject == "x" * 120
    assert grievance.description == (
        "x" * 130 + "\nsecond line\n\nAddress: Plot 4, MIDC Bhosari, Pune 411026\n"
        "Location: 18.620000, 73.850000\nMedia: https://example.com/photo.jpg"
    )
    assert grievance.contact_email == "asha@example.com"


def test_post_with_an_idempotency_key_answers_the_first_request_again(owner_client):
    data = {"service_code": "udyam", "description": "Certificate shows the wrong NIC code."}
    headers = {"Idempotency-Key": "retry-1"}

    _, first = owner_client.post("requests", data, headers=headers)
    _, second = owner_client.post("requests", data, headers=headers)

    assert first == second


# --- GET requests: filters and scope ----------------------------------------------------------


@pytest.fixture
def three_grievances(entrepreneur, hub_officer):
    """An open delayed-payment grievance, a resolved credit one, and an open subsidy one."""
    enterprise = pune_enterprise(entrepreneur)
    payment = lodge(entrepreneur, enterprise)
    credit = lodge(entrepreneur, enterprise, category="credit")
    subsidy = lodge(entrepreneur, enterprise, category="subsidy")
    grievance_transition(grievance_id=credit.pk, action="assign", actor=hub_officer)
    grievance_transition(grievance_id=credit.pk, action="resolve", actor=hub_officer, note="Paid")
    return payment, credit, subsidy


def _ids(found) -> list[str]:
    return [r["service_request_id"] for r in found]


@pytest.mark.parametrize(
    ("_case", "params", "expected"),
    [
        ("all, newest first", {}, ["subsidy", "credit", "payment"]),
        ("open", {"status": "open"}, ["subsidy", "payment"]),
        ("closed", {"status": "closed"}, ["credit"]),
        ("both statuses", {"status": "open,closed"}, ["subsidy", "credit", "payment"]),
        ("one service", {"service_code": "credit"}, ["credit"]),
        ("two services", {"service_code": "credit,delayed_payment"}, ["credit", "payment"]),
        ("service and status", {"service_code": "credit", "status": "open"}, []),
    ],
)
def test_list_filters(owner_client, three_grievances, _case, params, expected):
    payment, credit, subsidy = three_grievances
    names = {"payment": payment, "credit": credit, "subsidy": subsidy}

    status, found = owner_client.get("requests", **params)

    assert status == 200
    assert _ids(found or []) == [names[n].registration_number for n in expected]


def test_list_by_ids_overrides_other_filters(owner_client, three_grievances):
    payment, credit, _subsidy = three_grievances
    ids = f"{payment.registration_number},{credit.registration_number.lower()},CHMP/1/XX/1"

    status, found = owner_client.get("requests", service_request_id=ids, status="closed")

    assert status == 200
    assert _ids(found) == [credit.registration_number, payment.registration_number]
    assert [r["status"] for r in found] == ["closed", "open"]
    assert found[0]["status_notes"] == "Resolved"


def test_list_dates_select_requested_datetime_and_default_to_90_days(client, entrepreneur):
    enterprise = pune_enterprise(entrepreneur)
    with time_machine.travel(datetime(2026, 1, 5, 6, 0, tzinfo=UTC), tick=False):
        january = lodge(entrepreneur, enterprise)
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        march = lodge(entrepreneur, enterprise)
    key = _key(entrepreneur)

    with time_machine.travel(datetime(2026, 5, 1, 6, 0, tzinfo=UTC), tick=False):
        json_client = Open311Client(client, "json", key)
        _, default = json_client.get("requests")
        _, ranged = json_client.get(
            "requests", start_date="2026-01-01T00:00:00+05:30", end_date="2026-02-01T00:00:00Z"
        )
        _, since = json_client.get("requests", start_date="2026-02-15")
        _, until = json_client.get("requests", end_date="2026-01-31T23:59:59+05:30")

    assert _ids(default) == [march.registration_number]
    assert _ids(ranged) == [january.registration_number]
    assert _ids(since) == [march.registration_number]
    assert _ids(until) == [january.registration_number]


def test_list_is_scoped_to_the_key_holder(
    client, three_grievances, other_entrepreneur, spoke_officer, other_spoke_officer, hub_officer
):
    everything = [g.registration_number for g in reversed(three_grievances)]

    def listed(user):
        return _ids(Open311Client(client, "json", _key(user)).get("requests")[1])

    assert listed(other_entrepreneur) == []
    assert listed(spoke_officer) == everything
    assert listed(other_spoke_officer) == []
    assert listed(hub_officer) == everything


def test_list_queries(client, entrepreneur, three_grievances, django_assert_num_queries):
    json_client = Open311Client(client, "json", _key(entrepreneur))
    json_client.get("requests")  # the first use records last_used_at

    # the token, then the grievances with their room and enterprise
    with django_assert_num_queries(2):
        status, found = json_client.get("requests")

    assert status == 200
    assert len(found) == 3


# --- Auth, errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("_case", "method", "resource"),
    [
        ("list", "get", "requests"),
        ("one", "get", "requests/CHMP/2026/MH/0000001"),
        ("create", "post", "requests"),
    ],
)
def test_requests_need_a_valid_api_key(client, entrepreneur, fmt, _case, method, resource):
    revoked = api_token_create(user=entrepreneur, name="old")
    api_token_revoke(user=entrepreneur, token_id=revoked.token.pk)
    data = {"service_code": "credit", "description": "Loan refused."}

    for key in (None, revoked.key, "chmp_not-a-key", "plain"):
        open311_client = Open311Client(client, fmt, key)
        if method == "get":
            status, errors = open311_client.get(resource)
        else:
            status, errors = open311_client.post(resource, data)

        assert status == 403
        assert len(errors) == 1
        assert errors[0]["code"] in (403, "403")
    assert list(entrepreneur.grievances.all()) == []


def test_post_needs_no_csrf_token_and_a_session_is_no_api_key(entrepreneur):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(entrepreneur)
    data = {"service_code": "credit", "description": "Loan refused."}

    status, errors = Open311Client(browser, "json").post("requests", data)
    assert (status, errors[0]["description"]) == (403, "An api_key is required.")

    status, created = Open311Client(browser, "json", _key(entrepreneur)).post("requests", data)
    assert status == 200
    assert len(created) == 1


def test_another_users_request_is_not_found(client, entrepreneur, other_entrepreneur, fmt):
    number = lodge(entrepreneur, pune_enterprise(entrepreneur)).registration_number

    status, errors = Open311Client(client, fmt, _key(other_entrepreneur)).get(f"requests/{number}")

    assert status == 404
    assert errors[0]["code"] in (404, "404")
    assert "was not found" in errors[0]["description"]


def test_analyst_may_not_create_requests(client, analyst):
    status, errors = Open311Client(client, "json", _key(analyst)).post(
        "requests", {"service_code": "credit", "description": "Loan refused."}
    )

    assert status == 403
    assert errors == [
        {"code": 403, "description": "Analysts read aggregates: this is read-only for you."}
    ]


@pytest.mark.parametrize(
    ("_case", "data", "expected"),
    [
        (
            "nothing",
            {},
            ["service_code: This field is required.", "description: This field is required."],
        ),
        (
            "blank description",
            {"service_code": "credit", "description": " \x00 "},
            ["description: This field is required."],
        ),
        (
            "lat without long",
            {"service_code": "credit", "description": "d", "lat": "18.5"},
            ["lat: Send both lat and long, in decimal degrees (WGS84)."],
        ),
        (
            "lat out of range",
            {"service_code": "credit", "description": "d", "lat": "100", "long": "73"},
            ["lat: Send both lat and long, in decimal degrees (WGS84)."],
        ),
        (
            "bad e-mail",
            {"service_code": "credit", "description": "d", "email": "not-mail"},
            ["email: Give a valid e-mail address."],
        ),
        (
            "bad phone",
            {"service_code": "credit", "description": "d", "phone": "12345"},
            ["phone: A mobile number has 10 digits."],
        ),
        (
            "bad media",
            {"service_code": "credit", "description": "d", "media_url": "ftp://x"},
            ["media_url: Give an http or https address."],
        ),
        (
            "bad enterprise",
            {"service_code": "credit", "description": "d", "attribute[enterprise_id]": "x"},
            ["attribute[enterprise_id]: Give the number of your enterprise."],
        ),
        (
            "someone else's enterprise",
            {"service_code": "credit", "description": "d", "attribute[enterprise_id]": "999999"},
            ["attribute[enterprise_id]: Choose one of your enterprises."],
        ),
        (
            "too long",
            {"service_code": "credit", "description": "d" * 10001},
            ["description: At most 10,000 characters."],
        ),
    ],
)
def test_post_validation_errors_use_the_spec_shape(
    owner_client, entrepreneur, _case, data, expected
):
    status, errors = owner_client.post("requests", data)

    assert status == 400
    assert [e["description"] for e in errors] == expected
    assert {str(e["code"]) for e in errors} == {"400"}
    assert list(entrepreneur.grievances.all()) == []


@pytest.mark.parametrize(
    ("_case", "params", "field"),
    [
        ("bad status", {"status": "pending"}, "status"),
        ("bad date", {"start_date": "yesterday"}, "start_date"),
        ("end before start", {"start_date": "2026-02-01", "end_date": "2026-01-01"}, "end_date"),
        ("over 90 days", {"start_date": "2026-01-01", "end_date": "2026-04-02"}, "end_date"),
        ("out of range", {"start_date": "9999-12-31"}, "start_date"),
        ("too many ids", {"service_request_id": ",".join(["X"] * 1001)}, "service_request_id"),
    ],
)
def test_list_validation_errors(owner_client, _case, params, field):
    status, errors = owner_client.get("requests", **params)

    assert status == 400
    assert len(errors) == 1
    assert errors[0]["description"].startswith(f"{field}: ")


@pytest.mark.parametrize(
    ("_case", "method", "resource", "data"),
    [
        ("definition", "get", "services/potholes", {}),
        ("create", "post", "requests", {"service_code": "potholes", "description": "d"}),
        ("list filter", "get", "requests", {"service_code": "credit,potholes"}),
        ("token", "get", "tokens/12345", {}),
    ],
)
def test_unknown_services_and_tokens_are_not_found(owner_client, _case, method, resource, data):
    if method == "get":
        status, errors = owner_client.get(resource, **data)
    else:
        status, errors = owner_client.post(resource, data)

    assert status == 404
    assert len(errors) == 1
    assert str(errors[0]["code"]) == "404"


def test_wrong_method_and_unreadable_body_answer_in_the_error_shape(client, entrepreneur):
    response = client.put(f"{BASE}services.json")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert json.loads(response.content) == [{"code": 405, "description": "Method not allowed."}]

    response = client.post(
        f"{BASE}requests.xml?api_key={_key(entrepreneur)}",
        b"--x\r\nbroken",
        content_type="multipart/form-data",  # no boundary
    )
    assert response.status_code == 400
    assert _parse_xml(response.content).find("error/code").text == "400"


# --- The pure mapping -------------------------------------------------------------------------


def test_every_status_maps_to_open_or_closed():
    assert set(Status) == open311.OPEN_STATUSES | open311.CLOSED_STATUSES
    assert not open311.OPEN_STATUSES & open311.CLOSED_STATUSES
    assert [open311.open311_status(s) for s in Status] == [
        "open", "open", "open", "open", "closed", "open", "closed", "open", "closed"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-05T06:00:00Z", datetime(2026, 1, 5, 6, 0, tzinfo=UTC)),
        ("2026-01-05T11:30:00+05:30", datetime(2026, 1, 5, 6, 0, tzinfo=UTC)),
        ("2026-01-05T11:30:00 05:30", datetime(2026, 1, 5, 6, 0, tzinfo=UTC)),  # unescaped +
        ("2026-01-05T11:30:00", datetime(2026, 1, 5, 6, 0, tzinfo=UTC)),  # India time
        ("2026-01-05", datetime(2026, 1, 4, 18, 30, tzinfo=UTC)),
    ],
)
def test_parse_w3c_datetime(value, expected):
    assert open311.parse_w3c_datetime(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9876543210", "9876543210"),
        ("+91 98765 43210", "9876543210"),
        ("098765-43210", "9876543210"),
        ("", ""),
    ],
)
def test_phone_numbers_are_normalised(value, expected):
    form = {"service_code": "other", "description": "d", "phone": value}
    assert open311.grievance_input(form).contact_phone == expected


def test_default_window_is_the_last_90_days():
    now = timezone.now()
    query = open311.request_query({}, now=now)
    assert (query.start, query.end) == (now - timedelta(days=90), now)


def test_validation_errors_map_to_open311_parameters():
    exc = ValidationFailed(
        "bad", errors={"subject": ["Required."], "description": ["Required."], "x": ["Odd."]}
    )
    assert open311.error_list(exc) == (
        400,
        [
            {"code": 400, "description": "description: Required."},
            {"code": 400, "description": "x: Odd."},
        ],
    )


def test_xml_drops_characters_xml_cannot_hold():
    body, _ = open311.render(open311.ERRORS, [{"code": 400, "description": "a\x0bb <&>"}], "xml")
    assert _parse_xml(body).find("error/description").text == "ab <&>"
