"""Writes for insights: the systemic-issue clusters, rebuilt from scratch by a periodic job."""

import logging
from datetime import date, datetime, timedelta

import numpy as np
from django.db import transaction
from django.utils import timezone
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from champions.grievances import selectors as grievance_selectors
from champions.triage import services as triage_services

from .models import SystemicCluster, SystemicClusterMember, SystemicClusterWeek

# The rollups' writes live in their own module; they are services like the rest.
from .rollups import rollups_catch_up, rollups_catch_up_all, rollups_rebuild  # noqa: F401
from .summary import weekly_summary_send  # noqa: F401

log = logging.getLogger(__name__)

SYSTEMIC_WEEKS = 12  # the window the clusters look at, this week included
MIN_CLUSTER_SIZE = 3
MIN_MSMES = 2  # one MSME repeating itself is a duplicate, not a systemic issue
TERMS = 5  # words that name a cluster
# Words (Latin or Devanagari, three letters or more) for naming clusters; Devanagari vowel
# signs are not \w in Python's re, so the range is spelt out.
WORD = r"[A-Za-z\u0900-\u097F]{3,}"
NAMING_STOP_WORDS = sorted(
    ENGLISH_STOP_WORDS
    | {"please", "our", "hai", "hain", "nahi", "ki", "ke", "ka", "और", "है", "हैं", "की", "के", "का"}
)


def week_start(moment: datetime) -> date:
    """The Monday of the (local) week of `moment`."""
    day = timezone.localdate(moment)
    return day - timedelta(days=day.weekday())


def _window_weeks(now: datetime, weeks: int) -> list[date]:
    last = week_start(now)
    return [last - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


@transaction.atomic
def systemic_clusters_refresh(
    *, weeks: int = SYSTEMIC_WEEKS, now: datetime | None = None
) -> list[SystemicCluster]:
    """Cluster the embeddings of the grievances lodged in the last `weeks` weeks and keep the
    clusters that span at least two MSMEs, with their members and counts per week. Replaces
    the previous run's clusters, so running it twice gives the same result."""
    now = now or timezone.now()
    window = _window_weeks(now, weeks)
    since = timezone.make_aware(datetime.combine(window[0], datetime.min.time()))
    rows = grievance_selectors.grievance_vectors_since(since=since)
    SystemicCluster.objects.all().delete()
    if len(rows) < MIN_CLUSTER_SIZE:
        return []
    matrix = np.vstack([row.vector for row in rows])
    found = triage_services.clusters_find(matrix, min_size=MIN_CLUSTER_SIZE)
    version = triage_services.embeddings.EMBEDDING_MODEL
    texts = [row.text for row in rows]
    clusters = []
    for cluster in found:
        members = [
            (rows[index], _similarity(matrix, cluster.members, index)) for index in cluster.members
        ]
        if len({row.msme for row, _similarity in members}) < MIN_MSMES:
            continue
        terms = cluster_terms(texts, cluster.members)
        clusters.append(_cluster_store(terms, members, window=window, now=now, version=version))
    return clusters


def _similarity(matrix: np.ndarray, members: list[int], index: int) -> float:
    centre = matrix[members].mean(axis=0)
    return float(matrix[index] @ (centre / max(float(np.linalg.norm(centre)), 1e-9)))


def cluster_terms(texts: list[str], members: list[int]) -> list[str]:
    """The words that set the cluster's texts apart from the others (mean TF-IDF)."""
    vectoriser = TfidfVectorizer(
        token_pattern=WORD, stop_words=NAMING_STOP_WORDS, sublinear_tf=True, lowercase=True
    )
    try:
        matrix = vectoriser.fit_transform(texts)
    except ValueError:  # no word at all (digits or punctuation only)
        return []
    weights = np.asarray(matrix[members].mean(axis=0)).ravel()
    names = vectoriser.get_feature_names_out()
    return [str(names[i]) for i in np.argsort(-weights)[:TERMS] if weights[i] > 0]


def _cluster_store(
    terms: list[str], members, *, window: list[date], now, version: str
) -> SystemicCluster:
    lodged = [row.lodged_at for row, _similarity in members]
    stored = SystemicCluster.objects.create(
        label=", ".join(terms[:4])[:200] or "—",
        terms=terms,
        size=len(members),
        msme_count=len({row.msme for row, _similarity in members}),
        first_seen=min(lodged),
        last_seen=max(lodged),
        model_version=version[:100],
        computed_at=now,
    )
    SystemicClusterMember.objects.bulk_create(
        SystemicClusterMember(
            cluster=stored, grievance_id=row.grievance_id, similarity=round(float(similarity), 4)
        )
        for row, similarity in members
    )
    counts = dict.fromkeys(window, 0)
    for moment in lodged:
        start = week_start(moment)
        if start in counts:
            counts[start] += 1
    SystemicClusterWeek.objects.bulk_create(
        SystemicClusterWeek(cluster=stored, week_start=start, count=count)
        for start, count in counts.items()
    )
    return stored
