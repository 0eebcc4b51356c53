"""Reads for insights: the AI register and the systemic issues, for the hub and analysts."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from champions.accounts.selectors import (
    user_is_analyst,
    user_is_officer,
    user_sees_whole_country,
)
from champions.grievances import selectors as grievance_selectors
from champions.grievances.choices import Category, TriageField
from champions.triage import services as triage_services

from .models import SystemicCluster

PERIODS = {"week": 12, "month": 12}  # how many periods the override table shows
MEMBERS_SHOWN = 20  # grievances listed under each systemic issue (closest to its centre)


def user_sees_insights(user) -> bool:
    """Hub officers, leadership and administrators (the whole country) and analysts, who see
    aggregates only (no grievance behind them)."""
    return bool(user.is_authenticated and (user_sees_whole_country(user) or user_is_analyst(user)))


# --- The AI register -------------------------------------------------------------------------


@dataclass(frozen=True)
class RateCell:
    triaged: int
    overridden: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.overridden / self.triaged) if self.triaged else None


@dataclass(frozen=True)
class RateRow:
    category: str
    label: str
    cells: list[RateCell]
    total: RateCell


def _period_starts(period: str, count: int, now: datetime) -> list[date]:
    today = timezone.localdate(now)
    if period == "month":
        starts, year, month = [], today.year, today.month
        for _n in range(count):
            starts.append(date(year, month, 1))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return starts[::-1]
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=n) for n in range(count - 1, -1, -1)]


def override_rate_table(*, period: str = "week", now: datetime | None = None):
    """Per predicted category and per week (or month): grievances triaged and how many of
    their categories officers overrode. Returns (period starts, rows, overall row)."""
    period = period if period in PERIODS else "week"
    starts = _period_starts(period, PERIODS[period], now or timezone.now())
    since = timezone.make_aware(datetime.combine(starts[0], datetime.min.time()))
    counts = grievance_selectors.triage_review_counts(since=since, period=period)
    by_key = {(row.period, row.category): row for row in counts}
    rows = []
    for value, label in Category.choices:
        cells = [
            RateCell(
                triaged=by_key[(start, value)].triaged if (start, value) in by_key else 0,
                overridden=by_key[(start, value)].overridden if (start, value) in by_key else 0,
            )
            for start in starts
        ]
        rows.append(RateRow(value, str(label), cells, _sum(cells)))
    columns = [_sum([row.cells[i] for row in rows]) for i in range(len(starts))]
    overall = RateRow("", "", columns, _sum(columns))
    return starts, rows, overall


def _sum(cells: list[RateCell]) -> RateCell:
    return RateCell(sum(c.triaged for c in cells), sum(c.overridden for c in cells))


def decision_totals() -> list[dict]:
    """Per reviewed field (category, department, priority): acceptances, overrides, rate."""
    totals = grievance_selectors.triage_decision_totals()
    rows = []
    for field, label in TriageField.choices:
        counts = totals.get(field, {"accepted": 0, "overridden": 0})
        decided = counts["accepted"] + counts["overridden"]
        rows.append(
            {
                "label": label,
                "accepted": counts["accepted"],
                "overridden": counts["overridden"],
                "percent": round(100 * counts["overridden"] / decided) if decided else None,
            }
        )
    return rows


@dataclass(frozen=True)
class ModelEntry:
    name: str
    version: str
    trained_at: str
    rows: int | None
    sources: list[tuple[str, int]]
    scores: list[tuple[str, str]]
    classes: int | None


def _scores(entry: dict) -> list[tuple[str, str]]:
    scores = []
    holdout = entry.get("holdout") or {}
    for key, value in sorted({**holdout, **(entry.get("metrics") or {})}.items()):
        scores.append((str(key), str(value)))
    return scores


def _model_entry(name: str, entry: dict, manifest: dict) -> ModelEntry:
    sources = entry.get("sources") or {}
    classes = entry.get("classes")
    return ModelEntry(
        name=str(name),
        version=str(entry.get("version") or manifest.get("version", "")),
        trained_at=str(entry.get("trained_at") or manifest.get("trained_at", "")),
        rows=entry.get("rows"),
        sources=sorted((str(source), int(count)) for source, count in sources.items()),
        scores=_scores(entry),
        classes=len(classes) if isinstance(classes, list) else None,
    )


def model_register() -> dict:
    """What the model manifests say: every model's version, training data and counts,
    training date and evaluation figures. Empty when no model is built yet."""
    manifest = triage_services.models_manifest()
    if manifest is None:
        return {"models": [], "data_files": []}
    entries = [
        _model_entry(name, entry, manifest)
        for name, entry in (manifest.get("models") or {}).items()
    ]
    # The embedding model is not trained here: it ships, pre-trained, inside a package.
    entries.append(
        ModelEntry(
            name="embeddings",
            version=triage_services.embeddings.EMBEDDING_MODEL,
            trained_at="",
            rows=None,
            sources=[],
            scores=[],
            classes=None,
        )
    )
    data_files = [
        (str(name), facts.get("rows"), str(facts.get("sha256", ""))[:12])
        for name, facts in (manifest.get("data") or {}).items()
    ]
    return {"models": entries, "data_files": data_files}


# --- Systemic issues -------------------------------------------------------------------------


@dataclass(frozen=True)
class ClusterView:
    cluster: SystemicCluster
    weeks: list[tuple[date, int]]
    growth: int  # this week's count less last week's
    members: list  # the grievances the user may open (none for analysts)


def systemic_cluster_list(*, user) -> list[ClusterView]:
    """The current clusters, largest first, with their weekly counts; each with the member
    grievances this user may open (officers in scope only)."""
    clusters = list(SystemicCluster.objects.prefetch_related("weeks", "members"))
    visible: dict[int, object] = {}
    if user_is_officer(user):
        ids = [m.grievance_id for c in clusters for m in c.members.all()[:MEMBERS_SHOWN]]
        visible = {
            g.pk: g
            for g in grievance_selectors.grievance_list_by_ids_for_user(
                user=user, grievance_ids=ids
            )
        }
    views = []
    for cluster in clusters:
        weeks = [(week.week_start, week.count) for week in cluster.weeks.all()]
        counts = [count for _start, count in weeks]
        growth = counts[-1] - counts[-2] if len(counts) >= 2 else 0
        shown = cluster.members.all()[:MEMBERS_SHOWN]
        members = [visible[m.grievance_id] for m in shown if m.grievance_id in visible]
        views.append(ClusterView(cluster, weeks, growth, members))
    return views


GROWING_SHOWN = 5


def systemic_growing() -> list[tuple[str, int, int]]:
    """The systemic issues growing fastest this week: (label, size, growth). No grievances,
    so any dashboard reader may see them. Two queries."""
    clusters = SystemicCluster.objects.prefetch_related("weeks")
    rows = []
    for cluster in clusters:
        counts = [week.count for week in cluster.weeks.all()]
        growth = counts[-1] - counts[-2] if len(counts) >= 2 else 0
        rows.append((cluster.label, cluster.size, growth))
    return sorted(rows, key=lambda row: (-row[2], -row[1]))[:GROWING_SHOWN]
