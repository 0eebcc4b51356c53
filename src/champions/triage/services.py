"""The triage entry points other apps call. Predictions touch no database: callers store what
they need (labels, confidences, `model_versions`) with their own rows. The one write is
`history_import`, the ministry's past grievances kept as training examples."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.db import transaction

from . import embeddings, explain
from .choices import CATEGORY_DESCRIPTIONS, Emotion, Sentiment, Urgency
from .datasets import data_fingerprint
from .errors import TextTooLong
from .history import history_read
from .language import language_identify
from .models import HistoryExample
from .results import Explanation, NearestExample, Prediction, ThreadSummary, TriageResult
from .routing import department_scores
from .store import TriageModels, models_load, models_manifest
from .training import models_train
from .urgency import LEVELS, urgency_decide, urgency_signals

MAX_TEXT_LENGTH = 10_000
SENTIMENT_SCORE = {
    Sentiment.VERY_NEGATIVE: -2,
    Sentiment.NEGATIVE: -1,
    Sentiment.NEUTRAL: 0,
    Sentiment.POSITIVE: 1,
    Sentiment.VERY_POSITIVE: 2,
}
RAISED_CONFIDENCE = 0.75  # reported when a rule, not the model, set the urgency

# Re-exported so other apps use triage through its services module only.
embed_texts = embeddings.embed_texts
nearest_neighbours = embeddings.nearest_neighbours
duplicates_find = embeddings.duplicates_find
clusters_find = embeddings.clusters_find
EMBEDDING_MODEL = embeddings.EMBEDDING_MODEL
PastOutcome = explain.PastOutcome
explanation_summary = explain.summary_sentence  # in the active language


def _best(scores: dict[str, float]) -> Prediction:
    label = max(scores, key=scores.__getitem__)
    return Prediction(label, round(scores[label], 4))


def triage_model_versions(models: TriageModels | None = None) -> dict[str, str]:
    models = models or models_load()
    versions = {task: f"{task}-{models.version}" for task in models.models}
    versions["embeddings"] = embeddings.EMBEDDING_MODEL
    return versions


def _urgency(scores: dict[str, float], text: str) -> tuple[Prediction, list[str], bool]:
    model_label = _best(scores).label
    decision = urgency_decide(model_label, urgency_signals(text))
    confidence = scores[decision.label]
    if decision.raised:
        confidence = max(confidence, RAISED_CONFIDENCE)
    return Prediction(decision.label, round(confidence, 4)), decision.signals, decision.raised


def _language(probability: dict[str, float], text: str):
    guess = language_identify(text, hinglish_probability=float(probability["hinglish"]))
    return Prediction(str(guess.label), guess.confidence), guess.reason


def _cpgrams_category(models, paths, department: str) -> dict:
    """The routed organisation's nearest CPGRAMS category path, or {} when none matched."""
    if models.paths is None or paths is None:
        return {}
    found = models.paths.nearest(paths, department)
    if found is None:
        return {}
    category, similarity = found
    return {
        "code": category.code,
        "path": category.path,
        "path_hindi": category.path_hindi,
        "similarity": round(similarity, 3),
    }


def _explain(models, text, category, department, signals, raised, language_reason, paths, full):
    """The explanation; without `full`, the words, nearest examples and summary are left out
    (a caller that stores only labels need not pay for them)."""
    cpgrams_category = _cpgrams_category(models, paths, department.label)
    if not full:
        return Explanation([], [], [], signals, raised, language_reason, "", cpgrams_category)
    category_model = models.models["category"]
    vector = category_model.features([text])
    nearest = [
        NearestExample(
            models.neighbours.texts[i], models.neighbours.labels[i], round(similarity, 3)
        )
        for i, similarity in models.neighbours.nearest(vector)
    ]
    category_terms = category_model.top_terms(text, category.label)
    department_terms = models.models["department"].top_terms(text, department.label)
    summary = explain.summary_sentence(
        category=category.label,
        category_terms=category_terms,
        department=department.label,
        department_terms=department_terms,
        signals=signals,
    )
    return Explanation(
        category_terms=category_terms,
        department_terms=department_terms,
        nearest_examples=nearest,
        urgency_signals=signals,
        urgency_raised_by_signals=raised,
        language_reason=language_reason,
        summary=summary,
        cpgrams_category=cpgrams_category,
    )


def triage_text(
    *, text: str, models_directory: Path | None = None, explain: bool = True
) -> TriageResult:
    """Every prediction for one grievance or message: the fast path (TF-IDF models and rules,
    no embeddings). `explain=False` leaves the explanation's words, nearest examples and
    summary empty. Raises TriageModelsMissing when the models are not built."""
    if len(text) > MAX_TEXT_LENGTH:
        raise TextTooLong(f"The text is longer than {MAX_TEXT_LENGTH:,} characters.")
    models = models_load(models_directory)
    distributions = models.stack.distributions(text)
    category = _best(distributions["category"])
    department_distribution, paths = department_scores(
        models.paths,
        models.stack.featuriser.transform([text]),
        distributions["department"],
        text=text,
    )
    department = _best(department_distribution)
    urgency, signals, raised = _urgency(distributions["urgency"], text)
    language, language_reason = _language(distributions["language"], text)
    sentiment_scores = distributions["sentiment"]
    emotion_scores = distributions["emotion"]
    return TriageResult(
        category=category,
        department=department,
        urgency=urgency,
        language=language,
        sentiment=_best(sentiment_scores),
        emotion=_best(emotion_scores),
        urgency_signals=signals,
        explanation=_explain(
            models, text, category, department, signals, raised, language_reason, paths, explain
        ),
        model_versions=triage_model_versions(models),
        sentiment_scores={k: round(v, 4) for k, v in sentiment_scores.items()},
        emotion_scores={k: round(v, 4) for k, v in emotion_scores.items()},
    )


def thread_aggregate(results: Sequence[TriageResult]) -> ThreadSummary:
    """A thread's sentiment and emotion from its messages' results (oldest first): a weighted
    mean of the distributions in which the latest message weighs twice the first; urgency is
    the highest of any message; the trend compares the last message with the first."""
    if not results:
        raise ValueError("a thread needs at least one message")
    weights = np.linspace(1.0, 2.0, num=len(results))
    weights = weights / weights.sum()

    def mean(attribute: str, labels: list[str]) -> dict[str, float]:
        return {
            label: float(
                sum(
                    w * getattr(r, attribute).get(label, 0.0)
                    for w, r in zip(weights, results, strict=True)
                )
            )
            for label in labels
        }

    sentiment = _best(mean("sentiment_scores", list(Sentiment.values)))
    emotion = _best(mean("emotion_scores", list(Emotion.values)))
    urgency = max(
        (r.urgency for r in results), key=lambda p: (LEVELS.index(Urgency(p.label)), p.confidence)
    )

    def score(result: TriageResult) -> float:
        return sum(SENTIMENT_SCORE[Sentiment(k)] * v for k, v in result.sentiment_scores.items())

    change = score(results[-1]) - score(results[0]) if len(results) > 1 else 0.0
    trend = "improving" if change > 0.5 else "worsening" if change < -0.5 else "steady"
    return ThreadSummary(sentiment, emotion, urgency, trend, len(results))


def triage_models_train(
    *,
    directory: Path | None = None,
    holdout: bool = True,
    quick: bool = False,
    sources: bool | None = None,
    log=print,
) -> dict:
    """Build every model from the shipped data, the imported history and officers' decisions
    (see `training.models_train`; `sources` as in `datasets.dataset_build`)."""
    return models_train(
        directory,
        holdout=holdout,
        quick=quick,
        sources=sources,
        log=log or (lambda message: None),
    )


def triage_models_are_current(*, directory: Path | None = None) -> bool:
    """True when the store holds models built from the data files as they are now."""
    manifest = models_manifest(directory)
    return manifest is not None and manifest.get("data") == data_fingerprint()[1]


def category_descriptions() -> dict[str, str]:
    return {str(code): str(text) for code, text in CATEGORY_DESCRIPTIONS.items()}


@dataclass
class HistoryReport:
    imported: int = 0
    duplicates: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


@transaction.atomic
def history_import(*, path: Path, source: str = "") -> HistoryReport:
    """Store a history file's good rows as training examples (a row already stored, same text
    and department, is counted as a duplicate); bad rows are reported by line, never stored.
    Raises ValueError when the file lacks a required column."""
    parsed = history_read(path)
    report = HistoryReport(errors=parsed.errors)
    digests = [row.digest for row in parsed.rows]
    seen = set()
    for start in range(0, len(digests), 500):  # bounded IN lists
        chunk = digests[start : start + 500]
        seen |= set(
            HistoryExample.objects.filter(digest__in=chunk).values_list("digest", flat=True)
        )
    fresh = []
    for row in parsed.rows:
        if row.digest in seen:
            report.duplicates += 1
            continue
        seen.add(row.digest)
        fresh.append(
            HistoryExample(
                text=row.text,
                department=row.department,
                category=row.category,
                source=(source or Path(path).name)[:200],
                digest=row.digest,
            )
        )
    HistoryExample.objects.bulk_create(fresh, batch_size=1000)
    report.imported = len(fresh)
    return report
