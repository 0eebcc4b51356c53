"""The hand-written iCalendar export (RFC 5545): structure, CRLF, folding, escaping."""

from datetime import UTC, date, datetime

from champions.compliance.ics import IcsEvent, calendar_ics, escape_text, fold

NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)


def _events() -> list[IcsEvent]:
    return [
        IcsEvent(
            uid="gstr3b_monthly-20261220-enterprise-7@champions",
            day=date(2026, 12, 20),
            summary="GSTR-3B: summary return and tax payment (monthly) (November 2026)",
            description="Source: CGST Act 2017 s.39(1); CGST Rules 2017 r.61.\nSecond line",
            url="https://www.gst.gov.in",
            remind_days_before=3,
        ),
        IcsEvent(
            uid="epf-20261215-enterprise-7@champions",
            day=date(2026, 12, 15),
            summary="ईपीएफ अंशदान और इलेक्ट्रॉनिक चालान-सह-रिटर्न (ईसीआर) (नवंबर 2026) " * 2,
        ),
    ]


def _unfolded(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_structure_and_crlf():
    text = calendar_ics(name="Compliance calendar: Deccan Tools", events=_events(), now=NOW)

    lines = _unfolded(text)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert lines[:3] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Champions//Compliance calendar//EN",
    ]
    assert lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 2
    assert lines.count("BEGIN:VALARM") == lines.count("END:VALARM") == 1
    first = lines[lines.index("BEGIN:VEVENT") : lines.index("END:VEVENT") + 1]
    assert "UID:gstr3b_monthly-20261220-enterprise-7@champions" in first
    assert "DTSTAMP:20261123T063000Z" in first
    assert "DTSTART;VALUE=DATE:20261220" in first
    assert "DTEND;VALUE=DATE:20261221" in first
    assert "TRIGGER:-P3D" in first
    assert (
        "DESCRIPTION:Source: CGST Act 2017 s.39(1)\\; CGST Rules 2017 r.61.\\nSecond line" in first
    )


def test_every_physical_line_is_at_most_75_octets_and_no_character_is_split():
    text = calendar_ics(name="x", events=_events(), now=NOW)

    physical = text.split("\r\n")[:-1]
    assert max(len(line.encode("utf-8")) for line in physical) <= 75
    assert any(line.startswith(" ") for line in physical)  # the Hindi summary was folded
    unfolded = _unfolded(text)
    assert f"SUMMARY:{_events()[1].summary}" in unfolded


def test_fold_leaves_short_lines_alone():
    assert fold("SUMMARY:short") == "SUMMARY:short"
    assert fold("X" * 75) == "X" * 75
    assert fold("X" * 76) == "X" * 75 + "\r\n X"


def test_escape_text():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
