"""Text features and classifiers (pure scikit-learn; no Django, no database).

Every text classifier is the same pipeline: TF-IDF on words (1-2 grams) and on characters
(2-4 grams inside word boundaries, which copes with Hinglish spelling variants and Devanagari
inflections), then a linear SVM calibrated with Platt scaling so that `predict_proba` gives a
usable confidence. The baseline is the plain TF-IDF + LinearSVC the docs compare against.
"""

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from .language import HINDI_ROMAN

_DIGITS = re.compile(r"\d+")
# Words of two or more letters; Devanagari vowel signs and viramas are marks, not \w, in re.
WORD_PATTERN = r"(?u)[\w\u0900-\u097f][\w\u0900-\u097f']+"
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, lower case, digit runs folded to one symbol, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _DIGITS.sub("0", text)
    return _SPACES.sub(" ", text).strip()


def _vectoriser(*, max_char_features: int) -> FeatureUnion:
    return FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(
                    preprocessor=normalise,
                    token_pattern=WORD_PATTERN,
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    min_df=1,
                    max_features=60_000,
                    dtype=np.float32,
                ),
            ),
            (
                "char",
                TfidfVectorizer(
                    preprocessor=normalise,
                    analyzer="char_wb",
                    ngram_range=(2, 4),
                    sublinear_tf=True,
                    min_df=2,
                    max_features=max_char_features,
                    dtype=np.float32,
                ),
            ),
        ]
    )


def classifier_build(*, c: float = 0.5, max_char_features: int = 50_000) -> Pipeline:
    """Platt scaling fitted on 2-fold out-of-fold scores, then one SVM fitted on all rows
    (`ensemble=False`): a third of the size and time of the default 5 calibrated copies."""
    svm = LinearSVC(C=c, class_weight="balanced")
    calibrated = CalibratedClassifierCV(svm, method="sigmoid", cv=2, ensemble=False)
    return Pipeline(
        [
            ("features", _vectoriser(max_char_features=max_char_features)),
            ("classifier", calibrated),
        ]
    )


def baseline_build() -> Pipeline:
    """Plain TF-IDF (words, 1-2 grams) and an uncalibrated LinearSVC: the comparison figure."""
    return Pipeline(
        [
            ("features", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
            ("classifier", LinearSVC()),
        ]
    )


_STOP_WORDS = ENGLISH_STOP_WORDS | HINDI_ROMAN


@dataclass
class TextModel:
    """A fitted pipeline, reduced for serving to one sparse product and Platt's sigmoids
    (sklearn's own predict_proba costs ~20x more per single text in input checks), plus the
    feature names explanations need. Pickled as one file per task."""

    task: str
    pipeline: Pipeline
    coef: np.ndarray  # classes x features (binary: one row, for the second class)
    intercept: np.ndarray
    sigmoid_a: np.ndarray
    sigmoid_b: np.ndarray
    feature_names: np.ndarray

    @classmethod
    def fit(cls, task: str, texts: list[str], labels: list[str], weights=None) -> "TextModel":
        pipeline = classifier_build()
        pipeline.fit(texts, labels, classifier__sample_weight=weights)
        (calibrated,) = pipeline.named_steps["classifier"].calibrated_classifiers_
        svm = calibrated.estimator
        return cls(
            task=task,
            pipeline=pipeline,
            coef=svm.coef_.astype(np.float32),
            intercept=svm.intercept_.astype(np.float32),
            sigmoid_a=np.array([c.a_ for c in calibrated.calibrators], dtype=np.float64),
            sigmoid_b=np.array([c.b_ for c in calibrated.calibrators], dtype=np.float64),
            feature_names=pipeline.named_steps["features"].get_feature_names_out(),
        )

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.pipeline.classes_]

    def features(self, texts: list[str]) -> sparse.csr_matrix:
        """The TF-IDF row(s) of `texts`. The last single text's row is kept: one triage asks
        the category and department models for the same text two or three times (the
        prediction, the explanation's words, the nearest examples)."""
        single = len(texts) == 1
        if single:
            last = self.__dict__.get("_last_features")
            if last is not None and last[0] == texts[0]:
                return last[1]
        union = self.pipeline.named_steps["features"]
        matrix = sparse.hstack([t.transform(texts) for _, t in union.transformer_list]).tocsr()
        if single:
            self.__dict__["_last_features"] = (texts[0], matrix)
        return matrix

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_last_features", None)  # a serving cache, not part of the model
        return state

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Calibrated class probabilities, as CalibratedClassifierCV.predict_proba gives them."""
        scores = np.asarray(self.features(texts) @ self.coef.T) + self.intercept
        calibrated = expit(-(self.sigmoid_a * scores + self.sigmoid_b))
        if len(self.labels) == 2:
            return np.column_stack([1 - calibrated[:, 0], calibrated[:, 0]])
        total = calibrated.sum(axis=1, keepdims=True)
        uniform = np.full_like(calibrated, 1 / calibrated.shape[1])
        return np.where(total > 0, calibrated / np.where(total > 0, total, 1), uniform)

    def predict(self, texts: list[str]) -> list[str]:
        labels = self.labels
        return [labels[i] for i in self.probabilities(texts).argmax(axis=1)]

    def top_terms(self, text: str, label: str, *, limit: int = 6) -> list[str]:
        """The words of `text` that pushed it most towards `label`, stop words left out
        (character n-grams only when no word feature counted)."""
        vector = self.features([text])
        index = self.labels.index(label)
        if len(self.labels) == 2:
            row = self.coef[0] if index == 1 else -self.coef[0]
        else:
            row = self.coef[index]
        contributions = sorted(
            (
                (value * row[j], str(self.feature_names[j]))
                for value, j in zip(vector.data, vector.indices, strict=True)
                if row[j] > 0
            ),
            reverse=True,
        )
        words = [
            name[6:]
            for _, name in contributions
            if name.startswith("word__") and not set(name[6:].split()) <= _STOP_WORDS
        ]
        if words:
            return words[:limit]
        return [name.split("__", 1)[1].strip() for _, name in contributions[:limit]]
