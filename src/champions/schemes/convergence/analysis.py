"""The pure analysis: catalogue entries to feature sets, pairs, the matrix, merge groups."""

import json
import re
from dataclasses import replace
from datetime import date
from functools import cache
from itertools import combinations
from pathlib import Path
from statistics import mean

from ..catalogue import TARGET_GROUPS, load_facts, localized
from ..choices import TargetGroup
from ..conditions import day, in_force
from .model import (
    AGENCIES,
    BENEFIT_TYPES,
    COMBINED,
    COMPONENTS,
    DIMENSION_LABELS,
    DIMENSIONS,
    ELIGIBILITY_FACTS,
    MEMBER_CLOSED,
    MEMBER_COMPONENT,
    MEMBER_MISSING,
    MEMBER_SCHEME,
    RECOMMENDATIONS_FILE,
    TARGET_GROUPS_DIMENSION,
    VOCABULARIES_FILE,
    WEIGHTS,
    ConvergenceReport,
    Dimension,
    Independent,
    Item,
    Member,
    MergeCandidate,
    Overlap,
    Pair,
    ReportSource,
    SchemeRef,
)

# --- Reading the data files ---------------------------------------------------------------------


@cache
def load_recommendations(path: Path = RECOMMENDATIONS_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def load_vocabularies(path: Path = VOCABULARIES_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- Pure set arithmetic ------------------------------------------------------------------------


def jaccard(a: set | frozenset, b: set | frozenset) -> float:
    """Shared items over all items of the two sets; 0.0 when both are empty (no evidence)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@cache
def _pattern(keyword: str) -> re.Pattern:
    stem = keyword.removesuffix("*")
    ending = "" if keyword.endswith("*") else r"(?!\w)"
    return re.compile(r"(?<!\w)" + re.escape(stem.lower()) + ending)


def themes_in(texts, vocabulary: dict) -> set[str]:
    """The ids of the vocabulary whose keywords occur (as whole words) in any of the texts."""
    text = "\n".join(t for t in texts if t).lower()
    return {
        theme
        for theme, entry in vocabulary.items()
        if any(_pattern(k).search(text) for k in entry.get("keywords", ()))
    }


def _coded(code: str, vocabulary: dict) -> set[str]:
    return {theme for theme, entry in vocabulary.items() if code in entry.get("codes", ())}


def rule_fields(rules: list, on: date) -> set[str]:
    """The facts read by the rules in force on `on`, their any_of alternatives and conditions."""
    fields = set()
    for rule in rules:
        if not isinstance(rule, dict) or not in_force(rule, on):
            continue
        if "any_of" in rule:
            fields |= rule_fields(rule["any_of"], on)
            continue
        if rule.get("field"):
            fields.add(rule["field"])
        fields |= {c["field"] for c in rule.get("when", []) or [] if c.get("field")}
    return fields


def scheme_features(entry: dict, *, on: date, vocabularies: dict) -> dict[str, frozenset[str]]:
    """A scheme as one set per dimension."""
    components = [c.get("en", "") for c in entry.get("components", [])]
    benefits = [b.get("en", "") for b in entry.get("benefits", [])]
    kind_types = {
        theme
        for theme, item in vocabularies[BENEFIT_TYPES].items()
        if entry.get("kind") in item.get("kinds", ())
    }
    return {
        TARGET_GROUPS_DIMENSION: frozenset(entry.get("target_groups", [])),
        # The purpose too: some entries name their components only briefly.
        COMPONENTS: frozenset(
            themes_in([*components, entry.get("purpose_en", "")], vocabularies[COMPONENTS])
        ),
        BENEFIT_TYPES: frozenset(themes_in(benefits, vocabularies[BENEFIT_TYPES]) | kind_types),
        AGENCIES: frozenset(
            themes_in(entry.get("implementing_agencies", []), vocabularies[AGENCIES])
            | _coded(entry.get("agency", ""), vocabularies[AGENCIES])
        ),
        ELIGIBILITY_FACTS: frozenset(rule_fields(entry.get("rules", []), on)),
    }


def combined_score(scores: dict[str, float]) -> float:
    """The weighted sum of the per-dimension scores (WEIGHTS add up to 1)."""
    return sum(WEIGHTS[d] * scores[d] for d in DIMENSIONS)


# --- Labels of the shared items, in the vocabularies' order -------------------------------------


def item_labels(vocabularies: dict) -> dict[str, dict[str, str]]:
    """For each dimension, id -> label in the page's language, in a stable order."""
    return {
        TARGET_GROUPS_DIMENSION: {code: str(TargetGroup(code).label) for code in TARGET_GROUPS},
        COMPONENTS: {k: localized(v, "label") for k, v in vocabularies[COMPONENTS].items()},
        BENEFIT_TYPES: {k: localized(v, "label") for k, v in vocabularies[BENEFIT_TYPES].items()},
        AGENCIES: {k: localized(v, "label") for k, v in vocabularies[AGENCIES].items()},
        ELIGIBILITY_FACTS: {name: fact.question for name, fact in load_facts().items()},
    }


def _shared(common: set, labels: dict[str, str]) -> tuple[Item, ...]:
    known = [Item(k, labels[k]) for k in labels if k in common]
    unknown = [Item(k, k) for k in sorted(common - labels.keys())]
    return (*known, *unknown)


def pair_build(
    a: str, b: str, features: dict[str, dict], labels: dict[str, dict[str, str]]
) -> Pair:
    a, b = sorted((a, b))
    overlaps = tuple(
        Overlap(
            dimension=d,
            score=jaccard(features[a][d], features[b][d]),
            shared=_shared(features[a][d] & features[b][d], labels[d]),
        )
        for d in DIMENSIONS
    )
    score = combined_score({o.dimension: o.score for o in overlaps})
    return Pair(a=a, b=b, score=score, overlaps=overlaps)


def pairs_ranked(
    ids: list[str], features: dict, labels: dict, names: dict[str, str] | None = None
) -> tuple[Pair, ...]:
    """Every unordered pair, most overlapping first (ties by ids), with its rank and names."""
    names = names or {}
    pairs = [pair_build(a, b, features, labels) for a, b in combinations(ids, 2)]
    pairs.sort(key=lambda p: (-round(p.score, 9), p.a, p.b))
    return tuple(
        replace(p, rank=i, a_label=names.get(p.a, p.a), b_label=names.get(p.b, p.b))
        for i, p in enumerate(pairs, start=1)
    )


def matrix_build(
    ids: list[str], pairs: tuple[Pair, ...], dimension: str
) -> tuple[tuple[float, ...], ...]:
    """The symmetric matrix of one dimension (or COMBINED); the diagonal is 1.0."""
    value = {
        (p.a, p.b): (p.score if dimension == COMBINED else p.overlap(dimension).score)
        for p in pairs
    }
    return tuple(tuple(1.0 if a == b else value[tuple(sorted((a, b)))] for b in ids) for a in ids)


# --- The report's groups, with their evidence ---------------------------------------------------


def _ref(entry: dict) -> SchemeRef:
    return SchemeRef(entry["id"], localized(entry, "name"), entry.get("short_name") or entry["id"])


def _member(raw: dict, entries: dict[str, dict], open_ids: set[str]) -> Member:
    scheme_id = raw["scheme"]
    entry = entries.get(scheme_id)
    if entry is None:
        return Member(
            scheme_id, raw.get("name", scheme_id), raw.get("name", scheme_id), MEMBER_MISSING
        )
    part = localized(raw, "part")
    if scheme_id not in open_ids:
        status = MEMBER_CLOSED
    else:
        status = MEMBER_COMPONENT if part else MEMBER_SCHEME
    ref = _ref(entry)
    return Member(scheme_id, ref.name, ref.short_name, status, part)


def merge_candidates_build(
    groups: list[dict], entries: dict[str, dict], open_ids: set[str], pairs: tuple[Pair, ...]
) -> tuple[MergeCandidate, ...]:
    by_ids = {(p.a, p.b): p for p in pairs}
    candidates = []
    for group in groups:
        members = tuple(_member(m, entries, open_ids) for m in group["members"])
        present = sorted(
            {m.scheme_id for m in members if m.status in (MEMBER_SCHEME, MEMBER_COMPONENT)}
        )
        evidence = tuple(
            sorted((by_ids[(a, b)] for a, b in combinations(present, 2)), key=lambda p: p.rank)
        )
        candidates.append(
            MergeCandidate(
                group=group["id"],
                title=localized(group, "title"),
                recommendation=group["recommendation"],
                note=localized(group, "note"),
                members=members,
                evidence=evidence,
                mean_score=mean(p.score for p in evidence) if evidence else None,
            )
        )
    return tuple(candidates)


def independents_build(
    block: dict, entries: dict[str, dict], open_ids: set[str], pairs: tuple[Pair, ...]
) -> tuple[Independent, ...]:
    flagged = []
    for raw in block.get("schemes", []):
        scheme_id = raw["scheme"]
        entry = entries.get(scheme_id)
        ref = _ref(entry) if entry else SchemeRef(scheme_id, scheme_id, scheme_id)
        nearest = next((p for p in pairs if scheme_id in (p.a, p.b)), None)
        flagged.append(
            Independent(
                scheme_id=scheme_id,
                name=ref.name,
                short_name=ref.short_name,
                in_catalogue=entry is not None,
                reason=localized(raw, "reason"),
                catalogue_note=(entry or {}).get("convergence_niti_2026") or "",
                nearest=nearest if scheme_id in open_ids else None,
            )
        )
    return tuple(flagged)


def is_open(entry: dict, on: date) -> bool:
    start, end = day(entry.get("valid_from")), day(entry.get("valid_to"))
    return (start is None or start <= on) and (end is None or on <= end)


def _report_source(raw: dict) -> ReportSource:
    report = raw["report"]
    return ReportSource(
        title=report["title"],
        publisher=report["publisher"],
        released=report["released"],
        cited_in=report["cited_in"],
        sources=tuple(report["sources"]),
        caveat=localized(report, "caveat"),
        keep_independent_recommendation=raw["keep_independent"]["recommendation"],
    )


def convergence_build(
    entries: list[dict],
    *,
    on: date,
    recommendations: dict | None = None,
    vocabularies: dict | None = None,
) -> ConvergenceReport:
    """The whole analysis over the schemes open on `on` (closed ones are listed as left out)."""
    recommendations = recommendations or load_recommendations()
    vocabularies = vocabularies or load_vocabularies()
    by_id = {e["id"]: e for e in sorted(entries, key=lambda e: e["id"])}
    ids = [i for i, e in by_id.items() if is_open(e, on)]
    features = {i: scheme_features(by_id[i], on=on, vocabularies=vocabularies) for i in ids}
    schemes = tuple(_ref(by_id[i]) for i in ids)
    names = {s.id: s.short_name for s in schemes}
    pairs = pairs_ranked(ids, features, item_labels(vocabularies), names)
    return ConvergenceReport(
        on=on,
        source=_report_source(recommendations),
        schemes=schemes,
        left_out=tuple(_ref(e) for i, e in by_id.items() if i not in ids),
        dimensions=tuple(Dimension(d, str(DIMENSION_LABELS[d]), WEIGHTS[d]) for d in DIMENSIONS),
        matrix=matrix_build(ids, pairs, COMBINED),
        matrices={d: matrix_build(ids, pairs, d) for d in DIMENSIONS},
        pairs=pairs,
        merge_candidates=merge_candidates_build(
            recommendations["merge_candidates"], by_id, set(ids), pairs
        ),
        keep_independent=independents_build(
            recommendations["keep_independent"], by_id, set(ids), pairs
        ),
    )
