"""Department routing: the classifier's probabilities combined with retrieval over the whole
CPGRAMS category tree, and the category path a referral should be filed under.

The classifier learns each organisation from a sample of its category names; retrieval reads
all 18,167 paths (English and Hindi names, each with its parents) and scores an organisation by
the mean cosine of its best `TOP_PATHS` paths to the grievance (TF-IDF on the shared word
features). Both are distributions over the same organisations; the routed department is their
weighted mean. The same scores name the nearest category path of the chosen organisation.
Pure numpy and scipy: no database.
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .datasets import CategoryPath, category_paths
from .features import Featuriser
from .gazetteer import gazetteer_distribution

TOP_PATHS = 3  # an organisation's retrieval score: the mean of its best three paths
TEMPERATURE = 0.02  # cosine differences of a few hundredths separate organisations
CLASSIFIER_SHARE = 0.5  # set a priori (an even mix), not tuned on the evaluation file
GAZETTEER_SHARE = 0.3  # set a priori: a named body is strong evidence, not proof
COMMON_TERM_SHARE = 0.02  # terms in more than 2 % of paths ("related", "others") are dropped


@dataclass
class PathIndex:
    """Every category path as a unit column of word features (features x paths), with the
    organisation of each path, so one gather of a text's features scores all of them."""

    paths: list[CategoryPath]
    organisations: list[str]
    owner: np.ndarray  # path -> index into `organisations`
    span: dict[str, tuple[int, int]]  # organisation -> its paths (they are grouped)
    matrix: sparse.csr_matrix
    columns: int

    @classmethod
    def build(cls, featuriser: Featuriser) -> "PathIndex":
        paths = sorted(category_paths(), key=lambda c: c.department)
        organisations = sorted({c.department for c in paths})
        number = {name: i for i, name in enumerate(organisations)}
        columns = len(featuriser.word_vocabulary)
        matrix = featuriser.transform([f"{c.path} | {c.path_hindi}" for c in paths])
        matrix = matrix[:, :columns].tocsc()
        document_frequency = np.diff(matrix.indptr)
        common = document_frequency > COMMON_TERM_SHARE * len(paths)
        matrix = (matrix @ sparse.diags((~common).astype(np.float32))).tocsr()
        norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
        unit = sparse.diags(1 / np.maximum(norms, 1e-9)) @ matrix
        span: dict[str, tuple[int, int]] = {}
        for i, c in enumerate(paths):
            span[c.department] = (span.get(c.department, (i, i))[0], i + 1)
        return cls(
            paths=paths,
            organisations=organisations,
            owner=np.array([number[c.department] for c in paths], dtype=np.int32),
            span=span,
            matrix=unit.T.tocsr().astype(np.float32),
            columns=columns,
        )

    def positions(self, classes: list[str]) -> np.ndarray:
        """Per class, its index in `organisations` (an extra last slot, always 0, for a class
        with no path); computed once per list of classes."""
        key = tuple(classes)
        cached = self.__dict__.get("_positions")
        if cached is None or cached[0] != key:
            number = {name: i for i, name in enumerate(self.organisations)}
            missing = len(self.organisations)
            cached = (key, np.array([number.get(c, missing) for c in classes], dtype=np.int64))
            self.__dict__["_positions"] = cached
        return cached[1]

    def path_scores(self, vector: sparse.csr_matrix) -> np.ndarray:
        """Cosine of one text's feature row (word part) to every path."""
        words = vector.indices < self.columns
        indices, values = vector.indices[words], vector.data[words]
        scores = np.zeros(self.matrix.shape[1], dtype=np.float64)
        if not len(indices):
            return scores
        starts, ends = self.matrix.indptr[indices], self.matrix.indptr[indices + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        if total:
            positions = np.arange(total) + np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
            scores += np.bincount(
                self.matrix.indices[positions],
                weights=self.matrix.data[positions] * np.repeat(values, lengths),
                minlength=self.matrix.shape[1],
            )
        return scores / max(float(np.sqrt(values @ values)), 1e-9)

    def organisation_scores(self, scores: np.ndarray) -> np.ndarray:
        """Per organisation, the mean of its best `TOP_PATHS` path scores (and a last slot,
        always 0, for classes without paths)."""
        result = np.zeros(len(self.organisations) + 1)
        found = np.flatnonzero(scores)
        if not len(found):
            return result
        # Best first within each organisation: `found` is ascending and paths are grouped by
        # organisation, so one sort on (organisation, -score) as a single key does it (cosines
        # lie in [0, 1]); a bincount then sums each organisation's best TOP_PATHS.
        owners = self.owner[found]
        order = np.argsort(owners * 4.0 - scores[found], kind="stable")
        owners = owners[order]
        starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
        rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
        kept = rank < TOP_PATHS
        result = np.bincount(
            owners[kept], weights=scores[found[order[kept]]], minlength=len(result)
        ).astype(np.float64, copy=False)
        return result / TOP_PATHS

    def nearest(self, scores: np.ndarray, department: str) -> tuple[CategoryPath, float] | None:
        """The best path of `department` for a text's path scores, with its cosine."""
        if department not in self.span:
            return None
        start, end = self.span[department]
        best = start + int(np.argmax(scores[start:end]))
        if scores[best] <= 0:
            return None
        return self.paths[best], float(scores[best])


def retrieval_distribution(index: PathIndex, scores: np.ndarray, classes: list[str]) -> np.ndarray:
    """The organisations' retrieval scores as probabilities over `classes` (a softmax at
    TEMPERATURE; classes with no path, such as State Government, score zero cosine)."""
    values = index.organisation_scores(scores)[index.positions(classes)]
    exponent = np.exp((values - values.max()) / TEMPERATURE)
    return exponent / exponent.sum()


def department_combine(
    probabilities: np.ndarray, retrieval: np.ndarray, *, share: float = CLASSIFIER_SHARE
) -> np.ndarray:
    return share * probabilities + (1 - share) * retrieval


def department_scores(
    index: PathIndex | None,
    row: sparse.csr_matrix,
    scores: dict[str, float],
    *,
    text: str | None = None,
) -> tuple[dict[str, float], np.ndarray | None]:
    """The routed distribution over the classifier's organisations for one text's feature
    row, and the text's path scores (None without an index: the classifier alone). With
    `text`, the organisations of the bodies it names (`gazetteer`) take GAZETTEER_SHARE."""
    if index is None:
        return scores, None
    classes = list(scores)
    probabilities = np.fromiter(scores.values(), dtype=np.float64, count=len(classes))
    path_scores = index.path_scores(row)
    combined = department_combine(
        probabilities, retrieval_distribution(index, path_scores, classes)
    )
    named = gazetteer_distribution(text, classes) if text else None
    if named is not None:
        combined = department_combine(named, combined, share=GAZETTEER_SHARE)
    return dict(zip(classes, combined.tolist(), strict=True)), path_scores


def department_predict(model, index: PathIndex, texts: list[str]) -> list[str]:
    """Routed departments for many texts (evaluation): `model` is the department TextModel."""
    probabilities = model.probabilities(texts)
    matrix = model.features(texts)
    predicted = []
    for i in range(len(texts)):
        scores = dict(zip(model.classes, probabilities[i].tolist(), strict=True))
        routed, _ = department_scores(index, matrix[i], scores, text=texts[i])
        predicted.append(max(routed, key=routed.__getitem__))
    return predicted
