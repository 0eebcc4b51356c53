"""The opportunity matcher: an adapter over the network app's `profiles_match`.

The network app (profiles, HS/NIC complementarity, text, location, capacity) is the one
matcher of the portal. When it is not installed, `opportunity_candidates` says so
(`available=False`) and returns no results: nothing is made up.
"""

import importlib
from dataclasses import dataclass, field

from django.apps import apps

NETWORK_APP = "champions.network"


@dataclass(frozen=True)
class Candidate:
    profile_id: int
    name: str
    score: float
    reasons: list[str]
    enterprise_id: int | None = None


@dataclass(frozen=True)
class Candidates:
    available: bool
    results: list[Candidate] = field(default_factory=list)


def matching_is_available() -> bool:
    return apps.is_installed(NETWORK_APP)


def opportunity_candidates(
    *, text: str, hs_codes: list[str], nic_codes: list[str], states: list[str], limit: int = 10
) -> Candidates:
    """Units that could meet an opportunity, best first, from the network matcher."""
    if not matching_is_available():
        return Candidates(available=False)
    network = importlib.import_module(f"{NETWORK_APP}.selectors")
    query = network.MatchQuery(
        text=text,
        hs_codes=tuple(hs_codes),
        nic_codes=tuple(nic_codes),
        states=tuple(states),
        limit=limit,
    )
    results = network.profiles_match(query)
    return Candidates(
        available=True,
        results=[
            Candidate(
                profile_id=r.profile_id,
                name=r.name,
                score=float(r.score),
                reasons=list(r.reasons),
                enterprise_id=getattr(r, "enterprise_id", None),
            )
            for r in results
        ],
    )
