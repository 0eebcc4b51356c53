"""`champions triage evaluate`: score a model (or the plain baseline) on a labelled file.

Accepted files, recognised by their columns:
- any CSV with `text` and a column named after the task (or `label`);
- CPGRAMS grievances (`org_code`, `ministry`): the ministry is mapped to the organisation list
  (whitespace collapsed; by org code when the name is "Other"; state governments' codes GOVxx to
  "State Government"); rows whose organisation is not in the list are skipped and counted;
- SentiMix (`label` positive/negative/neutral, `hin_token_share`): sentiment is compared on
  three levels (very_negative+negative, neutral, positive+very_positive); for the language task
  every tweet counts as Hinglish, so recall of "hinglish" is the share identified as such;
- GoEmotions TSV (text, label ids, comment id; no header) with `goemotions_ekman_labels.txt`
  beside it: comments with a single Ekman label.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import KFold

from .choices import STATE_GOVERNMENT, Language
from .datasets import EXAMPLE_WEIGHT, dataset_build, organisation_of_code, organisations
from .features import TextModel, baseline_build
from .language import language_identify
from .routing import PathIndex, department_predict
from .store import models_load, models_manifest

THREE_LEVELS = {
    "very_negative": "negative",
    "negative": "negative",
    "neutral": "neutral",
    "positive": "positive",
    "very_positive": "positive",
}


@dataclass
class EvaluationData:
    texts: list[str] = field(default_factory=list)
    gold: list[str] = field(default_factory=list)
    skipped: int = 0
    notes: list[str] = field(default_factory=list)


def _department_of(row: dict[str, str]) -> str | None:
    names = organisations()
    name = " ".join(row.get("ministry", "").split())
    if name in names:
        return name
    code = row.get("org_code", "")
    if code.startswith("GOV"):
        return STATE_GOVERNMENT
    return organisation_of_code().get(code)


HINGLISH_SHARE = 0.3  # SentiMix tweets with at least this share of Hindi tokens count


def _read_goemotions(path: Path, task: str) -> EvaluationData:
    labels = (path.parent / "goemotions_ekman_labels.txt").read_text().split()
    data = EvaluationData(notes=["GoEmotions: comments with exactly one Ekman label"])
    with open(path, encoding="utf-8") as f:
        for line in f:
            text, ids, _ = line.rstrip("\n").split("\t")
            if task == "language":  # English comments: the rate of staying "en"
                data.texts.append(text)
                data.gold.append(Language.ENGLISH)
                continue
            if "," in ids:
                data.skipped += 1
                continue
            data.texts.append(text)
            data.gold.append(labels[int(ids)])
    return data


def evaluation_data_read(path: Path, task: str) -> EvaluationData:
    if path.suffix == ".tsv":
        return _read_goemotions(path, task)
    data = EvaluationData()
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        columns = set(reader.fieldnames or [])
        sentimix = "hin_token_share" in columns
        for row in reader:
            if task == "department" and "org_code" in columns:
                gold = _department_of(row)
            elif task == "language" and sentimix:
                share = float(row.get("hin_token_share") or 0)
                gold = Language.HINGLISH if share >= HINGLISH_SHARE else None
            else:
                gold = row.get(task) or row.get("label")
            if not gold or not row.get("text", "").strip():
                data.skipped += 1
                continue
            data.texts.append(row["text"])
            data.gold.append(str(gold))
    if task == "department" and "org_code" in columns:
        data.notes.append("ministry mapped to the organisation list; unmapped rows skipped")
    if sentimix and task == "language":
        data.notes.append(
            f"SentiMix tweets with >= {HINGLISH_SHARE:.0%} Hindi tokens counted as Hinglish; "
            "the rest skipped"
        )
    return data


def _predict(task: str, texts: list[str], *, baseline: bool, models_directory=None):
    if baseline:
        # The same rows as the models being evaluated (a quick build for tests has fewer).
        manifest = models_manifest(models_directory) or {}
        training = dataset_build(task, quick=bool(manifest.get("quick")))
        model = baseline_build().fit(training.texts, training.labels)
        predicted = [str(label) for label in model.predict(texts)]
        if task == "language":  # the baseline sees only what our classifier sees: Latin text
            return predicted, "baseline: TF-IDF words 1-2 + LinearSVC on the same data"
        return predicted, "baseline: TF-IDF words 1-2 + LinearSVC on the same data"
    models = models_load(models_directory)
    model = models.models[task]
    if task == "language":
        probabilities = model.probabilities(texts)[:, model.labels.index("hinglish")]
        predicted = [
            str(language_identify(text, float(p)).label)
            for text, p in zip(texts, probabilities, strict=True)
        ]
    elif task == "department":
        predicted = department_predict(model, models.paths, texts)
    else:
        predicted = model.predict(texts)
    return predicted, models.version


def report(task: str, gold: list[str], predicted: list[str]) -> dict:
    """Macro-F1 over the labels present in the gold data, per-class precision and recall, and
    the confusion matrix over every label seen in gold or predictions."""
    gold_labels = sorted(set(gold))
    labels = sorted(set(gold) | set(predicted))
    precision, recall, _, support = precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=0
    )
    return {
        "task": task,
        "n": len(gold),
        "macro_f1": round(
            float(f1_score(gold, predicted, labels=gold_labels, average="macro", zero_division=0)),
            4,
        ),
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold), 4),
        "per_class": {
            label: {
                "precision": round(float(p), 4),
                "recall": round(float(r), 4),
                "support": int(s),
            }
            for label, p, r, s in zip(labels, precision, recall, support, strict=True)
        },
        "confusion": {
            "labels": labels,
            "matrix": confusion_matrix(gold, predicted, labels=labels).tolist(),
        },
    }


def evaluate(task: str, path: Path, *, baseline: bool = False, models_directory=None) -> dict:
    data = evaluation_data_read(Path(path), task)
    if not data.texts:
        raise ValueError(f"{path} has no rows with a {task} label")
    predicted, version = _predict(
        task, data.texts, baseline=baseline, models_directory=models_directory
    )
    notes = list(data.notes)
    if task == "sentiment" and not any(g.startswith("very_") for g in data.gold):
        predicted = [THREE_LEVELS[p] for p in predicted]
        data.gold = [THREE_LEVELS.get(g, g) for g in data.gold]
        notes.append("five sentiment levels mapped down to three")
    result = report(task, data.gold, predicted)
    result["model_version"] = version
    result["skipped"] = data.skipped
    result["data"] = Path(path).name
    if notes:
        result["notes"] = notes
    return result


HISTORY_FOLDS_SEED = 7


def _history_model(history: EvaluationData, *, baseline: bool, quick: bool):
    """A temporary department model: the shipped rows plus `history` (ours), or a plain
    TF-IDF + LinearSVC on `history` alone (the bar a ministry's own data sets)."""
    if baseline:
        return baseline_build().fit(history.texts, history.gold)
    data = dataset_build("department", quick=quick, sources=False)
    texts = data.texts + history.texts
    labels = data.labels + history.gold
    weights = data.weights + [EXAMPLE_WEIGHT] * len(history.texts)
    return TextModel.fit("department", texts, labels, weights)


def _history_predict(
    history: EvaluationData, texts: list[str], *, baseline: bool, quick: bool
) -> tuple[list[str], list[str]]:
    """Departments for `texts` from a temporary model: routed (the classifier with retrieval
    over the category paths, as served) and from the classifier alone."""
    model = _history_model(history, baseline=baseline, quick=quick)
    alone = [str(label) for label in model.predict(texts)]
    if baseline:
        return alone, alone
    return department_predict(model, PathIndex.build(model.featuriser), texts), alone


def evaluate_with_history(
    path: Path,
    history_path: Path,
    *,
    folds: int = 0,
    baseline: bool = False,
    quick: bool = False,
) -> dict:
    """Department routing after learning from a ministry's history: a temporary model trained
    on the shipped rows plus the history file scores `path`, and is discarded. With `folds`
    (the history file is the scored file), k-fold cross-validation: each fold is scored by a
    model that learnt from the other folds only."""
    data = evaluation_data_read(Path(path), "department")
    history = evaluation_data_read(Path(history_path), "department")
    if not data.texts or not history.texts:
        raise ValueError("both files need rows with a department")
    predicted, alone = [""] * len(data.texts), [""] * len(data.texts)
    if folds:
        if Path(path).resolve() != Path(history_path).resolve():
            raise ValueError("--folds scores the history file itself: give the same file twice")
        splitter = KFold(n_splits=folds, shuffle=True, random_state=HISTORY_FOLDS_SEED)
        for train, test in splitter.split(data.texts):
            fold = EvaluationData(
                texts=[data.texts[i] for i in train], gold=[data.gold[i] for i in train]
            )
            routed, plain = _history_predict(
                fold, [data.texts[i] for i in test], baseline=baseline, quick=quick
            )
            for i, label, label_alone in zip(test, routed, plain, strict=True):
                predicted[i], alone[i] = label, label_alone
    else:
        predicted, alone = _history_predict(history, data.texts, baseline=baseline, quick=quick)
    result = report("department", data.gold, predicted)
    result["classifier_alone_macro_f1"] = report("department", data.gold, alone)["macro_f1"]
    result["model_version"] = (
        "baseline: TF-IDF words 1-2 + LinearSVC on the history alone"
        if baseline
        else "temporary: shipped rows + history, routed with the category paths (discarded)"
    )
    result["history"] = Path(history_path).name
    result["history_rows"] = len(history.texts)
    result["folds"] = folds
    result["skipped"] = data.skipped
    result["data"] = Path(path).name
    result["notes"] = data.notes
    return result
