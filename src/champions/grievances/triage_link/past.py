"""The nearest past grievances of a grievance, with their outcome: what an officer can check
a triage against (instead of hand-written examples). Found once, right after the grievance is
embedded (the after-commit task), among finished grievances' stored vectors; their ids and
similarities are kept in the grievance's triage explanation. The officer's page reads them
through the officer's own scope, so a past grievance the officer may not see is never shown.
"""

import numpy as np

from champions.triage import services as triage_services

from ..choices import Status, TriageScope
from ..models import Grievance, GrievanceVector, Triage

FINISHED = (Status.RESOLVED, Status.CLOSED, Status.APPEAL_DECIDED)
KEPT = 10  # stored per grievance; the page shows the first 3 the officer may see
SHOWN = 3
CANDIDATES = 5000  # the newest finished grievances searched (brute force, in the task)
# Below this cosine a grievance is about something else (the "related" pairs of our labelled
# set score about 0.87-0.9, unrelated ones about 0.8; see docs/AI.md, thresholds).
MIN_SIMILARITY = 0.86


def past_grievances_find(*, grievance: Grievance, vector: np.ndarray) -> list[dict]:
    """The finished grievances (not merged away) most similar to `grievance`, best first,
    as {"grievance_id", "similarity"}."""
    rows = list(
        GrievanceVector.objects.filter(
            grievance__status__in=FINISHED, grievance__merged_into__isnull=True
        )
        .exclude(grievance_id=grievance.pk)
        .only("grievance_id", "vector")
        .order_by("-grievance_id")[:CANDIDATES]
    )
    if not rows:
        return []
    matrix = np.vstack([np.frombuffer(bytes(row.vector), dtype=np.float32) for row in rows])
    indices, scores = triage_services.nearest_neighbours(vector, matrix, k=KEPT)
    return [
        {"grievance_id": rows[i].grievance_id, "similarity": round(float(s), 4)}
        for i, s in zip(indices[0], scores[0], strict=True)
        if i >= 0 and s >= MIN_SIMILARITY
    ]


def past_grievances_link(*, grievance: Grievance, vector: np.ndarray) -> Triage | None:
    """Keep the nearest past grievances in the grievance's current triage explanation."""
    stored = (
        Triage.objects.filter(grievance=grievance, scope=TriageScope.GRIEVANCE)
        .order_by("-id")
        .first()
    )
    if stored is None:
        return None
    explanation = stored.explanation if isinstance(stored.explanation, dict) else {}
    stored.explanation = {
        **explanation,
        "nearest_grievances": past_grievances_find(grievance=grievance, vector=vector),
    }
    stored.save(update_fields=["explanation"])
    return stored
