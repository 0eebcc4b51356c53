"""Devanagari to the Latin spelling Hindi speakers type (not a scholarly scheme): "शिकायत" →
"shikayat", "बिजली" → "bijli", "नहीं" → "nahin". Long vowels are written short, the final
inherent vowel is dropped, nasalisation is an "n". Used to build the romanised-Hindi lexicon
of language identification and to turn Hindi training texts into Hinglish ones."""

import re
import unicodedata

_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n",
    "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
    "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n",
    "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m",
    "य": "y", "र": "r", "ल": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s", "ह": "h",
    "ऱ": "r", "ळ": "l",
}  # fmt: skip
_VOWELS = {
    "अ": "a", "आ": "aa", "इ": "i", "ई": "ee", "उ": "u", "ऊ": "oo", "ऋ": "ri",
    "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au", "ऑ": "o",
}  # fmt: skip
_SIGNS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri",
    "े": "e", "ै": "ai", "ो": "o", "ौ": "au", "ॉ": "o",
}  # fmt: skip
# The other way people type: long vowels written long ("shikaayat", "bijlee", "kyaa").
_LONG_SIGNS = {**_SIGNS, "ा": "aa", "ी": "ee", "ू": "oo"}
_VIRAMA, _NUKTA = "\u094d", "\u093c"
_NASAL = {"ं": "n", "ँ": "n"}
_DEVANAGARI_WORD = re.compile(r"[\u0900-\u097f]+")


_NUKTA_FORMS = {"j": "z", "ph": "f", "k": "q", "d": "r", "dh": "rh"}


def _units(word: str, signs: dict[str, str]) -> list[list[str]]:
    """[consonant, vowel] units; the vowel of a bare consonant is None (inherent "a")."""
    units: list[list[str]] = []
    for char in word:
        if char in _CONSONANTS:
            units.append([_CONSONANTS[char], None])
        elif char == _NUKTA and units and units[-1][1] is None:
            units[-1][0] = _NUKTA_FORMS.get(units[-1][0], units[-1][0])
        elif char in signs and units and units[-1][1] is None:
            units[-1][1] = signs[char]
        elif char == _VIRAMA and units and units[-1][1] is None:
            units[-1][1] = ""
        elif char in _VOWELS:
            units.append(["", _VOWELS[char]])
        elif char in _NASAL and units:
            if units[-1][1] is None:
                units[-1][1] = "a"
            units[-1][1] += "n"
        elif char == "\u0903" and units:  # visarga
            units[-1][1] = (units[-1][1] or "a") + "h"
    return units


def _word(word: str, signs: dict[str, str]) -> str:
    units = _units(word, signs)
    # Schwa deletion: the inherent vowel is not spoken at the end of a word ("शिकायत" is
    # "shikayat") nor between two consonants after a vowel, before a vowel ("बिजली" is
    # "bijli", "सरकार" is "sarkar"). A word of one consonant keeps it ("न" is "na").
    if len(units) > 1 and units[-1][1] is None:
        units[-1][1] = ""
    for i in range(1, len(units) - 1):
        before, this, after = units[i - 1], units[i], units[i + 1]
        if this[1] is None and before[1] != "" and after[0] and after[1] != "":
            this[1] = ""
    return "".join(consonant + ("a" if vowel is None else vowel) for consonant, vowel in units)


def romanise(text: str, *, long_vowels: bool = False) -> str:
    """Every Devanagari word of `text` in casual Latin spelling ("bijli"; with `long_vowels`
    "bijlee", "kyaa"); other text is kept."""
    text = unicodedata.normalize("NFC", text)
    signs = _LONG_SIGNS if long_vowels else _SIGNS
    return _DEVANAGARI_WORD.sub(lambda m: _word(m[0], signs), text)
