"""Matchmaking: which profiles a query (a post, a profile, or a search) should meet, best first,
each with its reasons in plain words.

1. The query becomes weighted index tags: products asked for (HS), the industries that make
   them (HS → ISIC/NIC concordance), the inputs the asker's own industries use (our input-output
   table, `data/io_links.csv`), and codes read from its text (nearest HS headings and NIC
   classes to the text's embedding, so Hindi and English land on the same codes).
2. SQL fetches a bounded candidate set: the newest profiles under each tag (`candidates.py`).
3. numpy scores the candidates: code complementarity + text similarity of the stored vectors +
   a preferred-state bonus; names and reasons are read for the best ones only. Sharing words is
   never enough: a profile enters only through codes.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from champions.triage.services import embed_texts

from . import codes
from .candidates import approved_vectors, tag_hits
from .choices import OFFER_KINDS
from .models import Profile

PER_TAG_LIMIT = 400  # candidates fetched per tag: bounds the work at any registry size
SCORED_LIMIT = 800  # candidates whose vectors are loaded and scored
TEXT_FLOOR, TEXT_SPAN = 0.15, 0.45  # centred cosine → 0..1
CODE_WEIGHT, TEXT_WEIGHT, STATE_BONUS = 0.6, 0.4, 0.05
INFER_FLOOR = 0.42  # centred cosine a code name must reach to be read from a text
INFER_MARGIN = 0.05  # and how close to the best one


@dataclass(frozen=True)
class MatchQuery:
    text: str = ""
    kind: str | None = None  # a post kind; None = any
    hs_codes: tuple[str, ...] = ()
    nic_codes: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166 alpha-2 of the profiles wanted
    states: tuple[str, ...] = ()  # LGD state codes preferred (Indian units)
    exclude_profile_id: int | None = None
    limit: int = 10


@dataclass(frozen=True)
class MatchResult:
    profile_id: int
    name: str
    country: str
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Want:
    weight: float
    reason: str  # formatted with the candidate's own code: {code}


@lru_cache(maxsize=512)
def _embed(text: str) -> np.ndarray:
    return embed_texts([text])[0]


def codes_from_text(text: str, *, vector: np.ndarray | None = None) -> list[tuple[str, float]]:
    """The HS headings ("hs:5205") and NIC classes ("nic:1391") a text speaks of, with a
    confidence: 1.0 for a glossary term found in it, else the (language-centred) cosine of the
    nearest code names; empty when nothing is near enough. `vector` is the text's raw embedding."""
    text = text.strip()
    if not text:
        return []
    found = _glossary_weights(text)
    table = codes.code_vectors()
    query = codes.centre(vector if vector is not None else _embed(text), text)
    per_label = np.full(len(table.labels), -1.0, dtype=np.float32)
    np.maximum.at(per_label, table.rows, table.matrix @ query)
    for is_hs, keep in ((True, 2), (False, 1)):
        scores = np.where(table.is_hs == is_hs, per_label, -1.0)
        order = np.argsort(-scores)[:keep]
        best = scores[order[0]]
        for i in order:
            if scores[i] >= INFER_FLOOR and scores[i] >= best - INFER_MARGIN:
                found.setdefault(table.labels[i], float(scores[i]))
    return sorted(found.items(), key=lambda item: -item[1])


PURPOSE_WEIGHT = 0.5  # a glossary term read only from a purpose clause ("... for knitting")


def _glossary_weights(text: str) -> dict[str, float]:
    """Glossary codes of the text, 1.0 each; a code named only inside a purpose clause counts
    PURPOSE_WEIGHT, as long as something outside the clause names a product."""
    spans = codes.glossary_spans(text)
    purpose = codes.purpose_span(text)
    if purpose is None:
        return dict.fromkeys((code for code, _s, _e in spans), 1.0)
    inside = {code for code, start, end in spans if purpose[0] <= start and end <= purpose[1]}
    outside = {code for code, start, end in spans} - inside
    weights = dict.fromkeys(outside, 1.0)
    for code in inside - outside:
        weights[code] = PURPOSE_WEIGHT if outside else 1.0
    return weights


def _hs_label(code: str) -> str:
    return f"HS {code} {codes.hs_name(code)}".strip()


def _nic_label(code: str) -> str:
    return f"NIC {code} {codes.nic_name(code)}".strip()


def _wants(query: MatchQuery, inferred: list[tuple[str, float]]) -> dict[str, _Want]:
    """Tag → weight and reason. A request (or no kind) looks for profiles that offer; an offer
    looks for profiles that need."""
    wants: dict[str, _Want] = {}
    links = codes.links()

    def add(tag: str, weight: float, reason: str) -> None:
        if tag not in wants or wants[tag].weight < weight:
            wants[tag] = _Want(weight, reason)

    supplying = query.kind in OFFER_KINDS
    for code in query.hs_codes:
        hs4 = code[:4]
        if supplying:
            add(f"n4:{hs4}", 1.0, f"needs {_hs_label(hs4)}, which you offer")
            for nic in links.users.get(hs4, ()):
                add(f"i4:{nic}", 0.8, f"works in {_nic_label(nic)}, which uses {_hs_label(hs4)}")
            continue
        if len(code) == 6:
            add(f"o6:{code}", 1.0, f"makes {_hs_label(code)}, which you asked for")
        add(f"o4:{hs4}", 0.85, "makes {code}, " + f"under the heading you asked for ({hs4})")
        add(f"t4:{hs4}", 0.6, f"describes {_hs_label(hs4)} in its own words, as you asked")
        for nic in links.makers.get(hs4, ()):
            add(f"i4:{nic}", 0.55, f"works in {_nic_label(nic)}, which makes {_hs_label(hs4)}")
    for nic in query.nic_codes:
        nic4 = nic[:4]
        if not supplying:
            for hs4 in links.inputs.get(nic4, ()):
                uses = f"which your {codes.nic_name(nic4)} industry uses"
                add(f"o4:{hs4}", 0.8, "makes {code}, " + uses)
                add(f"t4:{hs4}", 0.55, f"describes {_hs_label(hs4)} in its own words, {uses}")
        add(f"i4:{nic4}", 0.35, f"works in your industry, {_nic_label(nic4)}")
    for label, sim in inferred:
        kind, code = label.split(":")
        weight = 0.75 if sim >= 1.0 else round(0.45 + (sim - INFER_FLOOR), 3)
        if kind == "hs":
            if supplying:
                add(f"n4:{code}", weight, f"needs {_hs_label(code)}, which your text offers")
            else:
                add(f"o4:{code}", weight, "makes {code}, " + "which your text asks for")
                add(f"t4:{code}", weight * 0.9, f"describes {_hs_label(code)}, which you asked for")
        else:
            add(f"i4:{code}", weight * 0.8, f"works in {_nic_label(code)}, close to your text")
    return wants


_INPUT_WORDS = re.compile(
    r"raw[ -]?materials?|inputs|consumables|kach+a+ ma+l|kach+e+ ma+l|कच्चा माल|कच्चे माल",
    re.I,
)


def _asker_industries(
    query: MatchQuery, inferred: list[tuple[str, float]]
) -> tuple[MatchQuery, list[tuple[str, float]]]:
    """A request that speaks of the asker's own trade asks for that trade's inputs.

    "We make transformers, need raw material": transformers are what the asker makes, so the
    industries that make them become the asker's industries (and their inputs are wanted);
    "We are a rooftop solar installer", with no product named, is an industry alone. Either way
    the industries are added as if declared (`nic_codes`), which is how inputs are looked up."""
    if query.kind in OFFER_KINDS or not inferred:
        return query, inferred
    products = [code[3:] for code, _sim in inferred if code.startswith("hs:")]
    industries = [code[4:] for code, _sim in inferred if code.startswith("nic:")]
    if _INPUT_WORDS.search(query.text):
        makers = codes.links().makers
        industries += [nic for hs4 in products for nic in sorted(makers.get(hs4, ()))]
        inferred = [(code, sim) for code, sim in inferred if not code.startswith("hs:")]
    elif products:
        return query, inferred
    known = set(query.nic_codes)
    extra = tuple(nic for nic in dict.fromkeys(industries) if nic not in known)
    return replace(query, nic_codes=tuple(query.nic_codes) + extra), inferred


def _candidate_tags(wants: dict[str, _Want], countries: tuple[str, ...]) -> dict[int, list[str]]:
    hits: dict[int, list[str]] = defaultdict(list)
    ordered = sorted(wants, key=lambda t: -wants[t].weight)
    for profile_id, tag in tag_hits(ordered, countries=countries, per_tag=PER_TAG_LIMIT):
        hits[profile_id].append(tag)
    return hits


def _code_score(tags: list[str], wants: dict[str, _Want]) -> float:
    if len(tags) == 1:  # most candidates
        return min(1.0, wants[tags[0]].weight)
    weights = sorted((wants[t].weight for t in tags), reverse=True)
    return min(1.0, weights[0] + 0.1 * sum(weights[1:3]))


def profiles_match(query: MatchQuery) -> list[MatchResult]:
    """Best first, never the excluded profile, only reviewed profiles."""
    text = query.text.strip()
    raw = _embed(text) if text else None
    vector = codes.centre(raw, text) if raw is not None else None
    inferred = codes_from_text(text, vector=raw) if text else []
    query, inferred = _asker_industries(query, inferred)
    wants = _wants(query, inferred)
    hits = _candidate_tags(wants, tuple(query.countries))
    hits.pop(query.exclude_profile_id, None)
    code_scores = {pid: _code_score(tags, wants) for pid, tags in hits.items()}
    # ties: the newest profiles first, whatever order the database returned the rows in
    shortlist = sorted(code_scores, key=lambda p: (-code_scores[p], -p))[:SCORED_LIMIT]
    ids, matrix = approved_vectors(shortlist)
    if not ids:
        return []
    text_scores = _text_scores(matrix, vector)
    scores = CODE_WEIGHT * np.array([code_scores[pid] for pid in ids]) + TEXT_WEIGHT * text_scores
    keep = max(1, min(query.limit, 100))
    top = _best(scores, ids, keep=keep, margin=STATE_BONUS if query.states else 0.0)
    rows = {
        row["id"]: row
        for row in Profile.objects.filter(id__in=[ids[i] for i in top]).values(
            "id", "name", "country", "hs_codes", "state__lgd_code"
        )
    }
    states = {str(s) for s in query.states}
    results = []
    for i in top:
        row = rows[ids[i]]
        in_state = bool(states) and str(row["state__lgd_code"]) in states
        score = scores[i] + (STATE_BONUS if in_state else 0.0)
        reasons = _reasons(hits[ids[i]], wants, row, float(text_scores[i]), in_state)
        results.append(
            MatchResult(ids[i], row["name"], row["country"], round(float(score), 4), reasons)
        )
    results.sort(key=lambda r: (-r.score, r.profile_id))
    return results[:keep]


def _best(scores: np.ndarray, ids: list[int], *, keep: int, margin: float) -> np.ndarray:
    """Indices of the best `keep` (ties: lower id first), plus any a bonus of `margin` could
    still lift among them; only these are read and explained."""
    order = np.lexsort((np.array(ids), -scores))
    if margin <= 0 or len(order) <= keep:
        return order[:keep]
    floor = scores[order[keep - 1]] - margin
    return order[scores[order] >= floor]


def _text_scores(matrix: np.ndarray, vector: np.ndarray | None) -> np.ndarray:
    if vector is None:
        return np.zeros(len(matrix), dtype=np.float32)
    return np.clip((matrix @ vector - TEXT_FLOOR) / TEXT_SPAN, 0.0, 1.0)


def _reasons(tags, wants, row, text_score: float, in_state: bool) -> list[str]:
    """The strongest three reasons, one per product heading (a 6-digit hit hides its 4-digit
    and text echoes)."""
    reasons, headings = [], set()
    for tag in sorted(tags, key=lambda t: (-wants[t].weight, t)):
        heading = tag[3:7] if tag[0] in "ont" else tag
        if heading in headings:
            continue
        headings.add(heading)
        own = next((c for c in row["hs_codes"] if c.startswith(tag[3:7])), tag[3:])
        reasons.append(wants[tag].reason.replace("{code}", _hs_label(own)))
        if len(reasons) == 3:
            break
    if text_score >= 0.5:
        reasons.append("describes its work in words close to yours")
    if in_state:
        reasons.append("is in a state you prefer")
    return reasons
