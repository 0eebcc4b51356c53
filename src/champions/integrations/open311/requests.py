"""What we accept: a POSTed service request as a grievance input, and the GET filters."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone

from champions.core.errors import ValidationFailed
from champions.grievances.choices import ComplainantType
from champions.grievances.services import GrievanceInput

from .answers import service_category
from .spec import (
    _CONTROL_CHARACTERS,
    _OFFSET_SPACE,
    MAX_DAYS,
    MAX_REQUESTS,
    REQUIRED,
    STATUS_GROUPS,
    SUBJECT_LENGTH,
)


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
