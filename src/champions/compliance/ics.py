"""iCalendar (RFC 5545) export of due dates, written by hand. Pure.

Each due date is an all-day VEVENT (DTSTART;VALUE=DATE, DTEND the next day) with a stable UID,
so importing the file again updates the events instead of doubling them. Lines end in CRLF and
are folded at 75 octets without splitting a UTF-8 character (RFC 5545 s.3.1); text values are
escaped (s.3.3.11).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

MAX_LINE_OCTETS = 75
PRODUCT_ID = "-//Champions//Compliance calendar//EN"


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    day: date
    summary: str
    description: str = ""
    url: str = ""
    remind_days_before: int | None = None


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """One content line, folded: every physical line is at most 75 octets before its CRLF."""
    parts: list[str] = []
    current, size = "", 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            # A continuation line starts with one space, which counts towards its 75 octets.
            current, size, limit = " ", 1, MAX_LINE_OCTETS
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _event_lines(event: IcsEvent, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(event.summary)}",
        "TRANSP:TRANSPARENT",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    if event.remind_days_before:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(event.summary)}",
            f"TRIGGER:-P{event.remind_days_before}D",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def calendar_ics(*, name: str, events: list[IcsEvent], now: datetime) -> str:
    """A VCALENDAR with the events; `now` (aware) becomes every DTSTAMP, in UTC."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += _event_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
