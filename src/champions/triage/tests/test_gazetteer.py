"""The gazetteer: names of bodies that belong to one organisation, and their vote in routing."""

import numpy as np
import pytest

from champions.triage.datasets import organisations
from champions.triage.features import Featuriser
from champions.triage.gazetteer import gazetteer, gazetteer_distribution, gazetteer_hits
from champions.triage.routing import GAZETTEER_SHARE, PathIndex, department_scores


def test_every_gazetteer_organisation_exists():
    assert set(gazetteer().values()) <= set(organisations())


@pytest.mark.parametrize(
    ("_case", "text", "organisation"),
    [
        ("acronym", "IRCTC has not refunded my cancelled ticket", "Railway"),
        ("lower case", "my epfo claim is stuck", "Labour and Employment"),
        ("hindi", "मेरा पासपोर्ट अभी तक नहीं आया", "External Affairs"),
        ("hinglish", "Speed post ka parcel nahi mila", "Posts"),
    ],
)
def test_a_named_body_routes_to_its_organisation(_case, text, organisation):
    assert gazetteer_hits(text) == {organisation: 1}


@pytest.mark.parametrize(
    "text",
    [
        "the training programme was cancelled",  # "train" inside a word
        "पासपोर्टों की संख्या",  # a longer Devanagari word
        "nothing named here",
    ],
)
def test_a_name_inside_a_longer_word_is_not_a_hit(text):
    assert gazetteer_hits(text) == {}


def test_hits_of_two_organisations_share_the_vote():
    classes = ["Railway", "Posts", "Banking"]

    shares = gazetteer_distribution("IRCTC refund by speed post", classes)

    assert shares.tolist() == [0.5, 0.5, 0.0]
    assert gazetteer_distribution("no names", classes) is None


def test_routing_gives_the_named_organisation_the_gazetteer_share():
    featuriser = Featuriser.fit(["train ticket refund", "speed post parcel"])
    index = PathIndex.build(featuriser)
    text = "IRCTC has not refunded my ticket"
    scores = {"Railway": 0.1, "Posts": 0.9}
    row = featuriser.transform([text])

    without, _ = department_scores(index, row, scores)
    named, _ = department_scores(index, row, scores, text=text)

    expected = GAZETTEER_SHARE + (1 - GAZETTEER_SHARE) * without["Railway"]
    assert np.isclose(named["Railway"], expected)
    assert np.isclose(sum(named.values()), 1)
