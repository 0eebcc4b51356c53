"""Reads of AI triage: the officers' panel, and embeddings and decisions for insights."""

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
from django.db.models import Count, DateField, F, Q
from django.db.models.functions import TruncMonth, TruncWeek

from ..choices import TriageField, TriageScope
from ..models import (
    DuplicateCandidate,
    Grievance,
    GrievanceVector,
    Triage,
    TriageOverride,
)
from ..scope import grievance_list_by_ids_for_user
from .past import SHOWN as PAST_SHOWN


@dataclass(frozen=True)
class TriagePanel:
    """What AI triage said about a grievance, for officers: the prediction on its own text and
    on the thread, per message, the latest decision per field, and same-MSME duplicates."""

    grievance: Triage | None
    thread: Triage | None
    messages: dict[int, Triage]
    decisions: dict[str, TriageOverride]
    duplicates: list[DuplicateCandidate]
    # The nearest finished grievances the officer may see, with their cosine, best first.
    past: list[tuple[Grievance, float]] = dataclasses.field(default_factory=list)


def _past_visible(triage: Triage | None, user) -> list[tuple[Grievance, float]]:
    explanation = triage.explanation if triage and isinstance(triage.explanation, dict) else {}
    found = {
        int(item["grievance_id"]): float(item.get("similarity", 0))
        for item in explanation.get("nearest_grievances") or []
        if isinstance(item, dict) and str(item.get("grievance_id", "")).isdigit()
    }
    if not found or user is None:
        return []
    visible = grievance_list_by_ids_for_user(user=user, grievance_ids=list(found))
    visible.sort(key=lambda g: -found[g.pk])
    return [(g, found[g.pk]) for g in visible[:PAST_SHOWN]]


def triage_panel_get(*, grievance: Grievance, user=None) -> TriagePanel:
    """Officers' view of triage (the caller has checked the user is an officer in scope).
    The nearest past grievances are those of the stored explanation that `user` may see."""
    rows = list(Triage.objects.filter(grievance=grievance).order_by("id"))
    latest = {row.scope: row for row in rows if row.scope != TriageScope.MESSAGE}
    decisions: dict[str, TriageOverride] = {}
    for decision in TriageOverride.objects.filter(grievance=grievance).select_related("officer"):
        decisions.setdefault(decision.field, decision)  # newest first
    duplicates = list(
        DuplicateCandidate.objects.filter(grievance=grievance, earlier__merged_into__isnull=True)
        .select_related("earlier")
        .order_by("-similarity")
    )
    return TriagePanel(
        past=_past_visible(latest.get(TriageScope.GRIEVANCE), user),
        grievance=latest.get(TriageScope.GRIEVANCE),
        thread=latest.get(TriageScope.THREAD),
        messages={row.message_id: row for row in rows if row.message_id},
        decisions={field: decisions[field] for field in TriageField.values if field in decisions},
        duplicates=duplicates,
    )


@dataclass(frozen=True)
class GrievanceVectorRow:
    grievance_id: int
    vector: np.ndarray
    text: str
    lodged_at: datetime
    msme: str  # who lodged it: "enterprise:<id>", else "user:<id>", else "grievance:<id>"


def _msme_key(grievance: Grievance) -> str:
    if grievance.enterprise_id:
        return f"enterprise:{grievance.enterprise_id}"
    if grievance.complainant_id:
        return f"user:{grievance.complainant_id}"
    return f"grievance:{grievance.pk}"


def grievance_vectors_since(*, since: datetime, limit: int = 20000) -> list[GrievanceVectorRow]:
    """The embeddings of grievances lodged since `since` (not merged away), newest first, at
    most `limit`: what the systemic-issue clustering reads. Aggregates, so no user scope."""
    rows = (
        GrievanceVector.objects.filter(
            grievance__lodged_at__gte=since, grievance__merged_into__isnull=True
        )
        .select_related("grievance")
        .only(
            "vector",
            "grievance__subject",
            "grievance__description",
            "grievance__lodged_at",
            "grievance__enterprise_id",
            "grievance__complainant_id",
        )
        .order_by("-grievance_id")[:limit]
    )
    return [
        GrievanceVectorRow(
            grievance_id=row.grievance_id,
            vector=np.frombuffer(bytes(row.vector), dtype=np.float32),
            text=f"{row.grievance.subject}\n{row.grievance.description}",
            lodged_at=row.grievance.lodged_at,
            msme=_msme_key(row.grievance),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class TriageReviewCount:
    period: date  # the first day of the week (Monday) or month
    category: str  # as predicted
    triaged: int  # grievances the model put in this category
    overridden: int  # of those, grievances whose category an officer changed


def triage_review_counts(*, since: datetime, period: str = "week") -> list[TriageReviewCount]:
    """Per week (or month) of prediction and predicted category: how many grievances were
    triaged and how many of their categories officers overrode. Two GROUP BY queries."""
    trunc = TruncMonth if period == "month" else TruncWeek
    triaged = (
        Triage.objects.filter(scope=TriageScope.GRIEVANCE, created_at__gte=since)
        .annotate(period=trunc("created_at", output_field=DateField()))
        .values_list("period", "category")
        .annotate(total=Count("grievance", distinct=True))
        .order_by()
    )
    overridden = {
        (period_start, category): total
        for period_start, category, total in TriageOverride.objects.filter(
            field=TriageField.CATEGORY, triage__created_at__gte=since
        )
        .exclude(chosen=F("predicted"))
        .annotate(period=trunc("triage__created_at", output_field=DateField()))
        .values_list("period", "predicted")
        .annotate(total=Count("grievance", distinct=True))
        .order_by()
    }
    return sorted(
        (
            TriageReviewCount(
                period=period_start,
                category=category,
                triaged=total,
                overridden=overridden.get((period_start, category), 0),
            )
            for period_start, category, total in triaged
        ),
        key=lambda row: (row.period, row.category),
    )


def triage_decision_totals() -> dict[str, dict[str, int]]:
    """Per reviewed field, how many decisions were acceptances and how many overrides."""
    totals = {field: {"accepted": 0, "overridden": 0} for field in TriageField.values}
    rows = (
        TriageOverride.objects.values_list("field")
        .annotate(
            total=Count("id"),
            overridden=Count("id", filter=~Q(chosen=F("predicted"))),
        )
        .order_by()
    )
    for field, total, overridden in rows:
        if field in totals:
            totals[field] = {"accepted": total - overridden, "overridden": overridden}
    return totals
