"""Our short grievances per organisation (`triage/data/department_examples.csv`): every row
names a known organisation, every organisation has some, and the department model learns
from them."""

from collections import Counter

import pytest

from champions.triage.datasets import (
    DEPARTMENT_EXAMPLES_FILE,
    EXAMPLE_WEIGHT,
    _read_csv,
    dataset_build,
    department_examples,
    organisations,
)
from champions.triage.services import triage_text


def test_every_example_names_a_known_organisation_and_every_organisation_has_some():
    rows = _read_csv(DEPARTMENT_EXAMPLES_FILE)
    per_organisation = Counter(row["department"] for row in rows)

    assert set(per_organisation) == set(organisations())
    assert min(per_organisation.values()) >= 3
    assert {row["language"] for row in rows} == {"en", "hi", "hinglish"}
    assert all(row["text"].strip() for row in rows)


def test_each_hindi_example_is_also_trained_on_romanised():
    rows = _read_csv(DEPARTMENT_EXAMPLES_FILE)
    hindi = sum(row["language"] == "hi" for row in rows)

    assert len(department_examples()) == len(rows) + hindi


def test_the_department_rows_include_the_examples_weighed_as_our_own():
    data = dataset_build("department", quick=True, sources=False)
    ours = [
        (text, label, weight)
        for text, label, weight in zip(data.texts, data.labels, data.weights, strict=True)
        if text in {row["text"] for row in department_examples()}
    ]

    assert data.sources[DEPARTMENT_EXAMPLES_FILE.name] == len(department_examples())
    assert {weight for _, _, weight in ours} == {EXAMPLE_WEIGHT}


@pytest.mark.parametrize(
    ("_case", "text", "organisation"),
    [
        ("railway", "The TTE took extra money from me in the train", "Railway"),
        ("epfo", "EPFO rejected my PF withdrawal claim", "Labour and Employment"),
        ("hinglish ration", "ration dealer gehu nahi de raha", "Food and Public Distribution"),
        ("hindi passport", "मेरा पासपोर्ट अभी तक जारी नहीं हुआ", "External Affairs"),
    ],
)
def test_texts_like_the_examples_route_to_their_organisation(
    triage_models, _case, text, organisation
):
    assert triage_text(text=text).department.label == organisation
