"""Names of things in the reader's language, through one helper.

On a Hindi page a name is shown in Hindi when the reference data gives one: states (Local
Government Directory, `core/data/states.csv`, Government Open Data Licence) and schemes (the
catalogue's `name_hi`). Otherwise the English name is shown as written and marked as English and
as a name (`lang="en" translate="no"`, WCAG 3.1.2), so that screen readers read it right and
translation tools leave it alone.

Names kept as plain text elsewhere (a grievance's department, a room named in a timeline entry)
find their Hindi through lookups the apps that own them register from `ready()`
(`hindi_names_register`): grievances for the CPGRAMS departments and ministries
(`grievances/data/organisation_names_hi.csv`), controlrooms for the rooms' `name_hi`.
"""

from collections.abc import Callable

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


def is_hindi() -> bool:
    return (get_language() or "").startswith("hi")


_HINDI_LOOKUPS: list[Callable[[str], str]] = []
_QUERYING_LOOKUPS: list[Callable[[str], str]] = []


def hindi_names_register(lookup: Callable[[str], str], *, queries: bool = False) -> None:
    """Add a lookup from an English name to its Hindi name ("" when it does not know it).
    One that queries the database (`queries=True`) is asked after those that do not."""
    chosen = _QUERYING_LOOKUPS if queries else _HINDI_LOOKUPS
    if lookup not in chosen:
        chosen.append(lookup)


def hindi_name_of(english: str) -> str:
    """The Hindi name of a name kept as English text, from the registered lookups; else ""."""
    for lookup in (*_HINDI_LOOKUPS, *_QUERYING_LOOKUPS):
        if found := lookup(english):
            return found
    return ""


def names_of(thing) -> tuple[str, str]:
    """(English, Hindi) names of a model row (`name_en`/`name` and `name_hi`) or a plain text."""
    if isinstance(thing, str):
        return thing, hindi_name_of(thing) if thing and is_hindi() else ""
    english = getattr(thing, "name_en", None) or getattr(thing, "name", None) or str(thing)
    return str(english), getattr(thing, "name_hi", "") or ""


def local_name(english: str, hindi: str = "") -> str:
    """The Hindi name on Hindi pages when there is one, else the English name."""
    return hindi if hindi and is_hindi() else english


def name_text(english: str) -> str:
    """A name kept as text, as plain text: its Hindi on Hindi pages when a lookup knows it."""
    if english and is_hindi():
        return hindi_name_of(english) or english
    return english


def name_html(thing) -> SafeString:
    """A name for a page: Hindi when known on a Hindi page, else English marked as a name."""
    if thing is None or thing == "":
        return mark_safe("")
    english, hindi = names_of(thing)
    if hindi and is_hindi():
        return format_html("{}", hindi)
    if is_hindi():
        return format_html('<span lang="en" translate="no">{}</span>', english)
    return format_html("{}", english)


def proper_name_html(text: str) -> SafeString:
    """A proper name written by people (an enterprise's, a buyer's), marked as a name so that
    translation tools leave it alone; WCAG 3.1.2 leaves names out of "language of parts"."""
    if not text:
        return mark_safe("")
    return format_html('<span translate="no">{}</span>', text)


# Our language labels as BCP 47 tags for `lang` (WCAG 3.1.2): Hinglish is Hindi in Latin script.
LANG_TAGS = {"en": "en", "hi": "hi", "hinglish": "hi-Latn"}


def html_lang(label: str) -> str:
    """The `lang` value of a text in a language we labelled; "" when unknown."""
    return LANG_TAGS.get(label or "", "")
