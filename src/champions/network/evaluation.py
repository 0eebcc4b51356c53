"""The labelled match set (`data/match_eval.json`): load its profiles in a transaction that is
rolled back, index them as the app does, run every case and count top-1 / top-3 hits."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from . import indexing
from .choices import ProfileKind, ReviewStatus
from .matching import MatchQuery, profiles_match
from .models import Profile
from .validation import ProfileInput, profile_input_clean

EVAL_FILE = Path(__file__).resolve().parent / "data" / "match_eval.json"


@dataclass
class CaseOutcome:
    id: int
    split: str
    tags: list[str]
    top: list[str]  # keys of the first three results
    top1: bool
    top3: bool
    decoy_in_top3: bool


@dataclass
class EvalReport:
    outcomes: list[CaseOutcome] = field(default_factory=list)

    def rate(self, attr: str, *, split: str | None = None, tag: str | None = None) -> tuple:
        chosen = [
            o
            for o in self.outcomes
            if (split is None or o.split == split) and (tag is None or tag in o.tags)
        ]
        return sum(getattr(o, attr) for o in chosen), len(chosen)


class _Rollback(Exception):
    pass


def eval_data(path: Path = EVAL_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _profiles_load(profiles: list[dict]) -> dict[int, str]:
    keys = {}
    for row in profiles:
        data, state_id = profile_input_clean(
            ProfileInput(**{k: v for k, v in row.items() if k != "key"})
        )
        profile = Profile(
            kind=ProfileKind.INDIAN if data.country == "IN" else ProfileKind.FOREIGN,
            review_status=ReviewStatus.APPROVED,
            state_id=state_id,
            **{k: v for k, v in vars(data).items() if k != "state"},
        )
        profile.save()
        indexing.declared_tags_write(profile)
        keys[profile.pk] = row["key"]
    indexing.profiles_embed(profile_ids=list(keys))
    return keys


def _case_run(case: dict, keys: dict[int, str], ids: dict[str, int]) -> CaseOutcome:
    query = MatchQuery(
        text=case["text"],
        kind=case["kind"],
        hs_codes=tuple(case["hs_codes"]),
        nic_codes=tuple(case["nic_codes"]),
        countries=tuple(case["countries"]),
        states=tuple(case["states"]),
        exclude_profile_id=ids.get(case.get("asker") or ""),
        limit=10,
    )
    top = [keys[r.profile_id] for r in profiles_match(query)[:3]]
    expected = set(case["expected"])
    return CaseOutcome(
        id=case["id"],
        split=case["split"],
        tags=case["tags"],
        top=top,
        top1=bool(top) and top[0] in expected,
        top3=bool(expected & set(top)),
        decoy_in_top3=bool(set(case["decoys"]) & set(top)),
    )


def match_evaluate(path: Path = EVAL_FILE) -> EvalReport:
    data = eval_data(path)
    report = EvalReport()
    try:
        with transaction.atomic():
            keys = _profiles_load(data["profiles"])
            ids = {key: pk for pk, key in keys.items()}
            report.outcomes = [_case_run(case, keys, ids) for case in data["cases"]]
            raise _Rollback
    except _Rollback:
        pass
    return report
