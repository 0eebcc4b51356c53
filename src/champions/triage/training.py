"""`champions triage train`: fit every model from the shipped data and write the store."""

import time
from datetime import UTC, datetime
from pathlib import Path

import sklearn
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

from .datasets import SEED, TASKS, Dataset, data_fingerprint, dataset_build, examples
from .features import Featuriser, TextModel
from .routing import PathIndex
from .store import FORMAT, Neighbours, models_directory, store_write

HOLDOUT_SHARE = 0.2


def _holdout_scores(data: Dataset, featuriser: Featuriser) -> dict:
    """Macro-F1 of a model fitted on 80 % of the rows and scored on the other 20 %, over all
    held-out rows and over the held-out hand-written examples alone (the in-domain figure)."""
    indices = list(range(len(data.texts)))
    train, test = train_test_split(
        indices, test_size=HOLDOUT_SHARE, random_state=SEED, stratify=data.labels
    )
    model = TextModel.fit(
        data.task,
        [data.texts[i] for i in train],
        [data.labels[i] for i in train],
        [data.weights[i] for i in train],
        featuriser=featuriser,
    )
    predicted = model.predict([data.texts[i] for i in test])
    gold = [data.labels[i] for i in test]
    own = [k for k, i in enumerate(test) if data.is_example[i]]
    scores = {
        "rows": len(test),
        "macro_f1": round(float(f1_score(gold, predicted, average="macro")), 4),
    }
    if own:
        scores["examples_rows"] = len(own)
        scores["examples_macro_f1"] = round(
            float(f1_score([gold[k] for k in own], [predicted[k] for k in own], average="macro")),
            4,
        )
    return scores


def models_train(
    directory: Path | None = None,
    *,
    holdout: bool = True,
    quick: bool = False,
    sources: bool | None = None,
    log=lambda message: None,
) -> dict:
    """Fit all models on all rows (after scoring a held-out split when `holdout`), write them
    with a manifest, and return the manifest."""
    directory = Path(directory or models_directory())
    digest, files = data_fingerprint()
    trained_at = datetime.now(UTC)
    version = f"{trained_at:%Y%m%d}-{digest[:8]}"
    models, entries = {}, {}
    started = time.monotonic()
    datasets = {task: dataset_build(task, quick=quick, sources=sources) for task in TASKS}
    featuriser = Featuriser.fit([text for data in datasets.values() for text in data.texts])
    log(f"features: {featuriser.size} terms, {time.monotonic() - started:.1f} s")
    for task, data in datasets.items():
        started = time.monotonic()
        entry = {"rows": len(data.texts), "sources": data.sources}
        if holdout:
            entry["holdout"] = _holdout_scores(data, featuriser)
        models[task] = TextModel.fit(
            task, data.texts, data.labels, data.weights, featuriser=featuriser
        )
        entry["classes"] = models[task].labels
        entry["seconds"] = round(time.monotonic() - started, 1)
        entries[task] = entry
        log(
            f"{task}: {len(data.texts)} rows, {len(entry['classes'])} classes, "
            f"{entry['seconds']} s"
            + (f", held-out macro-F1 {entry['holdout']['macro_f1']}" if holdout else "")
        )
    texts = [row["text"] for row in examples()]
    neighbours = Neighbours(
        texts=texts,
        labels=[row["category"] for row in examples()],
        matrix=featuriser.transform(texts),
        columns=len(featuriser.word_vocabulary),
    )
    manifest = {
        "format": FORMAT,
        "version": version,
        "trained_at": trained_at.isoformat(timespec="seconds"),
        "scikit_learn": sklearn.__version__,
        "quick": quick,
        "data": files,
        "models": entries,
    }
    store_write(directory, models, neighbours, manifest, PathIndex.build(featuriser))
    return manifest
