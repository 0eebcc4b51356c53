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
"""

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone, translation

from champions.core.errors import DomainError, NotFound, ValidationFailed
from champions.grievances.choices import OPEN_STATUSES, Category, ComplainantType, Status
from champions.grievances.services import GrievanceInput

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-05-01T00:00:00+05:30"  # change when the services or this interface change
GROUP = "MSME grievances"
MAX_DAYS = 90
MAX_REQUESTS = 1000
SUBJECT_LENGTH = 120
CONTENT_TYPES = {"json": "application/json", "xml": "text/xml; charset=utf-8"}

CLOSED_STATUSES = frozenset({Status.RESOLVED, Status.CLOSED, Status.APPEAL_DECIDED})
STATUS_GROUPS = {"open": OPEN_STATUSES, "closed": CLOSED_STATUSES}

# (description, keywords) of each service, in the words an MSME would use.
SERVICE_TEXTS: dict[str, tuple[str, str]] = {
    Category.DELAYED_PAYMENT: (
        "A buyer (often a PSU or large company) has not paid for goods or services within "
        "45 days, as the MSMED Act requires.",
        "delayed payment, invoice, MSEFC, Samadhaan, dues",
    ),
    Category.CREDIT: (
        "Problems getting or servicing a loan: refusals, collateral demands, delays, CGTMSE.",
        "credit, loan, bank, collateral, CGTMSE, working capital",
    ),
    Category.SUBSIDY: (
        "A subsidy or scheme benefit that was promised, applied for or sanctioned but not paid.",
        "subsidy, scheme, benefit, PMEGP, grant",
    ),
    Category.RAW_MATERIAL: (
        "Shortage, price or supply of raw material.",
        "raw material, supply, shortage, price",
    ),
    Category.LABOUR: (
        "Labour law compliance, workers and skilled manpower.",
        "labour, workers, EPF, ESIC, manpower",
    ),
    Category.LICENCES: (
        "Licences, permissions, clearances and inspections by any authority.",
        "licence, permission, clearance, inspection, NOC",
    ),
    Category.TAXATION: (
        "GST, income tax and other taxes: refunds, notices, registration.",
        "GST, income tax, refund, notice, tax",
    ),
    Category.INFRASTRUCTURE: (
        "Power, water, land, roads and other infrastructure for the enterprise.",
        "power, electricity, water, land, industrial estate, roads",
    ),
    Category.PROCUREMENT: (
        "Public procurement and the Government e-Marketplace (GeM): tenders, orders, payments.",
        "public procurement, GeM, tender, EMD, order",
    ),
    Category.UDYAM: (
        "Udyam registration: errors, updates, classification and certificates.",
        "Udyam, registration, certificate, classification",
    ),
    Category.TECHNOLOGY: (
        "Technology, quality, testing and certification.",
        "technology, quality, testing, certification, ZED, BIS",
    ),
    Category.MARKET_ACCESS: (
        "Market access, trade fairs and exports.",
        "market access, exports, trade fair, marketing",
    ),
    Category.OTHER: (
        "Any other grievance of an MSME or an aspiring entrepreneur.",
        "other, general",
    ),
}

ENTERPRISE_ATTRIBUTE = {
    "variable": True,
    "code": "enterprise_id",
    "datatype": "number",
    "required": False,
    "datatype_description": (
        "The number of your enterprise in Champions (in its page address). Leave it empty if "
        "you have not registered an enterprise yet."
    ),
    "order": 1,
    "description": "Which of your registered enterprises is this grievance about?",
    "values": [],
}

# Where the grievance service's field errors came from, in the spec's parameter names.
FIELD_PARAMS = {
    "subject": "description",
    "category": "service_code",
    "enterprise": "attribute[enterprise_id]",
    "complainant_type": "attribute[enterprise_id]",
    "contact_name": "first_name",
    "contact_email": "email",
    "contact_phone": "phone",
}

REQUIRED = "This field is required."
_NOT_XML_CHARACTERS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_OFFSET_SPACE = re.compile(r" (\d\d:?\d\d)$")  # an unescaped "+05:30" arrives as " 05:30"


# --- Documents and rendering ------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """The XML shape of an answer: its root element, and the element of each list entry
    (None when the root holds one object)."""

    root: str
    item: str | None = None


DISCOVERY = Document("discovery")
SERVICES = Document("services", "service")
SERVICE_DEFINITION = Document("service_definition")
SERVICE_REQUESTS = Document("service_requests", "request")
ERRORS = Document("errors", "error")

LIST_ITEMS = {
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}


def render(document: Document, payload: Any, fmt: str) -> tuple[bytes, str]:
    """The body and content type of `payload` as JSON, or as the spec's XML for `document`."""
    if fmt == "json":
        return json.dumps(payload, ensure_ascii=False).encode(), CONTENT_TYPES["json"]
    root = ET.Element(document.root)
    if document.item is None:
        _fill(root, payload)
    else:
        for entry in payload:
            _fill(ET.SubElement(root, document.item), entry)
    body = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
    return body.encode(), CONTENT_TYPES["xml"]


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(ET.SubElement(element, key), child)
    elif isinstance(value, list):
        for child in value:
            _fill(ET.SubElement(element, LIST_ITEMS[element.tag]), child)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = _NOT_XML_CHARACTERS.sub("", str(value))


def error_list(exc: DomainError) -> tuple[int, list[dict]]:
    """The HTTP status and the spec's error list for a domain error (field errors: 400)."""
    if isinstance(exc, ValidationFailed) and exc.errors:
        status = 400
        lines = [
            f"{FIELD_PARAMS.get(field, field)}: {message}"
            for field, messages in exc.errors.items()
            for message in messages
        ]
    else:
        status = 400 if exc.status == 422 else exc.status
        lines = [str(exc.message)]
    return status, [{"code": status, "description": line} for line in dict.fromkeys(lines)]


# --- Discovery and services -------------------------------------------------------------------


def _english(label: Any) -> str:
    with translation.override("en"):
        return str(label)


def discovery(*, base_url: str, key_url: str) -> dict:
    return {
        "changeset": CHANGESET,
        "contact": "The Champions hub control room, through the help page of the portal.",
        "key_service": (
            f"Create an API token on your profile page ({key_url}) and send it as api_key. "
            "Every requests endpoint needs one: grievances are not public records, so GET "
            "requests lists only the requests the key's holder may see."
        ),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base_url,
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


def service_category(service_code: str) -> Category:
    """The category a service_code names, or NotFound (404)."""
    try:
        return Category(service_code)
    except ValueError:
        raise NotFound(f"service_code '{service_code[:50]}' was not found.") from None


def service_list() -> list[dict]:
    return [_service(category) for category in Category]


def _service(category: Category) -> dict:
    description, keywords = SERVICE_TEXTS[category]
    return {
        "service_code": category.value,
        "service_name": _english(category.label),
        "description": description,
        # True: each service has an attribute (the enterprise), per the spec's meaning.
        "metadata": True,
        "type": "realtime",
        "keywords": keywords,
        "group": GROUP,
    }


def service_definition(service_code: str) -> dict:
    category = service_category(service_code)
    return {"service_code": category.value, "attributes": [ENTERPRISE_ATTRIBUTE]}


# --- Service requests: what we answer ---------------------------------------------------------


def w3c_datetime(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def open311_status(status: str) -> str:
    return "open" if status in OPEN_STATUSES else "closed"


def service_notice(grievance: Any) -> str:
    notice = f"Registered as {grievance.registration_number}; handled by {grievance.room.name}."
    if grievance.resolution_due_at:
        due = timezone.localdate(grievance.resolution_due_at)
        notice += f" Resolution is due by {due:%d %B %Y}."
    return notice


def service_request(grievance: Any) -> dict:
    """One grievance in the spec's request shape (the room is the agency responsible)."""
    enterprise = grievance.enterprise
    return {
        "service_request_id": grievance.registration_number,
        "status": open311_status(grievance.status),
        "status_notes": _english(dict(Status.choices).get(grievance.status, grievance.status)),
        "service_name": _english(dict(Category.choices).get(grievance.category, "")),
        "service_code": grievance.category,
        "description": grievance.description,
        "agency_responsible": grievance.room.name,
        "service_notice": service_notice(grievance),
        "requested_datetime": w3c_datetime(grievance.lodged_at),
        "updated_datetime": w3c_datetime(grievance.updated_at),
        "expected_datetime": w3c_datetime(grievance.resolution_due_at),
        "address": (enterprise.address or None) if enterprise else None,
        "address_id": None,
        "zipcode": (enterprise.pincode or None) if enterprise else None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


def created_request(grievance: Any) -> dict:
    return {
        "service_request_id": grievance.registration_number,
        "service_notice": service_notice(grievance),
        "account_id": None,
    }


# --- POST requests: what we accept ------------------------------------------------------------


def _clean(value: Any) -> str:
    """Text without control characters (PostgreSQL refuses NUL) and surrounding spaces."""
    return _CONTROL_CHARACTERS.sub("", str(value or "")).strip()


def grievance_input(form: Mapping[str, Any]) -> GrievanceInput:
    """The grievance a POST requests form describes; ValidationFailed (400) or NotFound (404)."""
    params = {key: _clean(value) for key, value in form.items()}
    errors: dict[str, list[str]] = {}
    if not params.get("service_code"):
        errors["service_code"] = [REQUIRED]
    else:
        service_category(params["service_code"])
    description = params.get("description", "")
    if not description:
        errors["description"] = [REQUIRED]
    enterprise_id = _enterprise_id(params.get("attribute[enterprise_id]", ""), errors)
    notes = _location_notes(params, errors) + _media_notes(params.get("media_url", ""), errors)
    email = _email(params.get("email", ""), errors)
    phone = _phone(params.get("phone", ""), errors)
    if errors:
        raise ValidationFailed("Please correct the parameters.", errors=errors)
    name = f"{params.get('first_name', '')} {params.get('last_name', '')}".strip()
    return GrievanceInput(
        subject=description.splitlines()[0].strip()[:SUBJECT_LENGTH],
        description="\n\n".join([description, "\n".join(notes)]) if notes else description,
        complainant_type=(
            ComplainantType.ENTERPRISE if enterprise_id is not None else ComplainantType.ASPIRING
        ),
        enterprise_id=enterprise_id,
        category=params["service_code"],
        contact_name=name[:150],
        contact_email=email,
        contact_phone=phone,
    )


def _enterprise_id(value: str, errors: dict[str, list[str]]) -> int | None:
    if not value:
        return None
    if not value.isdigit() or len(value) > 18:
        errors["attribute[enterprise_id]"] = ["Give the number of your enterprise."]
        return None
    return int(value)


def _location_notes(params: Mapping[str, str], errors: dict[str, list[str]]) -> list[str]:
    notes = []
    if params.get("address_string"):
        notes.append(f"Address: {params['address_string'][:500]}")
    lat, long = params.get("lat", ""), params.get("long", "")
    if lat or long:
        try:
            latitude, longitude = float(lat), float(long)
        except ValueError:
            latitude = longitude = float("nan")
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            errors["lat"] = ["Send both lat and long, in decimal degrees (WGS84)."]
        else:
            notes.append(f"Location: {latitude:.6f}, {longitude:.6f}")
    return notes


def _media_notes(url: str, errors: dict[str, list[str]]) -> list[str]:
    if not url:
        return []
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        errors["media_url"] = ["Give an http or https address."]
        return []
    return [f"Media: {url}"]


def _email(value: str, errors: dict[str, list[str]]) -> str:
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        errors["email"] = ["Give a valid e-mail address."]
        return ""
    if len(value) > 254:
        errors["email"] = ["Give a valid e-mail address."]
    return value.lower()


def _phone(value: str, errors: dict[str, list[str]]) -> str:
    """An Indian mobile number as 10 digits (+91, a leading 0, spaces and dashes dropped)."""
    digits = re.sub(r"[\s\-().+]", "", value)
    if not digits:
        return ""
    if len(digits) == 12 and digits.startswith("91"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    if not (digits.isdigit() and len(digits) == 10):
        errors["phone"] = ["A mobile number has 10 digits."]
        return ""
    return digits


# --- GET requests: the filters ----------------------------------------------------------------


@dataclass(frozen=True)
class RequestQuery:
    """GET requests filters. `service_request_ids` overrides all others, as the spec says."""

    service_request_ids: tuple[str, ...] = ()
    service_codes: tuple[str, ...] = ()
    statuses: frozenset[str] = frozenset()  # our statuses
    start: datetime | None = None
    end: datetime | None = None


def _split(value: Any) -> list[str]:
    return [part.strip() for part in _clean(value).split(",") if part.strip()]


def request_query(params: Mapping[str, Any], *, now: datetime) -> RequestQuery:
    ids = _split(params.get("service_request_id"))
    if len(ids) > MAX_REQUESTS:
        raise ValidationFailed(
            "Too many ids.", errors={"service_request_id": [f"At most {MAX_REQUESTS} ids."]}
        )
    if ids:
        return RequestQuery(service_request_ids=tuple(dict.fromkeys(i.upper() for i in ids)))
    codes = tuple(service_category(code).value for code in _split(params.get("service_code")))
    errors: dict[str, list[str]] = {}
    statuses: set[str] = set()
    for status in _split(params.get("status")):
        if status.lower() not in STATUS_GROUPS:
            errors["status"] = ["Use open, closed, or both separated by a comma."]
            break
        statuses |= STATUS_GROUPS[status.lower()]
    start, end = _window(params, now=now, errors=errors)
    if errors:
        raise ValidationFailed("Please correct the parameters.", errors=errors)
    return RequestQuery(service_codes=codes, statuses=frozenset(statuses), start=start, end=end)


def parse_w3c_datetime(value: str) -> datetime:
    """A W3C (ISO 8601) date or date-time; without an offset, India time. ValueError if bad."""
    parsed = datetime.fromisoformat(_OFFSET_SPACE.sub(r"+\1", value))
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


def _window(
    params: Mapping[str, Any], *, now: datetime, errors: dict[str, list[str]]
) -> tuple[datetime | None, datetime | None]:
    """The requested_datetime range: the last 90 days by default, never more than 90 days."""
    bounds: dict[str, datetime | None] = {}
    for name in ("start_date", "end_date"):
        value = _clean(params.get(name))
        try:
            bounds[name] = parse_w3c_datetime(value) if value else None
        except ValueError:
            bounds[name] = None
            errors[name] = ["Use a W3C date-time, e.g. 2026-04-01T00:00:00+05:30."]
    start, end = bounds["start_date"], bounds["end_date"]
    span = timedelta(days=MAX_DAYS)
    try:
        if start is None:
            end = end or now
            start = end - span
        elif end is None:
            end = start + span
    except OverflowError:
        errors["start_date" if end is None else "end_date"] = ["The date is out of range."]
        return None, None
    if end < start:
        errors["end_date"] = ["end_date must not be before start_date."]
    elif end - start > span:
        errors["end_date"] = [f"The range may not span more than {MAX_DAYS} days."]
    return start, end
