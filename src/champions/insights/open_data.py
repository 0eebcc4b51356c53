"""Open data: monthly grievance counts by state, category, channel and outcome, and resolution
times, read from the rollups only (whole months from MonthlyRollup, see periods.py). The
rollups hold counts and nothing else (no name, mobile,
e-mail, Udyam number or text can reach this file), and any count below 10 is shown as "<10"
so that no small group of MSMEs can be picked out."""

import io
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from champions.core import spreadsheets
from champions.core.errors import ValidationFailed

from .models import ALL
from .periods import period_sums
from .rollups import OVER_LAST_BUCKET, RESOLUTION_BUCKETS

SUPPRESS_BELOW = 10
SUPPRESSED = "<10"
LICENCE = "Government Open Data Licence - India (GODL-India), https://data.gov.in/government-open-data-license-india"
# Rollup metric -> the outcome named in the file.
MEASURES = {
    "lodged": "lodged",
    "resolved": "resolved",
    "resolved_in_sla": "resolved_within_21_working_days",
    "escalated": "escalated",
    "appealed": "appealed",
    "closed": "closed",
}
HEADER = ["month", "state", "category", "channel", "measure", "value"]
MAX_MONTHS = 120
BUCKET_LABELS = [label for _limit, label in RESOLUTION_BUCKETS] + [OVER_LAST_BUCKET]


@dataclass(frozen=True)
class Period:
    start: date
    end: date


def period_parse(*, start: date | None, end: date | None, today: date) -> Period:
    """From the first day of last year (or `start`) to today (or `end`); 422 naming the field
    when the range is backwards or longer than ten years."""
    start = start or date(today.year - 1, 1, 1)
    end = end or today
    if end < start:
        raise ValidationFailed(
            "Invalid input.", errors={"to": ["The end date is before the start date."]}
        )
    if (end.year - start.year) * 12 + end.month - start.month >= MAX_MONTHS:
        raise ValidationFailed("Invalid input.", errors={"from": ["Ask for ten years at most."]})
    return Period(start, end)


def _cell(count: int) -> str:
    return SUPPRESSED if count < SUPPRESS_BELOW else str(count)


# Each breakdown: the dimension it lists ("state", "category" or "channel"); the others are "*".
BREAKDOWNS = ("state", "category", "channel")


def _counts(period: Period, dimension: str) -> list[list[str]]:
    """Per month and value of one dimension (all values of the others): every measure."""
    # Category and channel have "*" rows; states are summed (they have none).
    scope = Q(metric__in=MEASURES, language=ALL)
    for name in ("category", "channel"):
        scope &= Q(**{name: ALL}) if name != dimension else ~Q(**{name: ALL})
    sums = period_sums(
        scope, start=period.start, end=period.end, group=(dimension, "metric"), by_month=True
    )
    out = []
    for (month, value, metric), (n, _total) in sorted(sums.items()):
        cells = {"state": ALL, "category": ALL, "channel": ALL, dimension: value or "unknown"}
        out.append(
            [
                month.strftime("%Y-%m"),
                cells["state"],
                cells["category"],
                cells["channel"],
                MEASURES[metric],
                _cell(n),
            ]
        )
    return out


def _percentile(buckets: list[tuple[str, int]], share: float) -> str:
    total = sum(n for _label, n in buckets)
    running = 0
    for label, n in buckets:
        running += n
        if running >= share * total:
            return label
    return OVER_LAST_BUCKET


def _percentiles(period: Period) -> list[list[str]]:
    """Per month and state, the band of days within which half (p50) and nine in ten (p90)
    of the resolved grievances were resolved; suppressed below 10 resolutions."""
    scope = Q(
        metric__in=[f"resolved_in:{label}" for label in BUCKET_LABELS],
        category=ALL,
        channel=ALL,
        language=ALL,
    )
    sums = period_sums(
        scope, start=period.start, end=period.end, group=("state", "metric"), by_month=True
    )
    rows = [(month, state, metric, n) for (month, state, metric), (n, _t) in sums.items()]
    labels = BUCKET_LABELS
    groups: dict[tuple, dict[str, int]] = {}
    for month, state, metric, n in rows:
        groups.setdefault((month, state), {})[metric.removeprefix("resolved_in:")] = n
    out = []
    for (month, state), counts in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1])):
        buckets = [(label, counts.get(label, 0)) for label in labels]
        enough = sum(n for _l, n in buckets) >= SUPPRESS_BELOW
        for name, share in (("resolution_days_p50", 0.5), ("resolution_days_p90", 0.9)):
            value = _percentile(buckets, share) if enough else SUPPRESSED
            out.append([month.strftime("%Y-%m"), state or "unknown", ALL, ALL, name, value])
    return out


def open_data_csv(*, period: Period) -> str:
    """The whole file: a header, the counts per state, per category and per channel (each
    month), then the resolution-time percentiles per state and month."""
    buffer = io.StringIO()
    writer = spreadsheets.csv_writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for dimension in BREAKDOWNS:
        writer.writerows(_counts(period, dimension))
    writer.writerows(_percentiles(period))
    return buffer.getvalue()


def open_data_page() -> dict:
    """What the open-data page shows: the file's columns, its rules and its licence."""
    return {
        "licence": LICENCE,
        "suppress_below": SUPPRESS_BELOW,
        "measures": [*list(MEASURES.values()), "resolution_days_p50", "resolution_days_p90"],
        "header": HEADER,
    }
