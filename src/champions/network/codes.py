"""The shipped code lists (HS 2022, ISIC Rev.4 = NIC-2008 classes, ISO 3166 countries), the
HS ↔ industry links and the tags the match index stores. Pure, cached, no database."""

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def hs_names() -> dict[str, str]:
    """HS 2022 chapters, headings and subheadings: code → English name."""
    return {row["code"]: row["description"] for row in _rows("hs_codes.csv")}


@cache
def isic_names() -> dict[str, str]:
    return {row["code"]: row["description"] for row in _rows("isic4.csv")}


@cache
def country_names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in _rows("countries.csv")}


@dataclass(frozen=True)
class Links:
    makers: dict[str, frozenset[str]]  # HS heading → industries (NIC 4) that make it
    inputs: dict[str, frozenset[str]]  # industry (NIC 4) → HS headings it uses
    users: dict[str, frozenset[str]]  # HS heading → industries that use it
    input_notes: dict[tuple[str, str], str]  # (industry, heading) → why


@cache
def links() -> Links:
    makers: dict[str, set[str]] = defaultdict(set)
    for row in _rows("hs4_isic4.csv"):
        makers[row["hs4"]].add(row["isic4"])
    inputs: dict[str, set[str]] = defaultdict(set)
    users: dict[str, set[str]] = defaultdict(set)
    notes = {}
    for row in _rows("io_links.csv"):
        inputs[row["nic4"]].add(row["hs4"])
        users[row["hs4"]].add(row["nic4"])
        notes[(row["nic4"], row["hs4"])] = row["input"]
    return Links(
        makers={k: frozenset(v) for k, v in makers.items()},
        inputs={k: frozenset(v) for k, v in inputs.items()},
        users={k: frozenset(v) for k, v in users.items()},
        input_notes=notes,
    )


@dataclass(frozen=True)
class CodeVectors:
    labels: list[str]  # distinct codes: "hs:5205" or "nic:1391"
    is_hs: np.ndarray  # bool per label
    rows: np.ndarray  # label index of each vector (a code has one or more names)
    matrix: np.ndarray  # unit vectors, one per name, language-centred (see `centre`)
    means: dict[str, np.ndarray]  # "hi" / "en": the mean vector of names in that language


@cache
def code_vectors() -> CodeVectors:
    """The glossary's names come last, English and Hindi in turn (scripts/build_network_data.py)."""
    row_labels = json.loads((DATA / "code_vectors.json").read_text(encoding="utf-8"))
    labels = sorted(set(row_labels))
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.load(DATA / "code_vectors.npy").astype(np.float32)
    hindi = np.zeros(len(matrix), dtype=bool)
    hindi[len(matrix) - 2 * len(glossary()) + 1 :: 2] = True
    means = {"hi": matrix[hindi].mean(axis=0), "en": matrix[~hindi].mean(axis=0)}
    matrix = matrix - np.where(hindi[:, None], means["hi"], means["en"])
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return CodeVectors(
        labels=labels,
        is_hs=np.array([label.startswith("hs:") for label in labels]),
        rows=np.array([index[label] for label in row_labels]),
        matrix=matrix,
        means=means,
    )


def is_hindi(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum("\u0900" <= ch <= "\u097f" for ch in letters) > len(letters) / 3


def centre(vector: np.ndarray, text: str) -> np.ndarray:
    """Remove the language's mean direction: the small multilingual model puts any two Hindi
    texts close together, whatever they say; what is left compares meaning across languages."""
    v = vector.astype(np.float32) - code_vectors().means["hi" if is_hindi(text) else "en"]
    return v / (np.linalg.norm(v) or 1.0)


_EDGE = "\\w\u0900-\u097f"  # a term must stand alone (Devanagari vowel signs are not \\w)


@cache
def glossary() -> list[tuple[str, re.Pattern]]:
    """Everyday trade terms in English and Hindi (data/glossary.csv) → HS heading or NIC class."""
    found = []
    for row in _rows("glossary.csv"):
        terms = [t.strip() for t in (row["en"] + "|" + row["hi"]).split("|") if t.strip()]
        alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        found.append(
            (row["code"], re.compile(f"(?<![{_EDGE}])(?:{alternatives})(?![{_EDGE}])", re.I))
        )
    return found


def glossary_spans(text: str) -> list[tuple[str, int, int]]:
    """(code, start, end) of each glossary term found, leaving out a term that lies inside a
    longer term of another code: "कपास का धागा" is yarn, not also the raw cotton of "कपास"."""
    found = [
        (code, match.start(), match.end())
        for code, pattern in glossary()
        for match in pattern.finditer(text)
    ]
    return [
        (code, start, end)
        for code, start, end in found
        if not any(
            other != code and s <= start and end <= e and e - s > end - start
            for other, s, e in found
        )
    ]


def glossary_codes(text: str) -> list[str]:
    return list(dict.fromkeys(code for code, _start, _end in glossary_spans(text)))


# In a request, what follows "for" says what the product is for, not what is wanted: "tin
# containers for packing mango pulp" asks for containers. Hindi puts the purpose before "के
# लिए" ("अगरबत्ती के लिए बांस"). "Looking for", "buyers for" and the like introduce the
# product itself and are not purpose clauses.
_NOT_PURPOSE = (
    "looking|searching|search|ask|asking|buyer|buyers|supplier|suppliers|importer|importers"
    "|exporter|exporters|market|partner|partners|demand|need|needs|order|orders|quote|quotes"
)
_PURPOSE_EN = re.compile(rf"\b(?!(?:{_NOT_PURPOSE})\b)[\w-]+\s+(for|to be used in)\s+\S", re.I)
_PURPOSE_HI = re.compile(
    r"((?:\S+\s+){1,2})(?:के लिए|ke liye|ke liya|keliye)(?![\w\u0900-\u097f])", re.I
)


def purpose_span(text: str) -> tuple[int, int] | None:
    """The (start, end) of a purpose clause in the text, or None."""
    match = _PURPOSE_EN.search(text)
    if match:
        return match.start(1), len(text)
    match = _PURPOSE_HI.search(text)
    if match:
        return match.start(1), match.end()
    return None


def hs_name(code: str) -> str:
    names = hs_names()
    name = names.get(code) or names.get(code[:4]) or ""
    return short_name(name)


def short_name(name: str, words: int = 8) -> str:
    """The first clause of a long HS or ISIC name, in lower case ("cotton yarn")."""
    first = name.split(";")[0].split(",")[0].strip()
    parts = first.split()
    text = " ".join(parts[:words])
    return text[:1].lower() + text[1:] if text and not text[:2].isupper() else text


def nic_name(code: str) -> str:
    return short_name(isic_names().get(code[:4], ""))


def invalid_hs(codes) -> list[str]:
    names = hs_names()
    return [c for c in codes if not (len(c) in {4, 6} and c.isdigit() and c in names)]


def invalid_countries(codes) -> list[str]:
    names = country_names()
    return [c for c in codes if c not in names]


def profile_tags(*, hs_codes, needs_hs_codes, nic_codes) -> set[str]:
    """The index rows of a profile: offered products at 6 and 4 digits, needed products,
    industries (NIC 4 digits, which are ISIC Rev.4 classes)."""
    tags = set()
    for code in hs_codes:
        tags.add(f"o4:{code[:4]}")
        if len(code) == 6:
            tags.add(f"o6:{code}")
    for code in needs_hs_codes:
        tags.add(f"n4:{code[:4]}")
    for code in nic_codes:
        if len(code) >= 4:
            tags.add(f"i4:{code[:4]}")
    return tags
