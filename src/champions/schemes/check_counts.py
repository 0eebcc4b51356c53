"""Counting eligibility checks anonymously, for the MIS dashboard's schemes panel.

A check made by a person (the questionnaire's results, `POST /api/v1/schemes/eligibility`)
adds one to the day's count for the state and sector answered, and one to each scheme it
found the profile eligible for. Nothing else of the answers is kept, nor who asked.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from .eligibility import ELIGIBLE
from .models import EligibilityCheckCount, Scheme

TOP_SCHEMES = 10


def _bump(**key) -> None:
    row, _created = EligibilityCheckCount.objects.get_or_create(**key)
    EligibilityCheckCount.objects.filter(pk=row.pk).update(count=F("count") + 1)


@transaction.atomic
def eligibility_check_record(*, check, on: date | None = None) -> None:
    """Count one check: the day, the state and sector answered, the schemes matched."""
    key = {
        "day": on or timezone.localdate(),
        "state": str(check.facts.get("state", ""))[:3],
        "sector": str(check.facts.get("sector", ""))[:20],
    }
    matched = sorted({r.scheme_id[:60] for r in check.results if r.status == ELIGIBLE})
    for scheme_id in ["", *matched]:
        _bump(**key, scheme_id=scheme_id)


@dataclass(frozen=True)
class CheckStats:
    checks: int
    schemes: list[tuple[str, int]]  # (scheme name, checks that matched it), most first
    states: list[tuple[str, int]]  # (state code as answered, "" not answered; checks)


def eligibility_check_stats(*, since: date, state: str = "") -> CheckStats:
    """The checks counted since a day (in one state or all): how many, the most-matched
    schemes and the checks per state. Three queries."""
    rows = EligibilityCheckCount.objects.filter(day__gte=since)
    if state:
        rows = rows.filter(state=state)
    per_state = list(
        rows.filter(scheme_id="").values_list("state").annotate(n=Sum("count")).order_by("-n")
    )
    per_scheme = list(
        rows.exclude(scheme_id="")
        .values_list("scheme_id")
        .annotate(n=Sum("count"))
        .order_by("-n", "scheme_id")[:TOP_SCHEMES]
    )
    names = {s.slug: s.name for s in Scheme.objects.filter(slug__in=[s for s, _n in per_scheme])}
    return CheckStats(
        checks=sum(n for _state, n in per_state),
        schemes=[(names.get(slug, slug), n) for slug, n in per_scheme],
        states=per_state,
    )
