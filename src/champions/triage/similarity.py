"""Measuring the duplicate and systemic-cluster thresholds on our own labelled grievances
(pure: numpy and files, no database).

`data/similarity_groups.csv` holds 144 grievances written for this purpose: 36 cases in 12
topics, each case told four times (two English wordings, Hindi, Hinglish) with the same facts.
Every pair of texts is labelled by construction:

- duplicate: the same case (same group), in the same or another language;
- related: the same topic, another case (another buyer, amount, place);
- unrelated: another topic.

The duplicate threshold separates duplicates from everything else; the cluster threshold
separates the same topic (duplicate or related) from unrelated pairs, since a systemic cluster
gathers grievances about one issue, not copies of one grievance. Thresholds are chosen on half
the topics ("tune") by F1 and reported on the other half ("held-out"): the duplicate threshold
by the F1 of its pair decisions, the cluster threshold by the pairwise F1 of what
`clusters_find` builds from the texts (a pair counts when both texts land in one cluster).
"""

import csv
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .datasets import DATA_DIR
from .embeddings import CLUSTER_THRESHOLD, DUPLICATE_THRESHOLD, clusters_find, embed_texts

GROUPS_FILE = DATA_DIR / "similarity_groups.csv"
DUPLICATE, RELATED, UNRELATED = "duplicate", "related", "unrelated"
GRID = [round(0.80 + 0.005 * i, 3) for i in range(37)]  # 0.800 ... 0.980


@dataclass(frozen=True)
class GroupText:
    group: str
    topic: str
    language: str
    text: str


def groups_read(path: Path = GROUPS_FILE) -> list[GroupText]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            GroupText(row["group"], row["topic"], row["language"], row["text"])
            for row in csv.DictReader(handle)
        ]


def pair_label(a: GroupText, b: GroupText) -> str:
    if a.group == b.group:
        return DUPLICATE
    return RELATED if a.topic == b.topic else UNRELATED


def tune_topics(rows: list[GroupText]) -> set[str]:
    """Every other topic in alphabetical order: the half thresholds are chosen on."""
    return set(sorted({row.topic for row in rows})[::2])


def _counts(scores: np.ndarray, positive: np.ndarray, threshold: float) -> dict:
    predicted = scores >= threshold
    true_positives = int((predicted & positive).sum())
    precision = true_positives / max(int(predicted.sum()), 1)
    recall = true_positives / max(int(positive.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "positives": int(positive.sum()),
        "pairs": len(scores),
    }


@dataclass
class Pairs:
    scores: np.ndarray
    labels: np.ndarray
    same_language: np.ndarray
    in_tune: np.ndarray  # both texts' topics in the tune half (a related or duplicate pair's
    # topic, or an unrelated pair whose two topics are both tuned on)
    in_heldout: np.ndarray


def pairs_build(rows: list[GroupText], vectors: np.ndarray) -> Pairs:
    tune = tune_topics(rows)
    similarity = vectors @ vectors.T
    scores, labels, same_language, in_tune, in_heldout = [], [], [], [], []
    for i, j in itertools.combinations(range(len(rows)), 2):
        a, b = rows[i], rows[j]
        scores.append(similarity[i, j])
        labels.append(pair_label(a, b))
        same_language.append(a.language == b.language)
        in_tune.append(a.topic in tune and b.topic in tune)
        in_heldout.append(a.topic not in tune and b.topic not in tune)
    return Pairs(
        np.asarray(scores, dtype=np.float32),
        np.asarray(labels),
        np.asarray(same_language),
        np.asarray(in_tune),
        np.asarray(in_heldout),
    )


def _best_threshold(scores: np.ndarray, positive: np.ndarray) -> float:
    return max(GRID, key=lambda t: (_counts(scores, positive, t)["f1"], t))


def _task_report(pairs: Pairs, positive: np.ndarray, current: float) -> dict:
    tuned = _best_threshold(pairs.scores[pairs.in_tune], positive[pairs.in_tune])
    held = pairs.in_heldout
    report = {"current": current, "tuned_on_tune_half": tuned}
    for name, threshold in (("at_current", current), ("at_tuned", tuned)):
        report[name] = {
            "tune": _counts(pairs.scores[pairs.in_tune], positive[pairs.in_tune], threshold),
            "heldout": _counts(pairs.scores[held], positive[held], threshold),
            "all": _counts(pairs.scores, positive, threshold),
        }
    same, cross = held & pairs.same_language, held & ~pairs.same_language
    report["heldout_recall_by_language_at_tuned"] = {
        "same_language": _counts(pairs.scores[same], positive[same], tuned)["recall"],
        "cross_language": _counts(pairs.scores[cross], positive[cross], tuned)["recall"],
    }
    return report


def _score_summary(pairs: Pairs) -> dict:
    summary = {}
    for label in (DUPLICATE, RELATED, UNRELATED):
        values = pairs.scores[pairs.labels == label]
        summary[label] = {
            "pairs": len(values),
            "p10": round(float(np.percentile(values, 10)), 4),
            "median": round(float(np.median(values)), 4),
            "p90": round(float(np.percentile(values, 90)), 4),
        }
    return summary


def _cluster_pairs(rows: list[GroupText], vectors: np.ndarray, threshold: float) -> dict:
    """`clusters_find` itself on `rows`: pairwise precision and recall of "in one cluster"
    against "same topic"."""
    member_of = {}
    for number, cluster in enumerate(clusters_find(vectors, threshold=threshold)):
        for index in cluster.members:
            member_of[index] = number
    together, same_topic, both = 0, 0, 0
    for i, j in itertools.combinations(range(len(rows)), 2):
        clustered = i in member_of and member_of.get(i) == member_of.get(j)
        topical = rows[i].topic == rows[j].topic
        together += clustered
        same_topic += topical
        both += clustered and topical
    precision, recall = both / max(together, 1), both / max(same_topic, 1)
    return {
        "threshold": threshold,
        "clusters": len(set(member_of.values())),
        "texts_in_clusters": len(member_of),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if both else 0.0,
    }


def _clusters_report(rows: list[GroupText], vectors: np.ndarray) -> dict:
    """The cluster threshold chosen by the pairwise F1 of `clusters_find` on the tune half's
    texts, reported on the held-out half's."""
    tune = tune_topics(rows)
    halves = {
        "tune": [i for i, row in enumerate(rows) if row.topic in tune],
        "heldout": [i for i, row in enumerate(rows) if row.topic not in tune],
    }

    def run(half: str, threshold: float) -> dict:
        chosen = halves[half]
        return _cluster_pairs([rows[i] for i in chosen], vectors[chosen], threshold)

    tuned = max(GRID, key=lambda t: (run("tune", t)["f1"], t))
    return {
        "current": CLUSTER_THRESHOLD,
        "tuned_on_tune_half": tuned,
        **{
            f"at_{name}": {half: run(half, threshold) for half in halves}
            for name, threshold in (("current", CLUSTER_THRESHOLD), ("tuned", tuned))
        },
    }


def thresholds_evaluate(
    path: Path = GROUPS_FILE, *, embed: Callable[[list[str]], np.ndarray] = embed_texts
) -> dict:
    """Precision and recall of the duplicate and cluster thresholds on the labelled groups,
    at the thresholds in use and at the ones the tune half would choose."""
    rows = groups_read(path)
    vectors = embed([row.text for row in rows])
    pairs = pairs_build(rows, vectors)
    duplicates = _task_report(pairs, pairs.labels == DUPLICATE, DUPLICATE_THRESHOLD)
    clusters = _clusters_report(rows, vectors)
    clusters["same_topic_pairs_at_current"] = _task_report(
        pairs, pairs.labels != UNRELATED, CLUSTER_THRESHOLD
    )["at_current"]
    return {
        "task": "duplicates",
        "data": Path(path).name,
        "texts": len(rows),
        "tune_topics": sorted(tune_topics(rows)),
        "scores": _score_summary(pairs),
        "duplicate": duplicates,
        "cluster": clusters,
    }
