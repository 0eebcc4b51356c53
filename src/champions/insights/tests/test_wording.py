"""The headline terms (lodged, open, resolved, overdue, escalated, appealed) read the same in
Hindi on the dashboard, in its tables and in its exports; and the insights catalogue holds no
Hindi that never shows (the project catalogue wins for a msgid both hold: Django reads
LOCALE_PATHS first)."""

import csv
import io
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from champions.insights.dashboard import HEADLINE_LABELS, OPEN, OVERDUE

INSIGHTS = Path(__file__).resolve().parents[1] / "locale" / "hi" / "LC_MESSAGES" / "django.po"
PROJECT = Path(settings.LOCALE_PATHS[0]) / "hi" / "LC_MESSAGES" / "django.po"


def _entries(path: Path) -> dict[tuple, str]:
    return {
        (e.msgctxt, e.msgid): e.msgstr or str(e.msgstr_plural)
        for e in polib.pofile(str(path))
        if not e.obsolete
    }


def test_no_insights_translation_is_hidden_by_a_different_project_one():
    project = _entries(PROJECT)

    hidden = {
        key: (hindi, project[key])
        for key, hindi in _entries(INSIGHTS).items()
        if key in project and project[key] != hindi
    }

    assert hidden == {}


def test_each_headline_term_has_one_hindi_wording():
    with translation.override("hi"):
        terms = [str(label) for label in (*HEADLINE_LABELS.values(), OPEN, OVERDUE)]

    assert terms == ["दर्ज हुईं", "निपटाई गईं", "आगे बढ़ाई गईं", "अपील की गईं", "खुली", "समय-सीमा पार"]


@pytest.mark.django_db
def test_the_hindi_page_and_its_exports_use_the_same_terms(client, hub_officer):
    client.force_login(hub_officer)
    client.cookies["django_language"] = "hi"

    page = client.get(reverse("web:insights:dashboard")).content.decode()
    exported = [
        cell
        for table in ("headline", "rooms", "states")
        for row in csv.reader(
            io.StringIO(
                client.get(reverse("web:insights:export", args=[table, "csv"])).content.decode()
            )
        )
        for cell in row
    ]

    for term in ("दर्ज हुईं", "निपटाई गईं", "आगे बढ़ाई गईं", "अपील की गईं", "खुली", "समय-सीमा पार"):
        assert f">{term}<" in page, term
        assert term in exported, term
