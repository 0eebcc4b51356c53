"""The pickers' search: words of the English or the Hindi name, any case; labels in the reader's
language."""

import pytest
from django.utils import translation

from champions.core.pickers import Pick, pick_choices, picks_matching

PICKS = [
    Pick("1", "Ministry of Textiles", "वस्त्र मंत्रालय"),
    Pick("2", "Department of Commerce", "वाणिज्य विभाग"),
    Pick("3", "Champions Control Room, Kanpur", "चैंपियंस नियंत्रण कक्ष, कानपुर"),
    Pick("4", "NITI Aayog"),
]


@pytest.mark.parametrize(
    ("_case", "query", "values"),
    [
        ("nothing typed: all", "  ", ["1", "2", "3", "4"]),
        ("an English word, any case", "TEXTILES", ["1"]),
        ("part of a word", "comm", ["2"]),
        ("every word must match", "ministry commerce", []),
        ("two words in any order", "kanpur champions", ["3"]),
        ("a Hindi word", "विभाग", ["2"]),
        ("a Hindi city", "कानपुर", ["3"]),
        ("no Hindi name: English only", "aayog", ["4"]),
        ("nothing matches", "railways", []),
    ],
)
def test_picks_match_every_word_of_the_english_or_hindi_name(_case, query, values):
    assert [pick.value for pick in picks_matching(PICKS, query)] == values


def test_the_choices_are_labelled_in_the_readers_language_after_a_blank():
    with translation.override("hi"):
        assert pick_choices(PICKS[:1] + PICKS[3:]) == [
            ("", "---------"),
            ("1", "वस्त्र मंत्रालय"),
            ("4", "NITI Aayog"),
        ]
    with translation.override("en"):
        assert pick_choices(PICKS[:1]) == [("", "---------"), ("1", "Ministry of Textiles")]
