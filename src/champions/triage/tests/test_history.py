"""A ministry's history: imported as training examples with a row-level report, learnt by the
next training, and measurable with a temporary model that is thrown away."""

import csv

import pytest
from django.core.management import CommandError, call_command

from champions.triage.datasets import dataset_build
from champions.triage.evaluation import evaluate_with_history
from champions.triage.models import HistoryExample

COLUMNS = ["text", "department", "category"]
GOOD = [
    {
        "text": "Gas cylinder refill not delivered for a month",
        "department": "Petroleum and Natural Gas",
        "category": "LPG > Delivery",
    },
    {"text": "Train ticket refund not received", "department": "RAILWAY", "category": ""},
    {
        "text": "Road in our industrial area is broken",
        "department": "state government",
        "category": "",
    },
]


def _write(path, rows, columns=COLUMNS):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.django_db
def test_import_stores_good_rows_and_reports_bad_ones_by_line(tmp_path, capsys):
    path = _write(
        tmp_path / "history.csv",
        [
            *GOOD,
            {"text": "", "department": "Railway", "category": ""},
            {"text": "Pension not paid", "department": "Ministry of Magic", "category": ""},
            {"text": "Pension not paid", "department": "", "category": ""},
        ],
    )

    call_command("triage", "import-history", str(path))

    captured = capsys.readouterr()
    assert "3 imported, 0 already stored, 3 rejected" in captured.out
    assert "line 5: text is empty" in captured.err
    assert "line 6: department 'Ministry of Magic' is not a known organisation" in captured.err
    assert "line 7: department is empty" in captured.err
    assert list(HistoryExample.objects.values_list("department", "category")) == [
        ("Petroleum and Natural Gas", "LPG > Delivery"),
        ("Railway", ""),
        ("State Government", ""),
    ]


@pytest.mark.django_db
def test_importing_twice_stores_nothing_twice(tmp_path, capsys):
    path = _write(tmp_path / "history.csv", GOOD)
    call_command("triage", "import-history", str(path))

    call_command("triage", "import-history", str(path))

    assert "0 imported, 3 already stored, 0 rejected" in capsys.readouterr().out
    assert HistoryExample.objects.count() == 3


@pytest.mark.django_db
def test_a_file_without_the_columns_is_refused_and_nothing_stored(tmp_path):
    path = _write(
        tmp_path / "bad.csv", [{"text": "x", "ministry": "Railway"}], ["text", "ministry"]
    )

    with pytest.raises(CommandError, match="no column department"):
        call_command("triage", "import-history", str(path))

    assert HistoryExample.objects.count() == 0


@pytest.mark.django_db
def test_the_next_training_set_holds_the_history(tmp_path, capsys):
    call_command("triage", "import-history", str(_write(tmp_path / "h.csv", GOOD)))

    data = dataset_build("department", quick=True, sources=True)

    assert data.sources["ministry history"] == 3
    assert data.labels[data.texts.index("Train ticket refund not received")] == "Railway"


def test_evaluate_with_history_cross_validates_and_discards_the_model(tmp_path):
    rows = [
        {"text": f"Train {i} late and ticket refund not received", "department": "Railway"}
        for i in range(6)
    ] + [
        {
            "text": f"LPG cylinder {i} not delivered by the gas agency",
            "department": "Petroleum and Natural Gas",
        }
        for i in range(6)
    ]
    path = _write(tmp_path / "history.csv", rows, ["text", "department"])

    ours = evaluate_with_history(path, path, folds=3, quick=True)
    baseline = evaluate_with_history(path, path, folds=3, baseline=True)

    assert (ours["n"], ours["folds"], ours["history_rows"]) == (12, 3, 12)
    assert ours["macro_f1"] == 1.0
    assert baseline["macro_f1"] == 1.0
    assert baseline["model_version"].startswith("baseline")
    assert not list(tmp_path.glob("*.joblib"))


def test_folds_need_the_same_file_twice(tmp_path):
    one = _write(tmp_path / "a.csv", GOOD)
    two = _write(tmp_path / "b.csv", GOOD)

    with pytest.raises(ValueError, match="same file"):
        evaluate_with_history(one, two, folds=2)


@pytest.mark.django_db(transaction=True)
def test_train_before_migrate_says_to_migrate(tmp_path):
    call_command("migrate", "triage", "zero", verbosity=0)
    try:
        with pytest.raises(CommandError, match="run `champions migrate` first"):
            call_command("triage", "train", "--models", str(tmp_path / "models"))
    finally:
        call_command("migrate", "triage", verbosity=0)
    assert not (tmp_path / "models").exists()
