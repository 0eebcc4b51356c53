"""The readable code picker of the profile page: find HS headings/subheadings and NIC-2008
sub-classes by number, by words of their names, or by everyday trade terms in English or
Hindi (the glossary), and name the codes a profile already holds."""

from dataclasses import dataclass

from champions.core.selectors import nic_code_search

from . import codes

HS, NIC = "hs", "nic"


@dataclass(frozen=True)
class CodeChoice:
    code: str
    name: str


def _hs_search(query: str, limit: int) -> list[CodeChoice]:
    names = codes.hs_names()
    if query.isdigit():
        hits = [c for c in names if c.startswith(query) and len(c) in {4, 6}]
    else:
        glossary = [label[3:] for label in codes.glossary_codes(query) if label.startswith("hs:")]
        words = query.lower().split()
        by_words = [
            c
            for c, name in names.items()
            if len(c) in {4, 6} and all(w in name.lower() for w in words)
        ]
        hits = list(dict.fromkeys(glossary + by_words))
    return [CodeChoice(c, codes.short_name(names[c], words=12)) for c in hits[:limit]]


def _nic_search(query: str, limit: int) -> list[CodeChoice]:
    found = [CodeChoice(n.code, n.description) for n in nic_code_search(query=query, limit=limit)]
    if not query.isdigit():
        glossary = [label[4:] for label in codes.glossary_codes(query) if label.startswith("nic:")]
        found = [CodeChoice(c, codes.nic_name(c)) for c in glossary] + found
    return found[:limit]


def code_search(*, query: str, kind: str, limit: int = 15) -> list[CodeChoice]:
    query = query.strip()[:60]
    if len(query) < 2:
        return []
    return _hs_search(query, limit) if kind == HS else _nic_search(query, limit)


def code_labels(values: list[str], *, kind: str) -> list[CodeChoice]:
    """The codes a profile holds, with their names (empty name: unknown code)."""
    if kind == HS:
        return [CodeChoice(c, codes.hs_name(c)) for c in values]
    return [CodeChoice(c, codes.nic_name(c)) for c in values]
