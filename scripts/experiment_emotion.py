"""Emotion head experiments (issue 15 item 4), outside the store: a featuriser fitted on the
emotion rows alone, one model per candidate.

    python scripts/experiment_emotion.py svm:0.05:ekman,svm:0.1:fine [--dev] [--char25] [--seed N]

A candidate is kind:C:labels. kind `svm` is the shipped head (calibrated LinearSVC); `lr` is
one-vs-rest LogisticRegression (liblinear), its sigmoids normalised. labels `ekman` trains on the
seven groups (a comment with k groups is k rows of weight 1/k); `fine` on GoEmotions' 27
emotions + neutral (our rows keep their group, which is also a fine label), the probabilities
summed into the seven groups. Without --dev: macro-F1 on the single-label comments of a held-out
fifth of the training comments (grouped by comment; --seed picks the fifth, 2024 by default).
With --dev: trained on all rows, scored on GoEmotions dev once (read it once per candidate,
after choosing on the split).
"""

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "champions.config.settings.base")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit

import champions.triage.features as features
from champions.triage.datasets import _own_rows, goemotions
from champions.triage.evaluation import evaluation_data_read
from champions.triage.phrasebook import generated_texts

# The shared data directory (../shared/data from the repository, as in docs/AI.md).
DATA = Path(os.environ.get("CHAMPIONS_SHARED_DATA", "../shared/data"))
DEV = DATA / "train/goemotions_ekman_dev.tsv"
# GoEmotions' Ekman mapping (Demszky et al. 2020, data/ekman_mapping.json).
EKMAN = {
    "anger": "anger annoyance disapproval",
    "disgust": "disgust",
    "fear": "fear nervousness",
    "joy": "joy amusement approval excitement gratitude love optimism relief pride admiration "
    "desire caring",
    "sadness": "sadness disappointment embarrassment grief remorse",
    "surprise": "surprise realization confusion curiosity",
    "neutral": "neutral",
}
GROUP = {fine: group for group, names in EKMAN.items() for fine in names.split()}
GROUPS = sorted(EKMAN)


def char_terms_25(text: str) -> list[str]:
    grams = []
    for word in text.split():
        padded = f" {word} "
        for n in (2, 3, 4, 5):
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
            if n >= len(padded):
                break
    return grams


def rows(fine: bool) -> list[tuple]:
    """(text, label, weight, comment key, gold group of a single-label comment or None)."""
    found = [(r["text"], r["emotion"], 3.0, "own" + r["text"], None) for _, r in _own_rows()]
    found += [(g.text, str(g.emotion), 1.0, "gen" + g.text, None) for g in generated_texts()]
    for row in goemotions():
        groups = row["ekman"].split(",")
        names = row["emotions"].split(",") if fine else groups
        gold = groups[0] if len(groups) == 1 else None
        found += [(row["text"], name, 1 / len(names), row["id"], gold) for name in names]
    return found


def group_probabilities(classes: list[str], probabilities: np.ndarray) -> np.ndarray:
    summing = np.zeros((len(classes), len(GROUPS)))
    for i, name in enumerate(classes):
        summing[i, GROUPS.index(GROUP.get(name, name))] = 1
    return probabilities @ summing


def fit_predict(kind: str, c: float, featuriser, train: list[tuple], texts: list[str]):
    train_texts = [r[0] for r in train]
    labels = [r[1] for r in train]
    weights = [r[2] for r in train]
    if kind == "svm":
        features.TASK_SVM["experiment"] = (c, None)
        model = features.TextModel.fit(
            "experiment", train_texts, labels, weights, featuriser=featuriser
        )
        return group_probabilities(model.classes, model.probabilities(texts))
    matrix, scored = featuriser.transform(train_texts), featuriser.transform(texts)
    classes, gold, scores = sorted(set(labels)), np.array(labels), []
    for name in classes:
        model = LogisticRegression(C=c, solver="liblinear", tol=1e-3)
        model.fit(matrix, (gold == name).astype(int), sample_weight=weights)
        scores.append(model.decision_function(scored))
    probabilities = 1 / (1 + np.exp(-np.column_stack(scores)))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    return group_probabilities(classes, probabilities)


def main() -> None:
    if "--char25" in sys.argv:
        features.char_terms = char_terms_25
        features.CHAR_FEATURES = 100_000
    started = time.monotonic()
    featuriser = None
    for candidate in sys.argv[1].split(","):
        kind, c, labels = candidate.split(":")
        data = rows(labels == "fine")
        featuriser = featuriser or features.Featuriser.fit([r[0] for r in data])
        if "--dev" in sys.argv:
            dev = evaluation_data_read(DEV, "emotion")
            texts, gold, train = dev.texts, dev.gold, data
            figure = "dev_macro_f1"
        else:
            seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 2024
            split = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
            kept, held = next(split.split(data, groups=[r[3] for r in data]))
            train, seen, texts, gold = [data[i] for i in kept], set(), [], []
            for i in held:
                if data[i][4] is not None and data[i][3] not in seen:
                    seen.add(data[i][3])
                    texts.append(data[i][0])
                    gold.append(data[i][4])
            figure = "split_macro_f1"
        probabilities = fit_predict(kind, float(c), featuriser, train, texts)
        predicted = [GROUPS[i] for i in probabilities.argmax(axis=1)]
        score = round(float(f1_score(gold, predicted, average="macro")), 4)
        seconds = round(time.monotonic() - started)
        print(json.dumps({"candidate": candidate, figure: score, "n": len(gold), "s": seconds}))


if __name__ == "__main__":
    main()
