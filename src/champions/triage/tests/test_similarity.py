"""The labelled grievance groups and the threshold measurements on them."""

import csv
import json
from collections import Counter

import numpy as np
import pytest
from django.core.management import call_command

from champions.triage.similarity import (
    DUPLICATE,
    GROUPS_FILE,
    RELATED,
    UNRELATED,
    GroupText,
    _counts,
    groups_read,
    pair_label,
    pairs_build,
    tune_topics,
)


def test_the_groups_file_tells_each_case_four_times_in_three_languages():
    rows = groups_read()

    groups = Counter(row.group for row in rows)
    assert len(rows) == 144
    assert set(groups.values()) == {4}
    assert Counter(row.language for row in rows) == {"en": 72, "hi": 36, "hinglish": 36}
    for group in groups:
        assert len({row.topic for row in rows if row.group == group}) == 1


@pytest.mark.parametrize(
    ("_case", "other", "label"),
    [
        ("same case", GroupText("pay-1", "delayed_payment", "hi", "b"), DUPLICATE),
        ("same topic", GroupText("pay-2", "delayed_payment", "en", "c"), RELATED),
        ("other topic", GroupText("gst-1", "taxation", "en", "d"), UNRELATED),
    ],
)
def test_pairs_are_labelled_by_group_and_topic(_case, other, label):
    assert pair_label(GroupText("pay-1", "delayed_payment", "en", "a"), other) == label


def test_the_halves_split_the_topics():
    rows = groups_read()

    tune = tune_topics(rows)

    assert len(tune) == 6
    assert len({row.topic for row in rows} - tune) == 6


def test_pairs_carry_their_cosine_and_half():
    rows = [
        GroupText("a-1", "a", "en", "x"),
        GroupText("a-1", "a", "hi", "y"),
        GroupText("b-1", "b", "en", "z"),
    ]
    vectors = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]], dtype=np.float32)

    pairs = pairs_build(rows, vectors)

    assert pairs.labels.tolist() == [DUPLICATE, UNRELATED, UNRELATED]
    assert pairs.scores.tolist() == pytest.approx([0.6, 0.0, 0.8])
    assert pairs.same_language.tolist() == [False, True, False]
    assert pairs.in_tune.tolist() == [True, False, False]  # topic "a" is tuned on
    assert pairs.in_heldout.tolist() == [False, False, False]


def test_precision_and_recall_at_a_threshold():
    scores = np.array([0.95, 0.92, 0.91, 0.85])
    positive = np.array([True, False, True, True])

    counts = _counts(scores, positive, 0.9)

    assert (counts["precision"], counts["recall"]) == (0.6667, 0.6667)
    assert counts["positives"] == 3


def test_the_command_measures_both_thresholds_on_a_small_file(tmp_path, capsys):
    rows = [row for row in groups_read() if row.group in {"pay-1", "gst-1", "pay-2", "gst-2"}]
    path = tmp_path / "groups.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["group", "topic", "language", "text"])
        writer.writerows([r.group, r.topic, r.language, r.text] for r in rows)

    call_command("triage", "evaluate", "--task", "duplicates", "--data", str(path))

    result = json.loads(capsys.readouterr().out)
    assert result["texts"] == 16
    assert result["scores"][DUPLICATE]["pairs"] == 24
    assert result["scores"][RELATED]["pairs"] == 32
    assert result["duplicate"]["current"] == 0.905
    assert result["cluster"]["current"] == 0.90
    assert set(result["duplicate"]["at_tuned"]) == {"tune", "heldout", "all"}
    assert GROUPS_FILE.name == "similarity_groups.csv"
