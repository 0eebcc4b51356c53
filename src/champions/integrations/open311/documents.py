"""Rendering an Open311 document as JSON or XML, and a domain error as the spec's error list."""

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from champions.core.errors import DomainError, ValidationFailed

from .spec import _NOT_XML_CHARACTERS, CONTENT_TYPES, FIELD_PARAMS


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
