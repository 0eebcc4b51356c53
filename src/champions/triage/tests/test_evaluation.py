import csv
import json

from django.core.management import call_command


def _write(path, rows, columns):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def _evaluate(capsys, *args):
    call_command("triage", "evaluate", *args)
    return json.loads(capsys.readouterr().out)


def test_evaluate_prints_the_figures_as_json(triage_models, triage_version, tmp_path, capsys):
    path = tmp_path / "category.csv"
    _write(
        path,
        [
            {"text": "GST refund pending for months", "category": "taxation"},
            {
                "text": "The buyer has not paid our invoices for 200 days",
                "category": "delayed_payment",
            },
            {"text": "EPF transfer of my workers not done", "category": "labour"},
        ],
        ["text", "category"],
    )

    result = _evaluate(capsys, "--task", "category", "--data", str(path))

    assert result["task"] == "category"
    assert result["n"] == 3
    assert result["macro_f1"] == 1.0
    assert result["per_class"]["taxation"] == {"precision": 1.0, "recall": 1.0, "support": 1}
    assert result["confusion"] == {
        "labels": ["delayed_payment", "labour", "taxation"],
        "matrix": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    }
    assert result["model_version"] == triage_version


def test_evaluate_maps_cpgrams_ministries_and_skips_unknown_ones(triage_models, tmp_path, capsys):
    path = tmp_path / "cpgrams.csv"
    _write(
        path,
        [
            {
                "text": "GST refund not received",
                "org_code": "CBOEC",
                "ministry": "Central Board of Indirect Taxes and Customs",
            },
            {"text": "road in my village is broken", "org_code": "GOVUP", "ministry": "Other"},
            {"text": "something", "org_code": "PMOPG", "ministry": "Other"},
        ],
        ["text", "org_code", "ministry"],
    )

    result = _evaluate(capsys, "--task", "department", "--data", str(path))

    assert (result["n"], result["skipped"]) == (2, 1)
    assert result["per_class"]["State Government"]["support"] == 1


def test_evaluate_sentiment_on_three_levels_and_the_baseline(triage_models, tmp_path, capsys):
    path = tmp_path / "sentimix.csv"
    _write(
        path,
        [
            {
                "text": "bahut accha match tha yaar, maza aa gaya",
                "label": "positive",
                "hin_token_share": "0.6",
            },
            {
                "text": "ye sarkar bekaar hai, kuch kaam nahi karti",
                "label": "negative",
                "hin_token_share": "0.8",
            },
        ],
        ["text", "label", "hin_token_share"],
    )

    ours = _evaluate(capsys, "--task", "sentiment", "--data", str(path))
    baseline = _evaluate(capsys, "--task", "sentiment", "--data", str(path), "--baseline")
    language = _evaluate(capsys, "--task", "language", "--data", str(path))

    assert set(ours["confusion"]["labels"]) <= {"negative", "neutral", "positive"}
    assert "five sentiment levels mapped down to three" in ours["notes"]
    assert baseline["model_version"].startswith("baseline")
    assert language["per_class"]["hinglish"]["support"] == 2
