import pytest

from champions.triage.datasets import department_names
from champions.triage.errors import TextTooLong, TriageModelsMissing
from champions.triage.services import thread_aggregate, triage_model_versions, triage_text


@pytest.mark.parametrize(
    ("_case", "text", "category", "language"),
    [
        (
            "english",
            "The PSU has not paid our invoices for eight months despite the MSEFC notice.",
            "delayed_payment",
            "en",
        ),
        (
            "hindi",
            "जीएसटी रिफंड छह महीने से लंबित है और अधिकारी जवाब नहीं दे रहे।",
            "taxation",
            "hi",
        ),
        (
            "hinglish",
            "Udyam certificate mein NIC code galat aa gaya hai, portal pe change nahi hota.",
            "udyam",
            "hinglish",
        ),
        (
            "english labour",
            "EPFO has not transferred the PF of our workers from the old employer.",
            "labour",
            "en",
        ),
    ],
)
def test_triage_text_on_clear_examples(triage_models, _case, text, category, language):
    result = triage_text(text=text)

    assert result.category.label == category
    assert result.language.label == language
    assert 0 < result.category.confidence <= 1


def test_department_is_always_an_organisation_or_the_state(triage_models):
    names = set(department_names())
    texts = [
        "Power cuts every day in the industrial estate",
        "Bank rejected my Mudra loan",
        "railway station platform is dirty",
        "पेंशन नहीं मिली",
        "mera passport abhi tak nahi aaya",
    ]

    departments = {triage_text(text=text).department.label for text in texts}

    assert departments <= names
    assert "State Government" in names


def test_urgency_signals_raise_the_level(triage_models):
    result = triage_text(
        text="Our unit will shut down; we cannot pay wages to 40 workers and Rs 50 lakh is stuck."
    )

    assert result.urgency.label == "critical"
    assert result.urgency_signals == ["unit_closure", "unpaid_wages", "large_amount"]


def test_explanation_names_words_and_past_examples(triage_models):
    result = triage_text(text="GST refund for exports pending for nine months")

    assert "gst" in result.explanation.category_terms
    assert len(result.explanation.nearest_examples) == 3
    assert result.explanation.summary.startswith("Taxation")


def test_model_versions_name_every_task(triage_models, triage_manifest):
    manifest = triage_manifest

    versions = triage_model_versions()

    assert versions["category"] == f"category-{manifest['version']}"
    assert set(versions) == {
        "category",
        "department",
        "urgency",
        "language",
        "sentiment",
        "emotion",
        "embeddings",
    }


def test_thread_aggregate_weighs_later_messages_more(triage_models):
    messages = [
        triage_text(text="Payment pending for six months, this is harassment."),
        triage_text(text="Still no reply after my third reminder."),
        triage_text(text="Thank you so much, the full payment was received today!"),
    ]

    summary = thread_aggregate(messages)

    assert summary.messages == 3
    assert summary.sentiment_trend == "improving"
    assert summary.urgency.label in {"high", "critical"}


def test_oversized_text_is_refused(triage_models):
    with pytest.raises(TextTooLong):
        triage_text(text="a" * 10_001)


def test_missing_models_raise_a_clear_error(tmp_path):
    with pytest.raises(TriageModelsMissing, match="champions triage train"):
        triage_text(text="hello", models_directory=tmp_path)


def test_the_serving_cache_gives_the_same_rows_and_is_not_saved(triage_models):
    from champions.triage.store import models_load

    model = models_load().models["category"]
    first, second = "Bijli ka bill galat aaya hai", "GST refund pending for 8 months"

    # when: the same text twice, another text, then both together (no cache for batches)
    cached = model.features([first])
    again = model.features([first])
    other = model.features([second])
    batch = model.features([first, second])

    # then: every head shares the one featuriser and its cache
    assert {id(m.featuriser) for m in models_load().models.values()} == {id(model.featuriser)}
    assert again is cached
    assert (batch[0] != cached).nnz == 0
    assert (batch[1] != other).nnz == 0
    assert model.featuriser.__getstate__()["_last"] is None
    assert model.featuriser._last[0] == second


def test_a_polite_officer_reply_is_not_negative(triage_models):
    result = triage_text(text="Thank you for your patience, we are looking into it.")

    assert result.sentiment.label in {"neutral", "positive", "very_positive"}


def test_the_cpgrams_category_lies_under_the_predicted_department(triage_models):
    result = triage_text(text="GST refund pending for 8 months, not credited to our bank account")

    found = result.explanation.cpgrams_category
    assert found["path"].split(" > ")[0] == result.department.label
    assert found["path_hindi"]
    assert 0 < found["similarity"] <= 1


def test_a_worried_hinglish_owner_is_not_neutral(triage_models):
    result = triage_text(text="bahut pareshan hain, factory band hone wali hai")

    assert result.emotion.label in {"fear", "sadness"}
    assert result.sentiment.label in {"negative", "very_negative"}


def test_the_fast_path_agrees_with_the_plain_computation_on_the_examples(triage_models):
    """The one-text path (character grams looked up once per word, every head in one gather)
    gives the features and labels of the plain computation: grams of the whole text, one
    sparse product per model."""
    import numpy as np

    from champions.triage.datasets import TASKS, examples
    from champions.triage.features import _block, char_terms, normalise
    from champions.triage.store import models_load

    models = models_load()
    featuriser = models.stack.featuriser
    texts = [*[row["text"] for row in examples()][:150], "", "  ", "ok ok ok ok"]
    words = len(featuriser.word_vocabulary)
    for text in texts:
        columns, values = featuriser._row(text)
        expected_columns, expected_values = _block(
            char_terms(normalise(text)), featuriser.char_vocabulary, featuriser.char_idf
        )
        assert np.array_equal(columns[columns >= words] - words, expected_columns)
        assert np.allclose(values[columns >= words], expected_values)
    for task in TASKS:
        model = models.models[task]
        expected = model.predict(texts)
        fast = [models.stack.distributions(text)[task] for text in texts]
        assert [max(d, key=d.__getitem__) for d in fast] == expected, task
