"""What we answer: discovery, the service list and definitions, and a grievance as a service
request."""

from datetime import datetime
from typing import Any

from django.utils import timezone, translation

from champions.core.errors import NotFound
from champions.grievances.choices import OPEN_STATUSES, Category, Status

from .spec import CHANGESET, ENTERPRISE_ATTRIBUTE, GROUP, SERVICE_TEXTS, SPECIFICATION


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
