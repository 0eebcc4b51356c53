"""The romanised-Hindi lexicon of language identification, built from what ships: the Hindi
names of the CPGRAMS category tree, the Hindi examples and the phrasebook, written in Latin
letters by `roman.romanise` in its two spellings (short vowels "bijli", long "bijlee"), with the
free spellings people type made by rules (`variants`: "nahin", "nahi", "nhi"; "karna", "krna";
"kya", "kia"), plus the hand-written list in `language.HINDI_ROMAN`; about 21,600 words, built
when the models are trained and stored with them. Words that are common in English comments
(GoEmotions) are left out; "main", "to" or "ya" are decided by their neighbours
(`language.AMBIGUOUS`).

A word in neither lexicon ("pareshaan", "krna", a name) gets a probability of being Hindi from
a character n-gram model (multinomial naive Bayes, Hindi lexicon against English words), so
spellings the lexicon never saw still count."""

import csv
import math
import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

from .phrasebook import phrasebook
from .roman import romanise

DATA_DIR = Path(__file__).resolve().parent / "data"
_LATIN_WORD = re.compile(r"[a-z]+")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_DEVANAGARI_WORD = re.compile(r"[\u0900-\u097f]+")
ENGLISH_MIN_COUNT = 3  # a word seen this often in the English comments is English


_CONSONANT = "bcdfghjklmnpqrstvwxyz"
_DOUBLED = re.compile(r"([bcdfgjklmnpqrstvz])\1")
# Letters and groups people swap freely; each pair is applied in this order, both spellings kept.
_SWAPS = (
    ("aa", "a"), ("ee", "i"), ("oo", "u"), ("v", "w"), ("w", "v"), ("sh", "s"),
    ("z", "j"), ("ph", "f"), ("q", "k"), ("chh", "ch"), ("cch", "ch"), ("au", "o"),
)  # fmt: skip


_NASAL_AN = frozenset({"yahan", "wahan", "vahan", "kahan", "jahan"})


def _vowel_drop(word: str) -> str | None:
    """The short "a" of the first syllable left out, as people text: karna -> krna,
    sakta -> skta, pareshan -> preshan."""
    if len(word) >= 4 and word[0] in _CONSONANT and word[1] == "a" and word[2] in _CONSONANT:
        return word[0] + word[2:]
    return None


def variants(word: str) -> set[str]:
    """Common free spellings of a romanised Hindi word: vowel length (aa/a, ee/i, oo/u),
    w/v, z/j, ph/f, sh/s, doubled consonants (accha, acha), a final "h" or nasal "n" left out
    (yeh, ye; nahin, nahi), the first short "a" dropped (karna, krna; nahi, nhi) and
    kya/kyaa/kia."""
    found = {word}
    for a, b in _SWAPS:
        found |= {f.replace(a, b) for f in found if a in f}
    found |= {_DOUBLED.sub(r"\1", f) for f in found}
    # A nasal end: nahin -> nahi, hain -> hai, yahan -> yaha ("kisan" keeps its n)
    if len(word) > 3 and (word.endswith(("in", "en", "on", "un")) or word in _NASAL_AN):
        found |= {f[:-1] for f in found if f.endswith("n")}
    if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":  # yeh -> ye, woh -> wo
        found |= {f[:-1] for f in found if f.endswith("h")}
    if 3 <= len(word) <= 5 and word[1] in "ae":  # nahi -> nhi, kar -> kr, rahe -> rhe
        found |= {f[0] + f[2:] for f in found if len(f) > 2 and f[1] in "ae"}
    found |= {dropped for f in found if (dropped := _vowel_drop(f))}
    if word.endswith("a") and len(word) > 3:  # hamara -> hamaara (read both ways)
        found.add(word[:-1] + "aa")
    if len(word) > 2 and word[-1] in "iu" and word[-2] in _CONSONANT:  # bijli -> bijlee
        found.add(word[:-1] + ("ee" if word.endswith("i") else "oo"))
    if len(word) >= 3 and word[0] in _CONSONANT and word[1:3] == "ya":  # kya -> kia
        found |= {f[0] + "i" + f[2:] for f in found if f[1:3] == "ya"}
    if "ai" in word:  # hai -> he, hain -> hen
        found |= {f.replace("ai", "e") for f in found if "ai" in f}
    return {f for f in found if len(f) >= 2}


def _hindi_texts() -> list[str]:
    texts = []
    with open(DATA_DIR / "cpgrams_category_tree.csv", encoding="utf-8", newline="") as f:
        texts += [row["description_hindi"] for row in csv.DictReader(f)]
    with open(DATA_DIR / "examples.csv", encoding="utf-8", newline="") as f:
        texts += [row["text"] for row in csv.DictReader(f) if _DEVANAGARI.search(row["text"])]
    for mood in phrasebook()["moods"].values():
        texts += mood["hi"]
    return texts


@cache
def acronyms() -> frozenset[str]:
    """Acronyms of two to four letters in the CPGRAMS tree's English names ("PSU", "GST",
    "EPFO"), lower-cased: their Hindi names spell them in Devanagari (पीएसयू), so romanised
    they land in the Hindi lexicon, but written in capitals in a text they are in no language."""
    with open(DATA_DIR / "cpgrams_category_tree.csv", encoding="utf-8", newline="") as f:
        names = " ".join(row["description"] for row in csv.DictReader(f))
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z]{2,4}\b", names))


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
        for word in _DEVANAGARI_WORD.findall(text):
            counts.update((romanise(word), romanise(word, long_vowels=True)))
    derived = set()
    for word, _n in counts.items():
        if len(word) >= 3:
            derived |= variants(word)
    for mood in phrasebook()["moods"].values():  # our Hinglish phrases: their Hindi words
        for text in mood["hinglish"]:
            found = re.findall(r"[A-Za-z]+", text)  # acronyms ("GST", "PSU") left out
            derived |= {w.lower() for w in found if len(w) >= 3 and not w.isupper()}
    for word in hand_written:
        derived |= variants(word)
    return frozenset((derived - english_words()) | hand_written)


def _grams(word: str) -> list[str]:
    padded = f"<{word}>"
    return [padded[i : i + n] for n in (1, 2, 3, 4) for i in range(len(padded) - n + 1)]


@cache
def _word_model(hindi: frozenset[str], english: frozenset[str]) -> tuple[dict[str, float], float]:
    """Per character n-gram, log P(gram | Hindi) - log P(gram | English) (add-one smoothing),
    and the log prior ratio of the two lexicons."""
    hindi_counts: Counter = Counter()
    english_counts: Counter = Counter()
    for word in hindi:
        hindi_counts.update(_grams(word))
    for word in english:
        english_counts.update(_grams(word))
    grams = hindi_counts.keys() | english_counts.keys()
    hindi_total = sum(hindi_counts.values()) + len(grams)
    english_total = sum(english_counts.values()) + len(grams)
    ratios = {
        gram: math.log((hindi_counts[gram] + 1) / hindi_total)
        - math.log((english_counts[gram] + 1) / english_total)
        for gram in grams
    }
    return ratios, math.log(len(hindi) / len(english))


@lru_cache(maxsize=100_000)
def hindi_probability(word: str, hindi: frozenset[str], english: frozenset[str]) -> float:
    """P(Hindi) of a lower-case Latin word: 1 or 0 when a lexicon knows it, else the n-gram
    model's, its log-odds scaled to a four-letter word (long words would be too sure)."""
    if word in hindi:
        return 1.0
    if word in english:
        return 0.0
    ratios, prior = _word_model(hindi, english)
    log_odds = (prior + sum(ratios.get(gram, 0.0) for gram in _grams(word))) * 4 / len(word)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, log_odds))))
