"""The matcher's candidate reads: the newest profiles per tag (bounded), countries as a hard
filter, only reviewed profiles, and what the registry size does not change."""

import numpy as np
import pytest

from champions.network import candidates
from champions.network.choices import ReviewStatus
from champions.network.matching import MatchQuery, profiles_match
from champions.network.models import ProfileVector
from champions.network.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def _yarn(n: int, **overrides):
    return [ProfileFactory(hs_codes=["520524"], **overrides) for _ in range(n)]


def test_newest_profiles_per_tag_and_country_filter():
    german = _yarn(3)
    indian = _yarn(2, country="IN", kind="indian")
    hits = candidates.tag_hits(["o6:520524", "o4:5205"], countries=(), per_tag=2)
    assert hits == [
        (indian[1].pk, "o6:520524"),
        (indian[0].pk, "o6:520524"),
        (indian[1].pk, "o4:5205"),
        (indian[0].pk, "o4:5205"),
    ]
    only_de = candidates.tag_hits(["o6:520524"], countries=("DE",), per_tag=5)
    assert only_de == [(p.pk, "o6:520524") for p in reversed(german)]
    assert candidates.tag_hits([], countries=(), per_tag=5) == []


def test_vectors_of_reviewed_profiles_only_zeros_until_computed():
    done, waiting, pending = _yarn(2) + _yarn(1, review_status=ReviewStatus.PENDING)
    vector = np.full(candidates.VECTOR_SIZE, 0.5, dtype=np.float16)
    ProfileVector.objects.create(profile=done, vector=vector.tobytes(), model="t", text_hash="x")
    ids, matrix = candidates.approved_vectors([pending.pk, waiting.pk, done.pk])
    assert ids == [waiting.pk, done.pk]
    assert matrix.shape == (2, candidates.VECTOR_SIZE)
    assert matrix[0].sum() == 0.0
    assert matrix[1][0] == pytest.approx(0.5)


def test_state_bonus_is_applied_beyond_the_first_limit():
    """Only the best few are read and explained; a preferred state may still lift one that
    was just below them."""
    from champions.core.models import State

    state = State.objects.order_by("lgd_code").first()
    first, _second, third = _yarn(3, country="IN", kind="indian")
    third.state = state
    third.save(update_fields=["state"])
    query = MatchQuery(hs_codes=("520524",), limit=1, states=(str(state.lgd_code),))
    [best] = profiles_match(query)
    assert best.profile_id == third.pk
    assert best.reasons[-1] == "is in a state you prefer"
    [plain] = profiles_match(MatchQuery(hs_codes=("520524",), limit=1))
    assert plain.profile_id == first.pk  # equal scores: the lower id first


def test_equal_candidates_beyond_the_scored_limit_keep_the_newest(monkeypatch):
    from champions.network import matching

    monkeypatch.setattr(matching, "SCORED_LIMIT", 2)
    _first, second, third = _yarn(3)
    found = profiles_match(MatchQuery(hs_codes=("520524",)))
    assert [r.profile_id for r in found] == [second.pk, third.pk]
