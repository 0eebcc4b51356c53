"""The romanised-Hindi lexicon of language identification, built from what ships: the Hindi
names of the CPGRAMS category tree and the Hindi examples, written in Latin letters by
`roman.romanise`, with the spelling variants people type ("nahin", "nahi", "nhi"), plus the
hand-written list in `language.HINDI_ROMAN`. Words that are common in English comments
(GoEmotions) are left out, so "main", "to" or "hi" never count as Hindi."""

import csv
import re
from collections import Counter
from functools import cache
from pathlib import Path

from .roman import romanise

DATA_DIR = Path(__file__).resolve().parent / "data"
_LATIN_WORD = re.compile(r"[a-z]+")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_DEVANAGARI_WORD = re.compile(r"[\u0900-\u097f]+")
ENGLISH_MIN_COUNT = 3  # a word seen this often in the English comments is English


def variants(word: str) -> set[str]:
    """Common free spellings of a romanised Hindi word."""
    found = {word}
    for a, b in (("aa", "a"), ("ee", "i"), ("oo", "u"), ("v", "w"), ("w", "v"), ("sh", "s")):
        found |= {f.replace(a, b) for f in found}
    if len(word) > 3 and word.endswith(("in", "en", "an")):  # nasal end: nahin -> nahi
        found |= {f[:-1] for f in found}
    if 3 <= len(word) <= 5 and word[1] in "ae":  # nahi -> nhi, kar -> kr, rahe -> rhe
        found |= {f[0] + f[2:] for f in found if len(f) > 2 and f[1] in "ae"}
    if word.endswith("a") and len(word) > 3:  # hamara -> hamaara (read both ways)
        found.add(word[:-1] + "aa")
    return {f for f in found if len(f) >= 2}


def _hindi_texts() -> list[str]:
    texts = []
    with open(DATA_DIR / "cpgrams_category_tree.csv", encoding="utf-8", newline="") as f:
        texts += [row["description_hindi"] for row in csv.DictReader(f)]
    with open(DATA_DIR / "examples.csv", encoding="utf-8", newline="") as f:
        texts += [row["text"] for row in csv.DictReader(f) if _DEVANAGARI.search(row["text"])]
    return texts


@cache
def english_words() -> frozenset[str]:
    """Words seen at least ENGLISH_MIN_COUNT times in the shipped English comments."""
    counts: Counter = Counter()
    with open(DATA_DIR / "goemotions_train.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            counts.update(_LATIN_WORD.findall(row["text"].lower()))
    return frozenset(word for word, n in counts.items() if n >= ENGLISH_MIN_COUNT)


@cache
def hindi_words(hand_written: frozenset[str]) -> frozenset[str]:
    """The romanised-Hindi lexicon (the hand-written words always count)."""
    counts: Counter = Counter()
    for text in _hindi_texts():  # Devanagari words only: Latin words in them may be English
        counts.update(romanise(word) for word in _DEVANAGARI_WORD.findall(text))
    derived = set()
    for word, _n in counts.items():
        if len(word) >= 3:
            derived |= variants(word)
    for word in hand_written:
        derived |= variants(word)
    return frozenset((derived - english_words()) | hand_written)
