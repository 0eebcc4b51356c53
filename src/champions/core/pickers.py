"""The choices of a searchable picker (a department, a control room): found by words of the
English or the Hindi name, labelled in the reader's language. Pure: no database.

A picker is a plain `<select>` with a search box beside it (`web/partials/_picker.html`). The
search box belongs to a GET form of its own: without JavaScript, "Find" reloads the page with
the query and the select offers only the matches; with htmx the same request runs as one types
and only the select is swapped. Either way the select stays a native control, so keyboards and
screen readers use it as any other.
"""

from dataclasses import dataclass

from .names import local_name

MAX_QUERY = 60


@dataclass(frozen=True)
class Pick:
    value: str
    english: str
    hindi: str = ""

    @property
    def label(self) -> str:
        return local_name(self.english, self.hindi)


def picks_matching(picks: list[Pick], query: str) -> list[Pick]:
    """The picks whose English or Hindi name holds every word of `query` (any case)."""
    words = query.strip()[:MAX_QUERY].casefold().split()
    if not words:
        return list(picks)
    return [
        pick
        for pick in picks
        if all(word in f"{pick.english} {pick.hindi}".casefold() for word in words)
    ]


def pick_choices(picks: list[Pick], *, blank: str = "---------") -> list[tuple[str, str]]:
    return [("", blank), *((pick.value, pick.label) for pick in picks)]
