"""What buyers and suppliers search for: every match search (page or API) adds one to a daily
count per product heading or industry it asked for (declared, or read from its words), per
partner country wanted and side. Nothing else is kept: no user, no profile, no text, no time
of day. The market page shows a count only when it reaches `MIN_COUNT` over the period, so a
single unit's searches cannot be picked out."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from . import codes
from .choices import OFFER_KINDS
from .matching import MatchQuery, codes_from_text
from .models import SearchTally

MIN_COUNT = 5  # smaller counts are not shown
MAX_CODES, MAX_COUNTRIES = 8, 5  # what one search may add to
SOUGHT, OFFERED = "sought", "offered"


def search_codes(query: MatchQuery) -> list[str]:
    """The headings ("hs:5205") and industries ("nic:1391") a search asks for."""
    found = {f"hs:{c[:4]}" for c in query.hs_codes if len(c) >= 4}
    found |= {f"nic:{c[:4]}" for c in query.nic_codes if len(c) >= 4}
    if query.text.strip():
        found |= {label for label, _sim in codes_from_text(query.text)}
    return sorted(found)[:MAX_CODES]


@transaction.atomic
def search_record(*, query: MatchQuery) -> int:
    """Count the search; returns how many counters moved."""
    side = OFFERED if query.kind in OFFER_KINDS else SOUGHT
    countries = sorted(set(query.countries))[:MAX_COUNTRIES] or [""]
    day = timezone.localdate()
    moved = 0
    for code in search_codes(query):
        for country in countries:
            _increment(day=day, code=code, country=country, side=side)
            moved += 1
    return moved


def _increment(**key) -> None:
    counter = SearchTally.objects.filter(**key)
    if counter.update(searches=F("searches") + 1):
        return
    try:
        with transaction.atomic():
            SearchTally.objects.create(**key, searches=1)
    except IntegrityError:  # another request created it first
        counter.update(searches=F("searches") + 1)


@dataclass(frozen=True)
class SearchedRow:
    code: str  # "hs:5205"
    name: str
    country: str  # ISO code, "" = any
    side: str
    searches: int

    @property
    def label(self) -> str:
        kind, number = self.code.split(":")
        return f"{kind.upper()} {number}"


@dataclass(frozen=True)
class SearchSummary:
    days: int
    rows: list[SearchedRow]  # counts of at least MIN_COUNT, most searched first
    hidden: int  # rows left out because their count is smaller
    min_count: int = MIN_COUNT


def _name(code: str) -> str:
    kind, number = code.split(":")
    return codes.hs_name(number) if kind == "hs" else codes.nic_name(number)


def searches_summary(*, days: int = 90) -> SearchSummary:
    since = timezone.localdate() - timedelta(days=days)
    totals = (
        SearchTally.objects.filter(day__gt=since)
        .values("code", "country", "side")
        .annotate(n=Sum("searches"))
        .order_by("-n", "code", "country", "side")
    )
    rows, hidden = [], 0
    for t in totals:
        if t["n"] < MIN_COUNT:
            hidden += 1
            continue
        rows.append(SearchedRow(t["code"], _name(t["code"]), t["country"], t["side"], t["n"]))
    return SearchSummary(days=days, rows=rows, hidden=hidden)


def searches_csv_rows(summary: SearchSummary) -> list[list]:
    header = ["code_type", "code", "name", "partner_country", "side", "searches"]
    body = [
        [r.code.split(":")[0], r.code.split(":")[1], r.name, r.country, r.side, r.searches]
        for r in summary.rows
    ]
    return [header, *body]
