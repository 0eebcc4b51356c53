"""Department routing: retrieval over the CPGRAMS category paths, combined with the
classifier, and the category path a referral should be filed under."""

import numpy as np
import pytest

from champions.triage.datasets import category_paths
from champions.triage.features import Featuriser
from champions.triage.routing import (
    PathIndex,
    department_combine,
    department_scores,
    retrieval_distribution,
)


@pytest.fixture(scope="module")
def index():
    texts = [f"{c.path} | {c.path_hindi}" for c in category_paths()]
    featuriser = Featuriser.fit(texts)
    return featuriser, PathIndex.build(featuriser)


def test_every_shipped_path_is_indexed_once_grouped_by_organisation(index):
    _, paths = index

    assert len(paths.paths) == len(category_paths())
    start, end = paths.span["Posts"]
    assert {c.department for c in paths.paths[start:end]} == {"Posts"}
    assert sum(end - start for start, end in paths.span.values()) == len(paths.paths)


@pytest.mark.parametrize(
    ("_case", "text", "organisation", "in_path"),
    [
        (
            "english",
            "Call drop every few minutes on my mobile phone",
            "Telecommunications",
            "Call Drop",
        ),
        ("hindi", "मोबाइल में कॉल ड्रॉप की समस्या है", "Telecommunications", "Call Drop"),
        ("post", "Speed post letters not delivered for a month", "Posts", "Speed post"),
    ],
)
def test_retrieval_finds_the_organisation_and_its_nearest_path(
    index, _case, text, organisation, in_path
):
    featuriser, paths = index
    scores = paths.path_scores(featuriser.transform([text]))

    by_organisation = dict(
        zip(paths.organisations, paths.organisation_scores(scores)[:-1], strict=True)
    )
    found, similarity = paths.nearest(scores, organisation)

    assert max(by_organisation, key=by_organisation.__getitem__) == organisation
    assert in_path in found.path
    assert found.department == organisation
    assert 0 < similarity <= 1


def test_an_organisation_scores_the_mean_of_its_best_three_paths(index):
    _, paths = index
    scores = np.zeros(len(paths.paths))
    start, _end = paths.span["Posts"]
    scores[start : start + 4] = [0.9, 0.6, 0.3, 0.8]

    by_organisation = dict(
        zip(paths.organisations, paths.organisation_scores(scores)[:-1], strict=True)
    )

    assert by_organisation["Posts"] == pytest.approx((0.9 + 0.8 + 0.6) / 3)
    assert sum(by_organisation.values()) == pytest.approx(by_organisation["Posts"])


def test_no_known_word_leaves_the_classifier_alone(index):
    featuriser, paths = index
    classes = ["Posts", "Telecommunications", "State Government"]
    scores = {"Posts": 0.2, "Telecommunications": 0.7, "State Government": 0.1}

    routed, path_scores = department_scores(paths, featuriser.transform(["zzqx"]), scores)

    # no word matches: retrieval is uniform, so the order of the classifier stands
    assert max(routed, key=routed.__getitem__) == "Telecommunications"
    assert sum(routed.values()) == pytest.approx(1.0)
    assert not path_scores.any()
    assert retrieval_distribution(paths, path_scores, classes) == pytest.approx([1 / 3] * 3)


def test_retrieval_can_overturn_a_weak_classifier(index):
    featuriser, paths = index
    row = featuriser.transform(["Speed post parcel not delivered, registered letter lost"])
    scores = {"Posts": 0.3, "Telecommunications": 0.4, "State Government": 0.3}

    routed, _ = department_scores(paths, row, scores)

    assert max(routed, key=routed.__getitem__) == "Posts"


def test_combine_is_the_weighted_mean():
    combined = department_combine(np.array([1.0, 0.0]), np.array([0.0, 1.0]), share=0.25)

    assert combined.tolist() == [0.25, 0.75]
