"""The model store: one joblib file per task plus manifest.json, in a directory outside git
(default var/models/triage/). Loaded once per process and reloaded when the manifest changes."""

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
from django.conf import settings
from scipy import sparse

from .datasets import TASKS
from .errors import TriageModelsMissing
from .features import HeadStack, TextModel
from .language import lexicons, lexicons_use
from .routing import PathIndex

MANIFEST = "manifest.json"
MODELS = "models.joblib"
FORMAT = 3  # bump when the files' layout changes, so old stores are rebuilt


def models_directory() -> Path:
    """CHAMPIONS_TRIAGE_MODELS, else settings.TRIAGE_MODEL_DIR, else VAR_DIR/models/triage."""
    configured = os.environ.get("CHAMPIONS_TRIAGE_MODELS") or getattr(
        settings, "TRIAGE_MODEL_DIR", None
    )
    return Path(configured or Path(settings.VAR_DIR) / "models" / "triage")


@dataclass
class Neighbours:
    """The hand-written examples as TF-IDF rows (the shared features), for the "nearest past
    examples" part of an explanation: cosine over the word features (the first `columns`),
    which are what an officer can check. Kept transposed with unit rows."""

    texts: list[str]
    labels: list[str]
    matrix: sparse.csr_matrix
    columns: int

    def __post_init__(self) -> None:
        self.matrix = self.matrix[:, : self.columns]
        norms = np.sqrt(self.matrix.multiply(self.matrix).sum(axis=1)).A1
        unit = sparse.diags(1 / np.maximum(norms, 1e-9)) @ self.matrix
        self.matrix = unit.T.tocsr().astype(np.float32)

    def nearest(self, vector: sparse.csr_matrix, *, limit: int = 3) -> list[tuple[int, float]]:
        # The text's feature rows of the (features x examples) matrix, gathered by hand.
        words = vector.indices < self.columns
        indices, values = vector.indices[words], vector.data[words]
        indptr = self.matrix.indptr
        starts, ends = indptr[indices], indptr[indices + 1]
        lengths = ends - starts
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        positions = np.arange(lengths.sum()) + offsets
        weights = self.matrix.data[positions] * np.repeat(values, lengths)
        # float64 always: with no known word the weights are empty and bincount answers ints
        scores = np.bincount(
            self.matrix.indices[positions], weights=weights, minlength=self.matrix.shape[1]
        ).astype(np.float64, copy=False)
        scores /= max(float(np.sqrt(values @ values)), 1e-9)
        if limit < len(scores):  # the best `limit` unordered, then ordered as argsort would
            candidates = np.argpartition(-scores, limit - 1)[:limit]
            cut = scores[candidates].min()
            candidates = np.flatnonzero(scores >= cut)  # ties at the cut, as a full sort sees
            best = candidates[np.argsort(-scores[candidates], kind="stable")][:limit]
        else:
            best = np.argsort(-scores)[:limit]
        return [(int(i), float(scores[i])) for i in best]


@dataclass
class TriageModels:
    directory: Path
    manifest: dict
    models: dict[str, TextModel]
    neighbours: Neighbours
    paths: PathIndex | None = None
    stack: HeadStack = field(init=False)  # every head's weights side by side

    def __post_init__(self) -> None:
        self.stack = HeadStack.of(self.models)

    @property
    def version(self) -> str:
        return self.manifest["version"]


def store_write(
    directory: Path,
    models: dict[str, TextModel],
    neighbours: Neighbours,
    manifest: dict,
    paths: PathIndex | None = None,
) -> None:
    """Write the models (one file: the heads share one featuriser), then the manifest last, so
    a reader never sees a half-written store. A new manifest is what a running process
    notices (`models_load` compares its modification time) to load the new models."""
    directory.mkdir(parents=True, exist_ok=True)
    temporary = directory / (MODELS + ".tmp")
    # The language lexicons ship built with the models, so no process builds them on first use.
    stored = {"models": models, "neighbours": neighbours, "paths": paths, "lexicons": lexicons()}
    joblib.dump(stored, temporary, compress=1)
    temporary.replace(directory / MODELS)
    temporary = directory / (MANIFEST + ".tmp")
    temporary.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    temporary.replace(directory / MANIFEST)


_cache: dict[Path, tuple[float, TriageModels]] = {}
_lock = threading.Lock()


def models_load(directory: Path | None = None) -> TriageModels:
    """The models in `directory` (default: models_directory()), cached per process."""
    directory = Path(directory or models_directory())
    manifest_path = directory / MANIFEST
    try:
        stamp = manifest_path.stat().st_mtime
    except FileNotFoundError:
        raise TriageModelsMissing(
            f"Triage models are not built in {directory}: run `champions triage train`."
        ) from None
    cached = _cache.get(directory)
    if cached and cached[0] == stamp:
        return cached[1]
    with _lock:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or set(manifest.get("models", {})) != set(TASKS):
            raise TriageModelsMissing(
                f"Triage models in {directory} are from another version: "
                "run `champions triage train`."
            )
        stored = joblib.load(directory / MODELS)
        if stored.get("lexicons"):  # stores written before the lexicons were kept lack them
            lexicons_use(stored["lexicons"])
        loaded = TriageModels(
            directory=directory,
            manifest=manifest,
            models=stored["models"],
            neighbours=stored["neighbours"],
            paths=stored.get("paths"),
        )
        _cache[directory] = (stamp, loaded)
        return loaded


def models_manifest(directory: Path | None = None) -> dict | None:
    """The manifest of a complete store of this format, or None."""
    directory = Path(directory or models_directory())
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return manifest if manifest.get("format") == FORMAT else None
