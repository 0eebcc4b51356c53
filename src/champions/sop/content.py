"""The SOP as data (`data/sop.json`): versioned pages per role in English and Hindi, the
onboarding checklist and the quiz. Pure: no database."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

DATA = Path(__file__).parent / "data" / "sop.json"


@cache
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def pick(texts: dict):
    """The reader's language (Hindi or English) of a {"en": ..., "hi": ...} pair."""
    return texts.get("hi" if (get_language() or "en").startswith("hi") else "en") or texts["en"]


@dataclass(frozen=True)
class PageVersion:
    slug: str
    roles: tuple[str, ...]
    version: int
    effective: str
    change: str
    title: str
    steps: list[str]
    versions: tuple[int, ...]  # every version of the page, newest first


def _version(page: dict, entry: dict) -> PageVersion:
    return PageVersion(
        slug=page["slug"],
        roles=tuple(page["roles"]),
        version=entry["version"],
        effective=entry["effective"],
        change=pick(entry["change"]),
        title=pick(entry["title"]),
        steps=pick(entry["steps"]),
        versions=tuple(v["version"] for v in page["versions"]),
    )


def pages(*, role: str | None = None) -> list[PageVersion]:
    """The current version of each page (for one role, or all)."""
    return [
        _version(page, page["versions"][0])
        for page in _data()["pages"]
        if role is None or role in page["roles"]
    ]


def page(*, slug: str, version: int | None = None) -> PageVersion | None:
    for found in _data()["pages"]:
        if found["slug"] == slug:
            entries = [v for v in found["versions"] if version in (None, v["version"])]
            return _version(found, entries[0]) if entries else None
    return None


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    page: str
    label: str


def checklist() -> list[ChecklistItem]:
    return [ChecklistItem(i["code"], i["page"], pick(i["label"])) for i in _data()["checklist"]]


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    choices: list[str]
    answer: int


def quiz() -> tuple[list[Question], int]:
    data = _data()["quiz"]
    questions = [
        Question(q["code"], pick(q["text"]), [pick(c) for c in q["choices"]], q["answer"])
        for q in data["questions"]
    ]
    return questions, data["pass_mark"]


def source() -> str:
    """Where the SOP comes from, in the reader's language."""
    return pick(_data()["source"])
