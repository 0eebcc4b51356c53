import pytest

from champions.triage.language import language_identify, lexicon_shares, script_shares


@pytest.mark.parametrize(
    ("_case", "text", "expected"),
    [
        ("hindi", "हमारा भुगतान आठ महीने से अटका हुआ है", "hi"),
        ("hindi with English words", "जीएसटी refund अभी तक नहीं मिला है भाई", "hi"),
        ("hinglish", "Sir payment abhi tak nahi aaya, 4 mahine ho gaye", "hinglish"),
        ("hinglish short", "bijli ka bill galat aaya hai", "hinglish"),
        ("english", "The buyer has not paid our invoices for six months.", "en"),
        ("tamil", "எங்கள் கட்டணம் இன்னும் வரவில்லை", "other"),
        ("no letters", "12345 !!!", "other"),
    ],
)
def test_language_identify_on_the_lexicon_alone(_case, text, expected):
    assert language_identify(text).label == expected


def test_script_shares_counts_letters_only():
    assert script_shares("abc दस 123") == (2 / 5, 3 / 5, 0.0)


def test_lexicon_shares():
    hindi, english, words = lexicon_shares("payment nahi aaya hai the")
    assert (hindi, english, words) == (3 / 5, 1 / 5, 5)


def test_classifier_probability_settles_unclear_latin_text():
    text = "GST refund pending since March"
    assert language_identify(text, hinglish_probability=0.05).label == "en"
    assert language_identify("refund pending kab milega", hinglish_probability=0.9).label == (
        "hinglish"
    )
