"""Text features and classifiers (pure scikit-learn and numpy; no Django, no database).

One featurisation serves every task: TF-IDF on words (1-2 grams) and on characters (2-4 grams
inside word boundaries, which copes with Hinglish spelling variants and Devanagari
inflections), with a vocabulary fitted once on the union of all tasks' training text. Each task
is a head on those features: a linear SVM calibrated with Platt scaling, so that a probability
is a usable confidence. Serving a text is one tokenisation, one sparse row, and one small
product per head; the row is cached, so the six heads and the explanation share it. The
baseline is the plain TF-IDF + LinearSVC the docs compare against.
"""

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from .language import HINDI_ROMAN

_DIGITS = re.compile(r"\d+")
# Words of two or more letters; Devanagari vowel signs and viramas are marks, not \w, in re.
WORD_PATTERN = r"(?u)[\w\u0900-\u097f][\w\u0900-\u097f']+"
_WORDS = re.compile(WORD_PATTERN)
_SPACES = re.compile(r"\s+")
WORD_FEATURES = 80_000
CHAR_FEATURES = 60_000
WORD_CACHE_SIZE = 100_000  # words whose character-gram columns are kept (serving)


def normalise(text: str) -> str:
    """NFC, lower case, digit runs folded to one symbol, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _DIGITS.sub("0", text)
    return _SPACES.sub(" ", text).strip()


def word_terms(text: str) -> list[str]:
    """Word unigrams and bigrams of a normalised text."""
    words = _WORDS.findall(text)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def char_terms(text: str) -> list[str]:
    """Character 2-4 grams inside each whitespace-separated word, padded by a space (as
    scikit-learn's `char_wb`)."""
    grams = []
    for word in text.split():
        padded = f" {word} "
        size = len(padded)
        for n in (2, 3, 4):
            grams.extend(padded[i : i + n] for i in range(size - n + 1))
            if n >= size:
                break
    return grams


def _block(terms: list[str], vocabulary: dict[str, int], idf: np.ndarray):
    """One text's TF-IDF block: sorted column indices and L2-normalised sublinear weights."""
    get = vocabulary.get
    return _weights([column for column in map(get, terms) if column is not None], idf)


def _weights(found: list[int], idf: np.ndarray):
    """Sorted distinct columns of `found` (one entry per occurrence) and their L2-normalised
    sublinear TF-IDF weights."""
    if not found:
        return np.empty(0, np.int32), np.empty(0, np.float32)
    columns, counts = np.unique(np.array(found, dtype=np.int32), return_counts=True)
    values = (1.0 + np.log(counts.astype(np.float32))) * idf[columns]
    values /= np.sqrt(np.dot(values, values))
    return columns, values


def _fit_block(documents: list[list[str]], *, limit: int, min_df: int):
    """Vocabulary (the `limit` most frequent terms seen in at least `min_df` documents) and
    smoothed idf, as TfidfVectorizer(smooth_idf=True) computes it."""
    frequency: Counter = Counter()
    for terms in documents:
        frequency.update(set(terms))
    kept = sorted(
        (term for term, df in frequency.items() if df >= min_df),
        key=lambda term: (-frequency[term], term),
    )[:limit]
    kept.sort()
    vocabulary = {term: i for i, term in enumerate(kept)}
    n = len(documents)
    df = np.asarray([frequency[term] for term in kept], dtype=np.float32)
    idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    return vocabulary, idf


@dataclass
class Featuriser:
    """The shared TF-IDF features (words, then characters), with a one-text cache."""

    word_vocabulary: dict[str, int]
    word_idf: np.ndarray
    char_vocabulary: dict[str, int]
    char_idf: np.ndarray
    _last: tuple | None = field(default=None, repr=False, compare=False)

    @classmethod
    def fit(cls, texts: list[str]) -> "Featuriser":
        normalised = [normalise(text) for text in dict.fromkeys(texts)]
        words, word_idf = _fit_block(
            [word_terms(t) for t in normalised], limit=WORD_FEATURES, min_df=1
        )
        chars, char_idf = _fit_block(
            [char_terms(t) for t in normalised], limit=CHAR_FEATURES, min_df=2
        )
        return cls(words, word_idf, chars, char_idf)

    @property
    def size(self) -> int:
        return len(self.word_vocabulary) + len(self.char_vocabulary)

    def _row(self, text: str):
        normalised = normalise(text)
        word_columns, word_values = _block(
            word_terms(normalised), self.word_vocabulary, self.word_idf
        )
        char_columns, char_values = _weights(self._char_columns(normalised), self.char_idf)
        columns = np.concatenate([word_columns, char_columns + len(self.word_vocabulary)])
        return columns, np.concatenate([word_values, char_values])

    def _char_columns(self, normalised: str) -> list[int]:
        """The character-gram columns of every word occurrence (`char_terms`), each word's
        looked up once per process: a word's grams do not depend on its neighbours."""
        known: dict[str, list[int]] = self.__dict__.setdefault("_words", {})
        get = self.char_vocabulary.get
        found: list[int] = []
        for word in normalised.split():
            columns = known.get(word)
            if columns is None:
                if len(known) >= WORD_CACHE_SIZE:
                    known.clear()
                columns = [c for c in map(get, char_terms(word)) if c is not None]
                known[word] = columns
            found.extend(columns)
        return found

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        """The TF-IDF rows of `texts`. The last single text's row is kept: one triage asks
        every head and the explanation for the same text."""
        single = len(texts) == 1
        if single and self._last is not None and self._last[0] == texts[0]:
            return self._last[1]
        indptr, indices, data = [0], [], []
        for text in texts:
            columns, values = self._row(text)
            indices.append(columns)
            data.append(values)
            indptr.append(indptr[-1] + len(columns))
        matrix = sparse.csr_matrix(
            (
                np.concatenate(data) if data else np.empty(0, np.float32),
                np.concatenate(indices) if indices else np.empty(0, np.int32),
                np.asarray(indptr, dtype=np.int64),
            ),
            shape=(len(texts), self.size),
            dtype=np.float32,
        )
        if single:
            self._last = (texts[0], matrix)
        return matrix

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_last"] = None  # serving caches, not part of the model
        state.pop("_names", None)
        state.pop("_words", None)
        state.pop("_content", None)
        return state


def baseline_build() -> Pipeline:
    """Plain TF-IDF (words, 1-2 grams) and an uncalibrated LinearSVC: the comparison figure."""
    return Pipeline(
        [
            ("features", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
            ("classifier", LinearSVC()),
        ]
    )


_STOP_WORDS = ENGLISH_STOP_WORDS | HINDI_ROMAN
# (C, class weights) per task; the rest use (0.5, "balanced"). Emotion's C was chosen on a
# held-out fifth of the GoEmotions training comments (never the dev split): 0.02-0.2 unbalanced,
# 0.05 best (docs/AI.md, "Emotion").
TASK_SVM = {"emotion": (0.05, None)}


@dataclass
class TextModel:
    """One task's head on the shared features: the SVM's weights and Platt's sigmoids
    (scikit-learn's own predict_proba costs ~20x more per single text in input checks)."""

    task: str
    featuriser: Featuriser
    classes: list[str]
    coef: np.ndarray  # features x classes (binary: one column, for the second class)
    intercept: np.ndarray
    sigmoid_a: np.ndarray
    sigmoid_b: np.ndarray

    @classmethod
    def fit(
        cls,
        task: str,
        texts: list[str],
        labels: list[str],
        weights=None,
        *,
        featuriser: Featuriser | None = None,
    ) -> "TextModel":
        """Platt scaling fitted on 2-fold out-of-fold scores, then one SVM fitted on all rows
        (`ensemble=False`). Without a `featuriser`, one is fitted on `texts`."""
        featuriser = featuriser or Featuriser.fit(texts)
        matrix = featuriser.transform(texts)
        c, class_weight = TASK_SVM.get(task, (0.5, "balanced"))
        svm = LinearSVC(C=c, class_weight=class_weight, tol=1e-3)
        calibrated = CalibratedClassifierCV(svm, method="sigmoid", cv=2, ensemble=False)
        calibrated.fit(matrix, labels, sample_weight=weights)
        (fitted,) = calibrated.calibrated_classifiers_
        return cls(
            task=task,
            featuriser=featuriser,
            classes=[str(label) for label in calibrated.classes_],
            coef=np.ascontiguousarray(fitted.estimator.coef_.T, dtype=np.float32),
            intercept=fitted.estimator.intercept_.astype(np.float32),
            sigmoid_a=np.array([c.a_ for c in fitted.calibrators], dtype=np.float64),
            sigmoid_b=np.array([c.b_ for c in fitted.calibrators], dtype=np.float64),
        )

    @property
    def labels(self) -> list[str]:
        return list(self.classes)

    def features(self, texts: list[str]) -> sparse.csr_matrix:
        return self.featuriser.transform(texts)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Calibrated class probabilities, as CalibratedClassifierCV.predict_proba gives them."""
        return self.calibrate(self.scores(texts))

    def scores(self, texts: list[str]) -> np.ndarray:
        """The SVM's decision values."""
        matrix = self.features(texts)
        if matrix.shape[0] == 1:  # a gather of the text's rows beats a sparse product
            scores = (matrix.data @ self.coef[matrix.indices])[None, :] + self.intercept
        else:
            scores = np.asarray(matrix @ self.coef) + self.intercept
        return scores

    def calibrate(self, scores: np.ndarray) -> np.ndarray:
        calibrated = expit(-(self.sigmoid_a * scores + self.sigmoid_b))
        if len(self.classes) == 2:
            return np.column_stack([1 - calibrated[:, 0], calibrated[:, 0]])
        total = calibrated.sum(axis=1, keepdims=True)
        uniform = np.full_like(calibrated, 1 / calibrated.shape[1])
        return np.where(total > 0, calibrated / np.where(total > 0, total, 1), uniform)

    def predict(self, texts: list[str]) -> list[str]:
        labels = self.classes
        return [labels[i] for i in self.probabilities(texts).argmax(axis=1)]

    def top_terms(self, text: str, label: str, *, limit: int = 6) -> list[str]:
        """The words of `text` that pushed it most towards `label`, stop words left out
        (character n-grams only when no word feature counted)."""
        vector = self.features([text])
        index = self.classes.index(label)
        if len(self.classes) == 2:
            weights = self.coef[vector.indices, 0] * vector.data
            if index == 0:
                weights = -weights
        else:
            weights = self.coef[vector.indices, index] * vector.data
        order = np.argsort(-weights)[:60]
        chosen = vector.indices[order[weights[order] > 0]]
        names = _names(self.featuriser)
        words = [names[j] for j in chosen[_content(self.featuriser)[chosen]]]
        if words:
            return words[:limit]
        return [names[j].strip() for j in chosen[:limit]]


def _content(featuriser: Featuriser) -> np.ndarray:
    """Per feature, True for a word feature with a word that is not a stop word (built once
    per featuriser: the explanation's filter)."""
    content = featuriser.__dict__.get("_content")
    if content is None:
        content = np.zeros(featuriser.size, dtype=bool)
        for term, i in featuriser.word_vocabulary.items():
            content[i] = not set(term.split()) <= _STOP_WORDS
        featuriser.__dict__["_content"] = content
    return content


def _names(featuriser: Featuriser) -> list[str]:
    """Feature index -> term, built once per featuriser (explanations only)."""
    names = featuriser.__dict__.get("_names")
    if names is None:
        names = [""] * featuriser.size
        for term, i in featuriser.word_vocabulary.items():
            names[i] = term
        offset = len(featuriser.word_vocabulary)
        for term, i in featuriser.char_vocabulary.items():
            names[offset + i] = term
        featuriser.__dict__["_names"] = names
    return names


@dataclass
class HeadStack:
    """Every head's weights side by side, so that one gather of the text's feature rows
    serves all tasks (the request path's one product)."""

    featuriser: Featuriser
    models: dict[str, TextModel]
    coef: np.ndarray
    intercept: np.ndarray
    slices: dict[str, slice]
    sigmoid_a: np.ndarray
    sigmoid_b: np.ndarray

    @classmethod
    def of(cls, models: dict[str, TextModel]) -> "HeadStack":
        slices, start = {}, 0
        for task, model in models.items():
            slices[task] = slice(start, start + model.coef.shape[1])
            start += model.coef.shape[1]
        (featuriser,) = {id(m.featuriser): m.featuriser for m in models.values()}.values()
        return cls(
            featuriser=featuriser,
            models=models,
            coef=np.ascontiguousarray(np.hstack([m.coef for m in models.values()])),
            intercept=np.concatenate([m.intercept for m in models.values()]),
            slices=slices,
            sigmoid_a=np.concatenate([m.sigmoid_a for m in models.values()]),
            sigmoid_b=np.concatenate([m.sigmoid_b for m in models.values()]),
        )

    def distributions(self, text: str) -> dict[str, dict[str, float]]:
        """Per task, label -> calibrated probability for one text (as `TextModel.probabilities`
        gives them, computed for every head at once)."""
        row = self.featuriser.transform([text])
        scores = (row.data @ self.coef[row.indices]) + self.intercept
        calibrated = expit(-(self.sigmoid_a * scores + self.sigmoid_b)).tolist()
        result = {}
        for task, part in self.slices.items():
            classes = self.models[task].classes
            values = calibrated[part]
            if len(classes) == 2:
                values = [1 - values[0], values[0]]
            else:
                total = sum(values)
                values = (
                    [v / total for v in values] if total > 0 else [1 / len(values)] * len(values)
                )
            result[task] = dict(zip(classes, values, strict=True))
        return result
