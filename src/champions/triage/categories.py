"""The CPGRAMS category a grievance would be filed under, so that a referral lands in the
right place: the nearest category path (English and Hindi names, TF-IDF cosine over the shared
word features) among the categories of the predicted organisation."""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .datasets import CategoryPath, category_paths
from .features import Featuriser


@dataclass
class CategoryIndex:
    """Per organisation, its categories' word features, transposed (features x categories)
    with unit columns, so one gather of the text's features scores them all."""

    paths: dict[str, list[CategoryPath]]
    matrices: dict[str, sparse.csr_matrix]
    columns: int

    @classmethod
    def build(cls, featuriser: Featuriser) -> "CategoryIndex":
        columns = len(featuriser.word_vocabulary)
        grouped: dict[str, list[CategoryPath]] = {}
        for category in category_paths():
            grouped.setdefault(category.department, []).append(category)
        matrices = {}
        for department, categories in grouped.items():
            texts = [f"{c.path} | {c.path_hindi}" for c in categories]
            matrix = featuriser.transform(texts)[:, :columns]
            norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
            unit = sparse.diags(1 / np.maximum(norms, 1e-9)) @ matrix
            matrices[department] = unit.T.tocsr().astype(np.float32)
        return cls(paths=grouped, matrices=matrices, columns=columns)

    def nearest(
        self, vector: sparse.csr_matrix, department: str
    ) -> tuple[CategoryPath, float] | None:
        """The best category of `department` for a text's feature row, with its cosine."""
        matrix = self.matrices.get(department)
        if matrix is None:
            return None
        words = vector.indices < self.columns
        indices, values = vector.indices[words], vector.data[words]
        if not len(indices):
            return None
        starts, ends = matrix.indptr[indices], matrix.indptr[indices + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        if not total:
            return None
        positions = np.arange(total) + np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        scores = np.bincount(
            matrix.indices[positions],
            weights=matrix.data[positions] * np.repeat(values, lengths),
            minlength=matrix.shape[1],
        ) / max(float(np.sqrt(values @ values)), 1e-9)
        best = int(np.argmax(scores))
        return self.paths[department][best], float(scores[best])
