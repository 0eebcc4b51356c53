"""Reads for the sparks list: the facts of each unit gathered from the apps that hold them
(through their selectors), the score, the fairness summary, shortlists and actions."""

import statistics
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from champions.accounts.selectors import user_is_officer
from champions.clusters.selectors import cluster_activity_by_enterprise
from champions.registry.selectors import (
    category_history_by_enterprise,
    enterprise_get_for_user,
    enterprise_queryset_for_user,
)

from ..choices import SECTORS, FactKind
from ..errors import PermissionDenied
from ..matching import matching_is_available
from ..models import HandHoldingAction, RecordedFact, SparkShortlist
from ..sparks import FACT_SOURCES, SparkFacts, SparkScore, spark_score
from .opportunities import responding_counts

MAX_SCORED = 500  # the list scores at most this many units of a sector and state


def check_officer(user) -> None:
    if not user_is_officer(user):
        raise PermissionDenied(_("The sparks list is for officers."))


def _recorded(enterprise_ids: list[int]) -> tuple[dict[int, list[str]], dict[int, int]]:
    certificates: dict[int, list[str]] = {}
    benefits: dict[int, int] = {}
    for enterprise_id, kind in RecordedFact.objects.filter(
        enterprise_id__in=enterprise_ids
    ).values_list("enterprise_id", "kind"):
        if kind == FactKind.SCHEME_BENEFIT:
            benefits[enterprise_id] = benefits.get(enterprise_id, 0) + 1
        else:
            certificates.setdefault(enterprise_id, []).append(kind)
    return certificates, benefits


def _network_activity(enterprise_ids: list[int]) -> dict[int, int] | None:
    """Posts and introductions per unit from the network app; None when it is not installed."""
    if not matching_is_available():
        return None
    from champions.network.selectors import network_activity_by_enterprise

    return network_activity_by_enterprise(enterprise_ids=enterprise_ids)


def facts_for(enterprises: list) -> dict[int, SparkFacts]:
    """The facts of each unit, read in a fixed number of queries whatever their number."""
    ids = [e.pk for e in enterprises]
    history = category_history_by_enterprise(enterprise_ids=ids)
    certificates, benefits = _recorded(ids)
    clusters = cluster_activity_by_enterprise(enterprise_ids=ids)
    network = _network_activity(ids)
    responding = responding_counts(enterprise_ids=ids)
    grievances = (
        FACT_SOURCES["grievances"](enterprise_ids=ids) if "grievances" in FACT_SOURCES else {}
    )
    facts = {}
    for e in enterprises:
        past = history.get(e.pk, [])
        facts[e.pk] = SparkFacts(
            turnover_history=(*(t for _c, t in past), e.turnover_inr),
            category_history=_dedupe((*(c for c, _t in past), e.category)),
            turnover_inr=e.turnover_inr,
            export_turnover_inr=e.export_turnover_inr,
            employees=e.employees,
            certificates=tuple(certificates.get(e.pk, ())),
            scheme_benefits=benefits.get(e.pk, 0),
            cluster_activity=clusters.get(e.pk, 0),
            network_activity=None if network is None else network.get(e.pk, 0),
            matched=responding.get(e.pk, (0, 0))[0],
            answered=responding.get(e.pk, (0, 0))[1],
            grievances_lodged=grievances.get(e.pk, (0, 0))[0],
            grievances_resolved=grievances.get(e.pk, (0, 0))[1],
        )
    return facts


def _dedupe(categories: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for c in categories:
        if not out or out[-1] != c:
            out.append(c)
    return tuple(out)


@dataclass(frozen=True)
class SparkRow:
    enterprise: Any  # registry Enterprise, read through registry.selectors
    score: SparkScore
    shortlisted: bool


@dataclass(frozen=True)
class Group:
    label: str
    count: int
    mean: float
    median: float


@dataclass(frozen=True)
class SparksList:
    rows: list[SparkRow]
    scored: int
    truncated: bool
    by_state: list[Group]
    by_size: list[Group]
    by_women: list[Group]


def sparks_list(
    *, user, sector: str = "electronics", state_code: str = "", shortlist_only: bool = False
) -> SparksList:
    """Units of a sector (and state) the officer may see, best score first, with fairness groups."""
    check_officer(user)
    qs = enterprise_queryset_for_user(user=user).select_related("state").filter(country="IN")
    prefixes = SECTORS.get(sector, SECTORS["electronics"])[1]
    if prefixes:
        qs = qs.filter(primary_nic__regex=r"^(" + "|".join(prefixes) + ")")
    if state_code:
        qs = qs.filter(state__udyam_code=state_code)
    shortlisted = set(
        SparkShortlist.objects.filter(officer=user).values_list("enterprise_id", flat=True)
    )
    if shortlist_only:
        qs = qs.filter(pk__in=shortlisted)
    enterprises = list(qs.order_by("-id")[: MAX_SCORED + 1])
    truncated = len(enterprises) > MAX_SCORED
    enterprises = enterprises[:MAX_SCORED]
    facts = facts_for(enterprises)
    rows = [SparkRow(e, spark_score(facts[e.pk]), e.pk in shortlisted) for e in enterprises]
    rows.sort(key=lambda r: (-r.score.total, r.enterprise.pk))
    return SparksList(rows, len(rows), truncated, *_fairness(rows))


def _groups(rows: list[SparkRow], key) -> list[Group]:
    grouped: dict[str, list[float]] = {}
    for row in rows:
        grouped.setdefault(key(row.enterprise), []).append(row.score.total)
    return [
        Group(label, len(v), round(statistics.fmean(v), 1), round(statistics.median(v), 1))
        for label, v in sorted(grouped.items())
    ]


def _fairness(rows: list[SparkRow]) -> tuple[list[Group], list[Group], list[Group]]:
    """The score's spread by state, size class and women ownership: read only for this summary."""
    women = _("Women-owned")
    others = _("Not women-owned or not stated")
    return (
        _groups(rows, lambda e: str(e.state) if e.state_id else "-"),
        _groups(rows, lambda e: e.get_category_display()),
        _groups(rows, lambda e: women if e.owner_gender == "female" else others),
    )


@dataclass(frozen=True)
class SparkDetail:
    enterprise: Any  # registry Enterprise, read through registry.selectors
    score: SparkScore
    facts: list[RecordedFact]
    actions: list[HandHoldingAction]
    shortlisted: bool


def spark_detail(*, user, enterprise_id: int) -> SparkDetail:
    check_officer(user)
    enterprise = enterprise_get_for_user(user=user, enterprise_id=enterprise_id)
    score = spark_score(facts_for([enterprise])[enterprise.pk])
    return SparkDetail(
        enterprise=enterprise,
        score=score,
        facts=list(RecordedFact.objects.filter(enterprise_id=enterprise.pk)),
        actions=list(
            HandHoldingAction.objects.filter(enterprise_id=enterprise.pk).select_related("officer")
        ),
        shortlisted=SparkShortlist.objects.filter(
            officer=user, enterprise_id=enterprise.pk
        ).exists(),
    )


def action_counts(*, enterprise_ids: list[int]) -> dict[int, int]:
    rows = (
        HandHoldingAction.objects.filter(enterprise_id__in=enterprise_ids)
        .values("enterprise_id")
        .annotate(n=Count("id"))
    )
    return {r["enterprise_id"]: r["n"] for r in rows}
