"""Labelled short texts generated from our own phrasebook (`data/phrasebook.toml`): the way MSME
owners, officers and ordinary people write, in English, Hindi and Hinglish, each with a
sentiment (five levels) and an emotion. Every template is filled with topics of its language,
openers, intensifiers and emoji; every Hindi text is also written in Latin letters
(`roman.romanise`) as a Hinglish one; Hinglish texts get the free spellings people type
("nahi", "nhi"; "bahut", "bohot"). The output is reproducible (a fixed seed)."""

import random
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .choices import Language, Sentiment
from .roman import romanise

PHRASEBOOK_FILE = Path(__file__).resolve().parent / "data" / "phrasebook.toml"
SEED = 2026
TOPICS_PER_TEMPLATE = 12  # a template with {t} is filled with this many topics
VARIANTS_PER_TEMPLATE = 5  # a template without {t} is written this many ways
STRONG_SHARE = 0.3  # of the texts get an intensifier and become very_ (positive or negative)
STRONGER = {
    Sentiment.POSITIVE: Sentiment.VERY_POSITIVE,
    Sentiment.NEGATIVE: Sentiment.VERY_NEGATIVE,
}
LANGUAGES = (Language.ENGLISH, Language.HINDI, Language.HINGLISH)
# Free spellings of common romanised Hindi words, as people type them.
SPELLINGS = {
    "nahi": ["nahi", "nhi", "nahin", "nai"],
    "bahut": ["bahut", "bohot", "bahot", "bht", "boht"],
    "hai": ["hai", "hai", "h", "hy"],
    "hain": ["hain", "hai", "h"],
    "kya": ["kya", "kia", "kyaa"],
    "accha": ["accha", "acha", "achha", "acchha"],
    "acchi": ["acchi", "achi", "achhi"],
    "yaar": ["yaar", "yar"],
    "hoon": ["hoon", "hu", "hun"],
    "raha": ["raha", "rha"],
    "rahi": ["rahi", "rhi"],
    "rahe": ["rahe", "rhe"],
    "kar": ["kar", "kr"],
    "mein": ["mein", "me", "mai", "main"],
    "hum": ["hum", "ham"],
    "theek": ["theek", "thik", "thk"],
    "gaya": ["gaya", "gya"],
    "gayi": ["gayi", "gyi", "gai"],
    "ke": ["ke", "k"],
    "pe": ["pe", "par"],
    "aur": ["aur", "or"],
    "koi": ["koi", "koii"],
    "kyun": ["kyun", "kyu", "kyon"],
    "dhanyavaad": ["dhanyavaad", "dhanyawad", "dhanyavad"],
    "shukriya": ["shukriya", "shukria"],
    "khush": ["khush", "khus"],
}
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class LabelledText:
    text: str
    language: str
    sentiment: str
    emotion: str


@cache
def phrasebook() -> dict:
    with open(PHRASEBOOK_FILE, "rb") as f:
        return tomllib.load(f)


def free_spelling(text: str, rng: random.Random) -> str:
    """`text` with its common romanised Hindi words in a spelling drawn at random."""

    def respell(match: re.Match) -> str:
        word = match[0]
        choices = SPELLINGS.get(word.lower())
        return rng.choice(choices) if choices else word

    return _WORD.sub(respell, text)


def _decorate(text: str, language: str, emotion: str, *, strong: bool, rng: random.Random) -> str:
    book = phrasebook()
    opener = rng.choice(book["openers"][language])
    if strong:
        intensifier = rng.choice(book["intensifiers"][language])
        text = f"{intensifier.capitalize()}, {text}" if not opener else f"{text}, {intensifier}"
    text = opener + text
    emoji = rng.choice(book["emoji"][emotion]) if rng.random() < 0.4 else ""
    if emoji and strong:
        emoji *= rng.choice((2, 3))
    end = "!!!" if strong and rng.random() < 0.5 else ""
    if rng.random() < 0.3:  # people often write all in lower case
        text = text.lower()
    return f"{text}{end} {emoji}".strip()


def _texts(mood: dict, language: str, rng: random.Random) -> list[tuple[str, bool]]:
    """(text, strong) pairs of one mood in one language."""
    topics = phrasebook()["topics"][language]
    found = []
    for template in mood[language]:
        if "{t}" in template:
            fills = [template.replace("{t}", t) for t in rng.sample(topics, TOPICS_PER_TEMPLATE)]
        else:
            fills = [template] * VARIANTS_PER_TEMPLATE
        for text in fills:
            strong = rng.random() < STRONG_SHARE
            found.append(
                (_decorate(text, language, mood["emotion"], strong=strong, rng=rng), strong)
            )
    return found


@cache
def generated_texts() -> tuple[LabelledText, ...]:
    """Every generated text with its labels (Hindi ones also romanised as Hinglish)."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible data, not a secret
    rows: dict[str, LabelledText] = {}
    for mood in phrasebook()["moods"].values():
        base = Sentiment(mood["sentiment"])
        for language in LANGUAGES:
            for text, strong in _texts(mood, language, rng):
                level = STRONGER.get(base, base) if strong else base
                labels = (str(level), mood["emotion"])
                if language == Language.HINGLISH:
                    text = free_spelling(text, rng)
                rows.setdefault(text, LabelledText(text, str(language), *labels))
                if language == Language.HINDI:
                    latin = free_spelling(romanise(text), rng)
                    rows.setdefault(latin, LabelledText(latin, str(Language.HINGLISH), *labels))
    return tuple(rows.values())
