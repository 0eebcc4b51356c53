import numpy as np
from sklearn.metrics import f1_score

from champions.triage.features import HeadStack
from champions.triage.priors import log_weights_tune, macro_f1
from champions.triage.store import models_load


def test_macro_f1_is_scikit_learns_weighted_macro_f1():
    rng = np.random.default_rng(1)
    gold = rng.integers(0, 4, 300)
    predicted = np.where(rng.random(300) < 0.6, gold, rng.integers(0, 4, 300))
    weights = rng.choice([0.5, 1.0], 300)

    ours = macro_f1(gold, predicted, weights, 5)  # class 4 absent from gold: not averaged

    assert abs(ours - f1_score(gold, predicted, average="macro", sample_weight=weights)) < 1e-9


def test_tuned_weights_let_a_small_class_be_called():
    # Class 1 is rare and its probability never beats class 0's, though it ranks its rows first.
    rng = np.random.default_rng(2)
    gold = np.array([0] * 900 + [1] * 100)
    second = np.clip(np.where(gold == 1, 0.4, 0.1) + rng.normal(0, 0.05, 1000), 0.01, 0.49)
    probabilities = np.column_stack([1 - second, second])
    ones = np.ones(1000)
    before = macro_f1(gold, probabilities.argmax(axis=1), ones, 2)

    bias = log_weights_tune(probabilities, gold, ones)

    after = macro_f1(gold, (np.log(probabilities) + bias).argmax(axis=1), ones, 2)
    assert bias[1] > bias[0]
    assert before < 0.5 < 0.9 < after


def test_class_weights_shape_the_served_probabilities_as_the_models(triage_models):
    models = models_load(triage_models)
    emotion = models.models["emotion"]
    assert emotion.class_scale is not None
    assert len(emotion.class_scale) == len(emotion.classes)
    text = "I am so scared the factory will shut and we will lose everything"

    served = HeadStack.of(models.models).distributions(text)["emotion"]

    expected = emotion.probabilities([text])[0]
    for label, probability in zip(emotion.classes, expected, strict=True):
        assert abs(served[label] - probability) < 1e-9
    assert abs(sum(served.values()) - 1) < 1e-9
