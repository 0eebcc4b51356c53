"""Names in the reader's language through one helper: Hindi when the reference data has it,
else the English name marked as English and as a name on Hindi pages."""

import pytest
from django.template import Context, Template
from django.utils import translation

from champions.core.models import State
from champions.core.names import local_name, name_html

pytestmark = pytest.mark.django_db


def render(thing, language: str) -> str:
    with translation.override(language):
        return Template("{% load names %}{{ thing|local_name }}").render(Context({"thing": thing}))


def test_a_state_is_named_in_hindi_on_hindi_pages_from_the_lgd_names():
    state = State.objects.get(udyam_code="MH")
    assert render(state, "hi") == "महाराष्ट्र"
    assert render(state, "en") == "Maharashtra"


def test_a_room_is_named_in_hindi_on_hindi_pages_from_its_name_hi(hub_room):
    assert render(hub_room, "hi") == "चैंपियंस हब नियंत्रण कक्ष, नई दिल्ली"
    assert render(hub_room, "en") == "Champions Hub Control Room, New Delhi"


def test_a_room_without_a_hindi_name_is_marked_english_and_a_name_on_hindi_pages(hub_room):
    hub_room.name_hi = ""
    assert render(hub_room, "hi") == f'<span lang="en" translate="no">{hub_room.name}</span>'
    assert render(hub_room, "en") == hub_room.name


@pytest.mark.parametrize(
    ("_case", "text", "hindi"),
    [
        ("a department (grievances' list)", "Ministry of Textiles", "वस्त्र मंत्रालय"),
        ("from the CPGRAMS tree", "Civil Aviation", "नागरिक विमानन"),
        ("the state government", "State Government", "राज्य सरकार"),
        ("a room named in text", "Champions Control Room, Mumbai", "चैंपियंस नियंत्रण कक्ष, मुंबई"),
    ],
)
def test_a_name_kept_as_text_is_found_in_hindi_through_the_registered_lookups(_case, text, hindi):
    assert render(text, "hi") == hindi
    assert render(text, "en") == text


def test_a_department_text_is_escaped_and_marked():
    with translation.override("hi"):
        assert name_html("Ministry of Railways & <b>") == (
            '<span lang="en" translate="no">Ministry of Railways &amp; &lt;b&gt;</span>'
        )
        assert name_html(None) == ""


def test_a_pair_of_names_gives_hindi_only_on_hindi_pages_and_when_known():
    with translation.override("hi"):
        assert local_name("PM Vishwakarma", "पीएम विश्वकर्मा") == "पीएम विश्वकर्मा"
        assert local_name("Hub", "") == "Hub"
    with translation.override("en"):
        assert local_name("PM Vishwakarma", "पीएम विश्वकर्मा") == "PM Vishwakarma"


def test_language_labels_become_valid_lang_tags():
    template = Template("{% load names %}{{ label|lang_tag }}")
    tags = [template.render(Context({"label": x})) for x in ("hinglish", "hi", "en", "", None)]
    assert tags == ["hi-Latn", "hi", "en", "", ""]


def test_a_name_people_wrote_is_marked_as_a_name_and_escaped():
    template = Template("{% load names %}{{ name|proper_name }}")
    names = [template.render(Context({"name": x})) for x in ("Surya & Sons <b>", "", None)]
    assert names == ['<span translate="no">Surya &amp; Sons &lt;b&gt;</span>', "", ""]
