"""The labelled match set: cross-language and supply-chain cases in the top 3, decoys out."""

from champions.network.evaluation import match_evaluate


def test_labelled_match_set(db):
    report = match_evaluate()
    misses = [(o.id, o.top) for o in report.outcomes if not o.top3]
    decoys = [(o.id, o.top) for o in report.outcomes if o.decoy_in_top3]
    top3, n = report.rate("top3")
    assert n >= 60
    assert decoys == []
    assert top3 / n >= 0.9, misses
    for tag in ("cross-language", "supply-chain"):
        hits, total = report.rate("top3", tag=tag)
        assert hits / total >= 0.9, (tag, misses)
    holdout_top3, holdout_n = report.rate("top3", split="holdout")
    assert holdout_top3 / holdout_n >= 0.85, misses
    fresh_top3, fresh_n = report.rate("top3", split="fresh")  # written after tuning ended
    assert fresh_top3 / fresh_n >= 0.75, misses
    # fresh3 was written by a second writer who never saw the code or the glossary
    for split, floor in (("fresh2", 0.9), ("fresh3", 0.8)):
        hits, total = report.rate("top3", split=split)
        assert total
        assert hits / total >= floor, (split, misses)
