"""Scheme results as the API's plain dicts (the shapes in `schemas`): presentation only, no
rules; the analysis they present lives in `eligibility`, `convergence` and the selectors."""

from django.core.paginator import Page

from .catalogue import load_facts, localized, localized_pair
from .convergence import ConvergenceReport, Pair
from .eligibility import Result


def question_out(name: str | None) -> dict | None:
    if name is None:
        return None
    fact = load_facts()[name]
    return {
        "fact": name,
        "type": fact.type,
        "question": fact.question,
        "help": fact.help,
        "choices": [{"value": c["value"], "label": localized(c, "label")} for c in fact.choices],
    }


def result_out(result: Result) -> dict:
    return {
        "scheme_id": result.scheme_id,
        "name": result.name,
        "short_name": result.short_name,
        "status": result.status,
        "reasons": list(result.reasons),
        "missing_facts": list(result.missing_facts),
        "benefit": result.benefit.__dict__ if result.benefit else None,
        "rules": [r.__dict__ for r in result.rules],
        "caveats": list(result.caveats),
        "is_finance": result.is_finance,
        "source_basis": result.source_basis,
        "sources": [link.__dict__ for link in result.sources],
    }


def _score(value: float) -> float:
    return round(value, 3)


def pair_out(pair: Pair, merge_pairs: dict) -> dict:
    return {
        "a": pair.a,
        "b": pair.b,
        "score": _score(pair.score),
        "rank": pair.rank,
        "overlaps": [
            {
                "dimension": o.dimension,
                "score": _score(o.score),
                "shared": [{"id": i.id, "label": i.label} for i in o.shared],
            }
            for o in pair.overlaps
        ],
        "merge_group": merge_pairs.get((pair.a, pair.b)),
    }


def _matrix_out(matrix) -> list[list[float]]:
    return [[_score(v) for v in row] for row in matrix]


def _reference(report: ConvergenceReport, recommendation: str) -> dict:
    return {"report": report.source.title, "recommendation": recommendation}


def _member_out(member) -> dict:
    return {
        "id": member.scheme_id,
        "name": member.name,
        "short_name": member.short_name,
        "status": member.status,
        "part": member.part,
    }


def merge_candidate_out(candidate, report: ConvergenceReport, merge_pairs: dict) -> dict:
    return {
        "group": candidate.group,
        "title": candidate.title,
        "schemes": [_member_out(m) for m in candidate.members],
        "report_reference": _reference(report, candidate.recommendation),
        "note": candidate.note,
        "evidence": [pair_out(p, merge_pairs) for p in candidate.evidence],
        "mean_score": None if candidate.mean_score is None else _score(candidate.mean_score),
    }


def independent_out(scheme, report: ConvergenceReport, merge_pairs: dict) -> dict:
    recommendation = report.source.keep_independent_recommendation
    return {
        "scheme": scheme.scheme_id,
        "name": scheme.name,
        "short_name": scheme.short_name,
        "in_catalogue": scheme.in_catalogue,
        "reason": scheme.reason,
        "catalogue_note": scheme.catalogue_note,
        "report_reference": _reference(report, recommendation),
        "nearest": pair_out(scheme.nearest, merge_pairs) if scheme.nearest else None,
    }


def convergence_out(report: ConvergenceReport, *, top: int) -> dict:
    merge_pairs = report.merge_pairs()
    source = report.source
    return {
        "on": report.on,
        "report": {
            "title": source.title,
            "publisher": source.publisher,
            "released": source.released,
            "cited_in": source.cited_in,
            "sources": list(source.sources),
            "caveat": source.caveat,
        },
        "schemes": [s.__dict__ for s in report.schemes],
        "left_out": [s.__dict__ for s in report.left_out],
        "dimensions": [
            {**d.__dict__, "matrix": _matrix_out(report.matrices[d.id])} for d in report.dimensions
        ],
        "matrix": _matrix_out(report.matrix),
        "pairs": [pair_out(p, merge_pairs) for p in report.pairs[:top]],
        "merge_candidates": [
            merge_candidate_out(c, report, merge_pairs) for c in report.merge_candidates
        ],
        "keep_independent": [
            independent_out(i, report, merge_pairs) for i in report.keep_independent
        ],
    }


def scheme_out(scheme) -> dict:
    return {
        "id": scheme.slug,
        "name": scheme.name,
        "name_en": scheme.name_en,
        "name_hi": scheme.name_hi,
        "short_name": scheme.short_name,
        "agency": scheme.agency,
        "kind": scheme.kind,
        "target_groups": scheme.target_groups,
        "is_finance": scheme.is_finance,
        "needs_verification": scheme.needs_verification,
        "last_verified": scheme.last_verified,
        "valid_from": scheme.valid_from,
        "valid_to": scheme.valid_to,
        "version": scheme.version,
    }


def eligibility_out(check) -> dict:
    return {
        "on": check.on,
        "results": [result_out(r) for r in check.results],
        "next_question": question_out(check.next_question),
    }


def recommendations_out(found) -> dict:
    return {
        "enterprise_id": found.enterprise.pk,
        "on": found.check.on,
        "eligible": [result_out(r) for r in found.recommendations.eligible],
        "nearly_eligible": [result_out(r) for r in found.recommendations.nearly],
    }


def finance_option_out(option) -> dict:
    return {
        "result": result_out(option.result),
        "documents": option.documents,
        "apply_url": option.apply_url,
        "how_to_apply": option.how_to_apply,
    }


def scheme_page_out(page: Page) -> dict:
    return {
        "items": [scheme_out(s) for s in page.object_list],
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
    }


def scheme_detail_out(scheme) -> dict:
    data = scheme.data
    return {
        **scheme_out(scheme),
        "purpose": localized(data, "purpose"),
        "components": [localized_pair(c) for c in data.get("components", [])],
        "benefits": [localized_pair(b) for b in data.get("benefits", [])],
        "documents": [localized_pair(d) for d in data.get("documents", [])],
        "apply_url": data.get("apply_url", ""),
        "how_to_apply": localized(data, "how_to_apply"),
        "status_note": localized(data, "status_note"),
        "entry": data,
    }
