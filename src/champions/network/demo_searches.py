"""Demo counts of partner searches, so that the market page's "What users search for" is
alive on a fresh machine (like every demo figure, invented). Idempotent."""

from datetime import timedelta

from django.utils import timezone

from .models import SearchTally

# (code, partner country wanted, side, searches over the last few days)
DEMO_SEARCHES = [
    ("hs:5205", "IN", "sought", 23),
    ("hs:6109", "", "sought", 12),
    ("hs:4107", "IN", "sought", 8),
    ("hs:0910", "", "offered", 9),
    ("hs:7326", "", "sought", 6),
    ("nic:1410", "", "sought", 5),
    ("hs:6307", "", "sought", 3),  # below the threshold: not shown
]


def searches_demo_load() -> int:
    if SearchTally.objects.exists():
        return 0
    today = timezone.localdate()
    rows = []
    for code, country, side, total in DEMO_SEARCHES:
        days = min(total, 20)  # spread over the last days
        base, extra = divmod(total, days)
        for day in range(days):
            searches = base + (1 if day < extra else 0)
            when = today - timedelta(days=day)
            rows.append(
                SearchTally(day=when, code=code, country=country, side=side, searches=searches)
            )
    SearchTally.objects.bulk_create(rows)
    return sum(total for *_rest, total in DEMO_SEARCHES)
