"""Per-class prior weights for a head whose argmax under-calls its small classes.

The calibrated probabilities of each class are multiplied by a weight (then renormalised), the
weights chosen on the TRAINING rows: out-of-fold probabilities of models fitted on the other
folds, then coordinate ascent on the log-weights for macro-F1. No evaluation file is read."""

import numpy as np
from sklearn.model_selection import StratifiedKFold

from .datasets import SEED
from .features import Featuriser, TextModel

PRIOR_TASKS = {"emotion"}
PRIOR_FOLDS = 3
STEPS = np.linspace(-1.5, 1.5, 31)  # log-weights tried for each class
ROUNDS = 3


def macro_f1(gold: np.ndarray, predicted: np.ndarray, weights: np.ndarray, classes: int) -> float:
    """Macro-F1 over the classes present in `gold`, rows weighted (as scikit-learn's)."""
    true_positive = np.bincount(gold[gold == predicted], weights[gold == predicted], classes)
    gold_total = np.bincount(gold, weights, classes)
    predicted_total = np.bincount(predicted, weights, classes)
    present = gold_total > 0
    denominator = gold_total + predicted_total
    f1 = np.divide(2 * true_positive, denominator, out=np.zeros(classes), where=denominator > 0)
    return float(f1[present].mean())


def log_weights_tune(probabilities: np.ndarray, gold: np.ndarray, weights: np.ndarray):
    """Coordinate ascent on per-class log-weights (centred on 0) for macro-F1."""
    classes = probabilities.shape[1]
    logs = np.log(probabilities + 1e-9)
    bias = np.zeros(classes)

    def score(candidate: np.ndarray) -> float:
        return macro_f1(gold, (logs + candidate).argmax(axis=1), weights, classes)

    for _ in range(ROUNDS):
        for c in range(classes):
            trials = [np.where(np.arange(classes) == c, step, bias) for step in STEPS]
            bias = max(trials, key=score)
        bias = bias - bias.mean()
    return bias


def class_scale_tune(
    task: str, texts: list[str], labels: list[str], weights, featuriser: Featuriser
) -> np.ndarray:
    """The per-class weights (classes in sorted order, as TextModel's) from out-of-fold
    probabilities on the training rows. Weighted rows count at most 1 (so hand-written
    examples do not dominate the choice)."""
    weights = np.asarray(weights if weights is not None else np.ones(len(texts)), dtype=float)
    classes = sorted(set(labels))
    gold = np.array([classes.index(label) for label in labels])
    out_of_fold = np.zeros((len(texts), len(classes)))
    folds = StratifiedKFold(PRIOR_FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(texts, gold):
        model = TextModel.fit(
            task,
            [texts[i] for i in train],
            [labels[i] for i in train],
            weights[train],
            featuriser=featuriser,
        )
        out_of_fold[test] = model.probabilities([texts[i] for i in test])
    return np.exp(log_weights_tune(out_of_fold, gold, np.minimum(weights, 1.0)))
