from collections import Counter

from champions.triage.phrasebook import free_spelling, generated_texts
from champions.triage.roman import romanise


def test_generated_texts_cover_three_languages_every_level_and_emotion():
    rows = generated_texts()

    languages = Counter(row.language for row in rows)
    assert len(rows) == len({row.text for row in rows}) > 4000
    assert set(languages) == {"en", "hi", "hinglish"}
    assert {row.sentiment for row in rows} == {
        "very_negative",
        "negative",
        "neutral",
        "positive",
        "very_positive",
    }
    assert {row.emotion for row in rows} == {
        "anger",
        "disgust",
        "fear",
        "joy",
        "sadness",
        "surprise",
        "neutral",
    }


def test_every_hindi_text_is_also_written_in_latin_letters():
    rows = generated_texts()
    hinglish = {row.text.lower() for row in rows if row.language == "hinglish"}

    hindi = [row for row in rows if row.language == "hi"]

    assert hindi
    assert sum(romanise(row.text).lower() in hinglish for row in hindi) > 0


def test_free_spelling_only_respells_known_words():
    import random

    text = free_spelling("Payment nahi aaya, bahut der ho gayi", random.Random(1))

    words = text.split()
    assert words[0] == "Payment"
    assert words[1] in {"nahi", "nhi", "nahin", "nai"}
    assert words[3] in {"bahut", "bohot", "bahot", "bht", "boht"}
