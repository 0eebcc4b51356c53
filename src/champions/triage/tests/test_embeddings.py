import numpy as np
import pytest

from champions.triage.embeddings import (
    DIMENSION,
    clusters_find,
    duplicates_find,
    embed_texts,
    nearest_neighbours,
)


@pytest.fixture(scope="module")
def vectors():
    texts = [
        "The PSU has not paid our invoices of Rs 20 lakh for eight months.",
        "PSU ne hamara 20 lakh ka payment 8 mahine se nahi diya.",
        "सार्वजनिक उपक्रम ने आठ महीने से हमारे 20 लाख रुपये के बिल नहीं चुकाए।",
        "Power cuts of eight hours every day in the industrial estate.",
        "The bank rejected my Mudra loan application.",
    ]
    return embed_texts(texts)


def test_embed_texts_gives_unit_vectors(vectors):
    assert vectors.shape == (5, DIMENSION)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-3)


def test_same_complaint_in_three_languages_are_nearest(vectors):
    indices, scores = nearest_neighbours(vectors[0], vectors[1:], k=2)

    assert set(indices[0].tolist()) == {0, 1}  # the Hinglish and Hindi versions
    assert scores[0][0] >= scores[0][1]


def test_duplicates_respect_the_threshold_and_the_callers_filter(vectors):
    matrix = vectors[1:]
    allowed = np.array([False, True, True, True])  # row 0: the same complainant's grievance

    found = duplicates_find(vectors[0], matrix, threshold=0.85, allowed=allowed)

    assert [index for index, _ in found] == [1]


def test_nearest_neighbours_over_blocks_matches_brute_force():
    rng = np.random.default_rng(1)
    matrix = rng.normal(size=(70_000, 8)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    query = matrix[123]

    indices, _ = nearest_neighbours(query, matrix, k=5)

    assert indices[0].tolist() == np.argsort(-(matrix @ query))[:5].tolist()


def test_clusters_group_similar_rows():
    rng = np.random.default_rng(2)
    centres = np.eye(4, dtype=np.float32)
    rows = np.repeat(centres[:2], 5, axis=0) + rng.normal(scale=0.05, size=(10, 4)).astype(
        np.float32
    )
    rows = np.vstack([rows, centres[2:3]])
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)

    clusters = clusters_find(rows, threshold=0.9, min_size=3)

    assert sorted(sorted(c.members) for c in clusters) == [list(range(5)), list(range(5, 10))]
