"""The training data: files shipped in triage/data/ (see data/README.md), read into
(texts, labels, weights) per task. Pure file reading; no database."""

import csv
import hashlib
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .choices import CATEGORY_DESCRIPTIONS, STATE_GOVERNMENT, Emotion, Language, Sentiment
from .phrasebook import PHRASEBOOK_FILE, generated_texts
from .roman import romanise

DATA_DIR = Path(__file__).resolve().parent / "data"
EXAMPLES_FILE = DATA_DIR / "examples.csv"
DEPARTMENT_EXAMPLES_FILE = DATA_DIR / "department_examples.csv"
ORGANISATIONS_FILE = DATA_DIR / "cpgrams_organisations.csv"
CATEGORY_TREE_FILE = DATA_DIR / "cpgrams_category_tree.csv"
GOEMOTIONS_FILE = DATA_DIR / "goemotions_train.tsv"
DATA_FILES = [
    EXAMPLES_FILE,
    DEPARTMENT_EXAMPLES_FILE,
    ORGANISATIONS_FILE,
    CATEGORY_TREE_FILE,
    GOEMOTIONS_FILE,
    PHRASEBOOK_FILE,
]

TASKS = ["category", "department", "urgency", "language", "sentiment", "emotion"]
# Our own examples are few and in the product's domain; they count more than derived rows.
EXAMPLE_WEIGHT = 3.0
TREE_TEXTS_PER_ORGANISATION = 100
QUICK_GOEMOTIONS_ROWS = 1200  # of 43,410, for the tests' quick build
LANGUAGE_ENGLISH_ROWS = 4000  # English comments against the Hinglish examples
ROMANISED = "examples.csv (Hindi romanised)"
SEED = 2024

# GoEmotions' 27 emotions on our five sentiment levels. Comments whose labels fall on both
# sides (positive and negative) are left out.
SENTIMENT_OF_EMOTION = {
    "admiration": Sentiment.VERY_POSITIVE,
    "gratitude": Sentiment.VERY_POSITIVE,
    "love": Sentiment.VERY_POSITIVE,
    "excitement": Sentiment.VERY_POSITIVE,
    "joy": Sentiment.POSITIVE,
    "amusement": Sentiment.POSITIVE,
    "approval": Sentiment.POSITIVE,
    "caring": Sentiment.POSITIVE,
    "optimism": Sentiment.POSITIVE,
    "pride": Sentiment.POSITIVE,
    "relief": Sentiment.POSITIVE,
    "desire": Sentiment.POSITIVE,
    "neutral": Sentiment.NEUTRAL,
    "realization": Sentiment.NEUTRAL,
    "curiosity": Sentiment.NEUTRAL,
    "surprise": Sentiment.NEUTRAL,
    "annoyance": Sentiment.NEGATIVE,
    "disappointment": Sentiment.NEGATIVE,
    "disapproval": Sentiment.NEGATIVE,
    "confusion": Sentiment.NEGATIVE,
    "embarrassment": Sentiment.NEGATIVE,
    "nervousness": Sentiment.NEGATIVE,
    "sadness": Sentiment.NEGATIVE,
    "anger": Sentiment.VERY_NEGATIVE,
    "disgust": Sentiment.VERY_NEGATIVE,
    "grief": Sentiment.VERY_NEGATIVE,
    "fear": Sentiment.VERY_NEGATIVE,
    "remorse": Sentiment.VERY_NEGATIVE,
}
_POLARITY = {
    Sentiment.VERY_NEGATIVE: -1,
    Sentiment.NEGATIVE: -1,
    Sentiment.NEUTRAL: 0,
    Sentiment.POSITIVE: 1,
    Sentiment.VERY_POSITIVE: 1,
}


@dataclass
class Dataset:
    task: str
    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    is_example: list[bool] = field(default_factory=list)  # a row of examples.csv
    sources: dict[str, int] = field(default_factory=dict)

    def add(self, source: str, text: str, label: str, *, weight: float = 1.0) -> None:
        self.texts.append(text)
        self.labels.append(str(label))
        self.weights.append(weight)
        self.is_example.append(source in (EXAMPLES_FILE.name, ROMANISED))
        self.sources[source] = self.sources.get(source, 0) + 1


def _read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


@cache
def examples() -> list[dict[str, str]]:
    return _read_csv(EXAMPLES_FILE)


@cache
def _own_rows() -> list[tuple[str, dict[str, str]]]:
    """The hand-written examples, plus each Hindi one written in Latin letters as Hinglish
    (`roman.romanise`), with the same labels."""
    rows = [(EXAMPLES_FILE.name, row) for row in examples()]
    for row in examples():
        if row["language"] == Language.HINDI:
            romanised = {**row, "text": romanise(row["text"]), "language": Language.HINGLISH}
            rows.append((ROMANISED, romanised))
    return rows


@cache
def department_examples() -> list[dict[str, str]]:
    """Our short grievances per organisation (department, language, text), each Hindi one
    also romanised as Hinglish."""
    rows = _read_csv(DEPARTMENT_EXAMPLES_FILE)
    romanised = [
        {**row, "text": romanise(row["text"]), "language": Language.HINGLISH}
        for row in rows
        if row["language"] == Language.HINDI
    ]
    return rows + romanised


@cache
def organisations() -> dict[str, str]:
    """Organisation name -> CPGRAMS org code ("" for State Government)."""
    return {row["name"]: row["org_code"] for row in _read_csv(ORGANISATIONS_FILE)}


def department_names() -> list[str]:
    return sorted(organisations(), key=str.casefold)


def organisation_of_code() -> dict[str, str]:
    """CPGRAMS org code -> organisation name (codes of state governments not included)."""
    return {code: name for name, code in organisations().items() if code}


@dataclass(frozen=True)
class CategoryPath:
    code: str
    department: str
    path: str  # English names from the top, " > " between levels
    path_hindi: str


@cache
def category_paths() -> list[CategoryPath]:
    """Every CPGRAMS category of an organisation we know, with its full path in English and
    in Hindi (the organisation's own top entry is the first level)."""
    names = organisation_of_code()
    rows = _read_csv(CATEGORY_TREE_FILE)
    by_code = {row["code"]: row for row in rows}

    def path(row: dict, column: str) -> str:
        parts, seen = [], set()
        while row and row["code"] not in seen:
            seen.add(row["code"])
            parts.append(row[column].strip() or row["description"].strip())
            row = by_code.get(row["parent"])
        return " > ".join(reversed(parts))

    return [
        CategoryPath(
            row["code"],
            names[row["org_code"]],
            path(row, "description"),
            path(row, "description_hindi"),
        )
        for row in rows
        if row["org_code"] in names
    ]


def _tree_texts(per_organisation: int) -> dict[str, list[str]]:
    """Per organisation name, the English and Hindi category names with their parent's."""
    names = organisation_of_code()
    rows = _read_csv(CATEGORY_TREE_FILE)
    by_code = {row["code"]: row for row in rows}
    texts: dict[str, set[str]] = {}
    for row in rows:
        name = names.get(row["org_code"])
        if name is None:
            continue
        parent = by_code.get(row["parent"])
        for column in ("description", "description_hindi"):
            own = row[column].strip()
            if not own:
                continue
            context = parent[column].strip() if parent and parent["parent"] else ""
            texts.setdefault(name, set()).add(f"{context} {own}".strip())
    rng = random.Random(SEED)  # noqa: S311 - a reproducible sample, not a secret
    sampled = {}
    for name, found in texts.items():
        ordered = sorted(found)
        rng.shuffle(ordered)
        sampled[name] = ordered[:per_organisation]
    return sampled


@cache
def goemotions() -> list[dict[str, str]]:
    return _read_csv(GOEMOTIONS_FILE, delimiter="\t")


def _sentiment_of(emotions: list[str]) -> str | None:
    levels = {SENTIMENT_OF_EMOTION[e] for e in emotions}
    if len({_POLARITY[level] for level in levels}) != 1:
        return None
    return min(levels, key=lambda level: -abs(list(Sentiment).index(level) - 2))


def dataset_build(task: str, *, quick: bool = False, sources: bool | None = None) -> Dataset:
    """The training rows for one task. `quick` (tests) keeps a tenth of the derived rows.
    `sources` adds the registered sources (database rows: history, officers' decisions); by
    default only in a full build, since tests' session models train outside a database."""
    if sources is None:
        sources = not quick
    data = Dataset(task)
    per_organisation = TREE_TEXTS_PER_ORGANISATION // (10 if quick else 1)
    goemotions_rows = goemotions()[: QUICK_GOEMOTIONS_ROWS if quick else None]
    own = _own_rows()
    if task == "category":
        for source, row in own:
            data.add(source, row["text"], row["category"])
        for code, description in CATEGORY_DESCRIPTIONS.items():
            data.add("choices.CATEGORY_DESCRIPTIONS", str(description), code)
    elif task == "department":
        for name, texts in _tree_texts(per_organisation).items():
            data.add(ORGANISATIONS_FILE.name, name, name)
            for text in texts:
                data.add(CATEGORY_TREE_FILE.name, text, name)
        data.add(ORGANISATIONS_FILE.name, STATE_GOVERNMENT, STATE_GOVERNMENT)
        for source, row in own:
            data.add(source, row["text"], row["department"], weight=EXAMPLE_WEIGHT)
        for row in department_examples():
            source = DEPARTMENT_EXAMPLES_FILE.name
            data.add(source, row["text"], row["department"], weight=EXAMPLE_WEIGHT)
    elif task == "urgency":
        for source, row in own:
            data.add(source, row["text"], row["urgency"])
    elif task == "language":
        # Only Latin-script text reaches this model: English against Hinglish.
        for source, row in own:
            if row["language"] in {Language.ENGLISH, Language.HINGLISH}:
                data.add(source, row["text"], row["language"], weight=EXAMPLE_WEIGHT)
        for row in goemotions_rows[:LANGUAGE_ENGLISH_ROWS]:
            data.add(GOEMOTIONS_FILE.name, row["text"], Language.ENGLISH)
    elif task == "sentiment":
        for source, row in own:
            data.add(source, row["text"], row["sentiment"], weight=EXAMPLE_WEIGHT)
        for generated in generated_texts():
            data.add(PHRASEBOOK_FILE.name, generated.text, generated.sentiment)
        for row in goemotions_rows:
            level = _sentiment_of(row["emotions"].split(","))
            if level is not None:
                data.add(GOEMOTIONS_FILE.name, row["text"], level)
    elif task == "emotion":
        for source, row in own:
            data.add(source, row["text"], row["emotion"], weight=EXAMPLE_WEIGHT)
        for generated in generated_texts():
            data.add(PHRASEBOOK_FILE.name, generated.text, generated.emotion)
        for row in goemotions_rows:
            # A comment with k Ekman groups is k rows of weight 1/k.
            groups = row["ekman"].split(",")
            for group in groups:
                data.add(GOEMOTIONS_FILE.name, row["text"], Emotion(group), weight=1 / len(groups))
    else:
        raise ValueError(f"unknown task {task!r}")
    for name, rows in (TRAINING_SOURCES if sources else {}).items():
        for row_task, text, label in rows():
            if row_task == task and text.strip() and label:
                data.add(name, text, label, weight=EXAMPLE_WEIGHT)
    return data


# Training rows from apps above triage, which triage may not import: the grievances app
# registers its officers' decisions (accepted and overridden suggestions) from its
# AppConfig.ready(). Each source returns (task, text, label) rows when a model is trained.
TrainingRows = Callable[[], Iterable[tuple[str, str, str]]]
TRAINING_SOURCES: dict[str, TrainingRows] = {}


def training_source_register(name: str, rows: TrainingRows) -> None:
    """Add (or replace) a source of extra training rows, weighed as hand-written examples."""
    TRAINING_SOURCES[name] = rows


def data_fingerprint() -> tuple[str, dict[str, dict]]:
    """A hash over every training file, and per file its SHA-256 and number of lines."""
    digest = hashlib.sha256()
    files = {}
    for path in DATA_FILES:
        content = path.read_bytes()
        digest.update(content)
        files[path.name] = {
            "sha256": hashlib.sha256(content).hexdigest(),
            "rows": content.count(b"\n") - 1,
        }
    return digest.hexdigest(), files
