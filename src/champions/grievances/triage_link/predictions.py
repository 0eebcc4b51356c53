"""AI triage of grievances, stored. Lodging commits and answers at once; right after commit
a task (`grievance_triage_task`) runs the fast models, stores their prediction, fills what
nobody chose (category, priority and so the due dates, department), then embeds the grievance
and links the same MSME's near-duplicates. The officer's page polls the triage panel until the
prediction is there. Messages and the thread's aggregate are triaged after commit too. The
models are `champions.triage`'s pure functions (no database, no grievances); this module turns
what they say into rows.

When the models are not built, the task stores nothing (a warning in the log) and
`grievance_triage_backfill` fills the gaps once they are.
"""

import logging
from collections import Counter
from dataclasses import asdict

import numpy as np
from django.db import connection, transaction
from django.db.models import Q

from champions.accounts.selectors import user_is_officer
from champions.triage import services as triage_services
from champions.triage.errors import TextTooLong, TriageModelsMissing

from ..choices import Category, FieldSource, Kind, Priority, TriageField, TriageScope
from ..models import (
    DuplicateCandidate,
    Grievance,
    GrievanceVector,
    Message,
    Triage,
    TriageOverride,
)
from ..sla.clock import add_working_days
from ..sla.selectors import calendar_for, sla_policy_for
from .past import past_grievances_link

log = logging.getLogger(__name__)

DUPLICATE_LIMIT = 5  # earlier grievances shown as possible duplicates
THREAD_TEXTS = 20  # the thread's mood is read from its latest texts


def grievance_text(grievance: Grievance) -> str:
    return f"{grievance.subject}\n{grievance.description}"


def text_triage(text: str):
    """The fast models' prediction for one text (a `TriageResult`), or None when the models
    are not built. Text beyond the models' limit is left out."""
    try:
        return triage_services.triage_text(text=text[: triage_services.MAX_TEXT_LENGTH])
    except (TriageModelsMissing, TextTooLong) as exc:
        log.warning("No triage stored: %s", exc.message)
        return None


def _fields(result) -> dict:
    """A `TriageResult` as the columns of a Triage row."""
    values = {}
    for name in ("category", "department", "urgency", "language", "sentiment", "emotion"):
        prediction = getattr(result, name)
        values[name] = str(prediction.label)
        values[f"{name}_confidence"] = round(float(prediction.confidence), 4)
    values["urgency_signals"] = [str(signal) for signal in result.urgency_signals]
    values["explanation"] = {
        **asdict(result.explanation),
        "sentiment_scores": result.sentiment_scores,
        "emotion_scores": result.emotion_scores,
    }
    values["model_versions"] = dict(result.model_versions)
    return values


def triage_store(
    *, grievance: Grievance, prediction, scope: str, message: Message | None = None
) -> Triage:
    return Triage.objects.create(
        grievance=grievance, message=message, scope=scope, **_fields(prediction)
    )


def prefill(grievance: Grievance, prediction, *, category_given: bool) -> None:
    """Fill an unsaved grievance from the prediction: the category when the MSME left it
    empty, the priority, the department suggestion and the language."""
    if category_given:
        grievance.category_source = FieldSource.COMPLAINANT
    elif prediction.category.label in Category.values:
        grievance.category = prediction.category.label
        grievance.category_source = FieldSource.TRIAGE
    # A suggestion has no urgency to act on: it keeps the default priority.
    if grievance.kind != Kind.SUGGESTION and prediction.urgency.label in Priority.values:
        grievance.priority = prediction.urgency.label
        grievance.priority_source = FieldSource.TRIAGE
    grievance.department = str(prediction.department.label)[:200]
    grievance.department_source = FieldSource.TRIAGE
    grievance.language = str(prediction.language.label)[:10]


def current_triage(grievance_id: int, scope: str = TriageScope.GRIEVANCE) -> Triage | None:
    return Triage.objects.filter(grievance_id=grievance_id, scope=scope).order_by("-id").first()


# --- After commit: messages, the thread, the embedding and duplicates -------------------------


def _complainant_texts(grievance: Grievance) -> list[str]:
    """The grievance and the MSME's side of the thread (officers' words are not its mood)."""
    texts = [grievance_text(grievance)]
    for message in grievance.messages.filter(is_internal=False).select_related("author"):
        if message.author is None or not user_is_officer(message.author):
            texts.append(message.body)
    return texts


@transaction.atomic
def message_triage(*, message_id: int) -> Triage | None:
    """Triage one message and refresh the thread's aggregate (idempotent per message)."""
    message = Message.objects.select_related("grievance").filter(pk=message_id).first()
    if message is None:
        return None
    stored = message.triages.order_by("-id").first()
    if stored is None:
        prediction = text_triage(message.body)
        if prediction is None:
            return None
        stored = triage_store(
            grievance=message.grievance,
            prediction=prediction,
            scope=TriageScope.MESSAGE,
            message=message,
        )
    thread_triage(grievance=message.grievance)
    return stored


def thread_triage(*, grievance: Grievance) -> Triage | None:
    """The thread's sentiment, emotion and urgency from the grievance and the MSME's latest
    messages (later ones weigh more), stored as a `thread` row."""
    results = [text_triage(text) for text in _complainant_texts(grievance)[-THREAD_TEXTS:]]
    if not results or any(result is None for result in results):
        return None
    summary = triage_services.thread_aggregate(results)
    languages = Counter(result.language.label for result in results)
    language, count = languages.most_common(1)[0]
    return Triage.objects.create(
        grievance=grievance,
        scope=TriageScope.THREAD,
        urgency=summary.urgency.label,
        urgency_confidence=summary.urgency.confidence,
        language=language,
        language_confidence=round(count / len(results), 4),
        sentiment=summary.sentiment.label,
        sentiment_confidence=summary.sentiment.confidence,
        emotion=summary.emotion.label,
        emotion_confidence=summary.emotion.confidence,
        explanation={"sentiment_trend": summary.sentiment_trend, "texts": summary.messages},
        model_versions=dict(results[-1].model_versions),
    )


def _as_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def vector_of(row: GrievanceVector) -> np.ndarray:
    return np.frombuffer(bytes(row.vector), dtype=np.float32)


@transaction.atomic
def grievance_embed(*, grievance_id: int) -> GrievanceVector | None:
    """Store the grievance's embedding, link earlier grievances of the same MSME that say
    the same thing, and keep the nearest finished grievances in its triage explanation. Safe
    to run twice: the vector is replaced, links are not repeated."""
    grievance = Grievance.objects.filter(pk=grievance_id).first()
    if grievance is None:
        return None
    embedding = triage_services.embed_texts([grievance_text(grievance)])[0]
    version = triage_services.embeddings.EMBEDDING_MODEL
    row, _created = GrievanceVector.objects.update_or_create(
        grievance=grievance,
        defaults={
            "vector": _as_bytes(embedding),
            "dimensions": len(embedding),
            "model_version": version,
        },
    )
    vector = np.asarray(embedding, dtype=np.float32)
    duplicates_link(grievance=grievance, vector=vector)
    past_grievances_link(grievance=grievance, vector=vector)
    return row


def _same_msme(grievance: Grievance) -> Q | None:
    who = Q()
    if grievance.enterprise_id:
        who |= Q(grievance__enterprise_id=grievance.enterprise_id)
    if grievance.complainant_id:
        who |= Q(grievance__complainant_id=grievance.complainant_id)
    return who or None


def duplicates_link(*, grievance: Grievance, vector: np.ndarray) -> list[DuplicateCandidate]:
    """Earlier grievances of the same enterprise or complainant, not merged, close enough."""
    who = _same_msme(grievance)
    if who is None:
        return []
    earlier = list(
        GrievanceVector.objects.filter(who, grievance_id__lt=grievance.pk)
        .filter(grievance__merged_into__isnull=True)
        .order_by("-grievance_id")[:500]
    )
    if not earlier:
        return []
    matrix = np.vstack([vector_of(row) for row in earlier])
    found = triage_services.duplicates_find(vector, matrix, limit=DUPLICATE_LIMIT)
    links = []
    for index, similarity in found:
        link, _created = DuplicateCandidate.objects.update_or_create(
            grievance=grievance,
            earlier_id=earlier[index].grievance_id,
            defaults={"similarity": round(float(similarity), 4)},
        )
        links.append(link)
    return links


def _locked(grievance_id: int) -> Grievance | None:
    rows = Grievance.objects.filter(pk=grievance_id)
    if connection.vendor == "postgresql":
        rows = rows.select_for_update()
    return rows.first()


TRIAGED_FIELDS = (
    "category",
    "category_source",
    "priority",
    "priority_source",
    "department",
    "department_source",
    "language",
    "updated_at",
)


@transaction.atomic
def grievance_triage_fill(*, grievance_id: int) -> Triage | None:
    """Triage a grievance that has no prediction yet (idempotent: a second run returns the
    stored one). The category, priority and department are filled only where nobody chose
    them; a priority the models change moves the due dates, as at lodging."""
    grievance = _locked(grievance_id)
    if grievance is None:
        return None
    stored = current_triage(grievance_id)
    if stored is not None:
        return stored
    prediction = text_triage(grievance_text(grievance))
    if prediction is None:
        return None
    stored = triage_store(grievance=grievance, prediction=prediction, scope=TriageScope.GRIEVANCE)
    chosen = {FieldSource.COMPLAINANT, FieldSource.OFFICER}
    # Grievances lodged before triage existed have no source: a category other than "other"
    # was then the MSME's own choice.
    category_given = grievance.category_source in chosen or (
        grievance.category_source == FieldSource.DEFAULT and grievance.category != Category.OTHER
    )
    priority, department = grievance.priority, grievance.department
    prefill(grievance, prediction, category_given=category_given)
    if grievance.priority_source in chosen:
        grievance.priority = priority
    if grievance.department_source in chosen:
        grievance.department = department
    fields = [*TRIAGED_FIELDS]
    if grievance.priority != priority and grievance.kind != Kind.SUGGESTION:
        _due_dates_set(grievance)
        fields += ["assign_due_at", "escalate_due_at", "resolution_due_at"]
    grievance.save(update_fields=fields)
    return stored


def _due_dates_set(grievance: Grievance) -> None:
    """The due dates for the grievance's (new) priority, counted from its lodging."""
    policy = sla_policy_for(category=grievance.category, priority=grievance.priority)
    calendar = calendar_for(state_id=grievance.state_id)
    start = grievance.lodged_at
    grievance.assign_due_at = add_working_days(start, policy.assign_days, calendar)
    grievance.escalate_due_at = add_working_days(start, policy.escalate_days, calendar)
    grievance.resolution_due_at = add_working_days(start, policy.resolve_days, calendar)


def grievance_triage_after_lodging(*, grievance_id: int) -> Triage | None:
    """What runs once a lodging has committed: the fast prediction first (the officer's
    panel waits for it), then the slow embedding and the same MSME's duplicates."""
    stored = grievance_triage_fill(grievance_id=grievance_id)
    grievance_embed(grievance_id=grievance_id)
    return stored


def _untriaged():
    triaged = Triage.objects.filter(scope=TriageScope.GRIEVANCE).values("grievance_id")
    return Grievance.objects.filter(~Q(pk__in=triaged) | Q(vector__isnull=True))


def grievance_triage_missing_count() -> int:
    """Grievances that lack a prediction or a vector (what the backfill would fill)."""
    return _untriaged().count()


def grievance_triage_backfill(*, limit: int = 1000) -> int:
    """Triage and embed up to `limit` grievances that lack a prediction or a vector."""
    missing = _untriaged().order_by("id").values_list("pk", flat=True)[:limit]
    done = 0
    for grievance_id in list(missing):
        grievance_triage_fill(grievance_id=grievance_id)
        grievance_embed(grievance_id=grievance_id)
        done += 1
    return done


# --- Officers' decisions as training data ----------------------------------------------------

TRAINING_SOURCE = "officer decisions"
# The triage task each reviewed field teaches (priority is predicted as urgency).
TRAINING_TASK = {
    TriageField.CATEGORY: "category",
    TriageField.DEPARTMENT: "department",
    TriageField.PRIORITY: "urgency",
}


def officer_training_examples() -> list[tuple[str, str, str]]:
    """(task, text, label) for every grievance field an officer decided: the last decision
    per grievance and field, overrides and acceptances alike (an acceptance confirms the
    label), and the organisation of every referral. `champions triage train` reads these
    through the source GrievancesConfig registers, so triage never imports grievances."""
    latest: dict[tuple[int, str], TriageOverride] = {}
    decisions = TriageOverride.objects.select_related("grievance").only(
        "field", "chosen", "grievance__subject", "grievance__description"
    )
    for decision in decisions.order_by("id").iterator(chunk_size=2000):
        latest[(decision.grievance_id, decision.field)] = decision
    rows = [
        (TRAINING_TASK[TriageField(d.field)], grievance_text(d.grievance), d.chosen)
        for d in latest.values()
        if d.field in TriageField.values
    ]
    # A referral names the organisation that should act: a department example too, unless
    # an officer decided the department field of that grievance.
    decided = {g for g, field in latest if field == TriageField.DEPARTMENT}
    referred = Grievance.objects.exclude(referred_to="").exclude(pk__in=decided)
    for grievance in referred.only("subject", "description", "referred_to").iterator(2000):
        rows.append(("department", grievance_text(grievance), grievance.referred_to))
    return rows
