"""The opportunity matcher: an adapter over the network app's `profiles_match`.

The network app (profiles, HS/NIC complementarity, text, location, capacity) is the one
matcher of the portal; opportunities look for Indian units that make what is asked for. If the
network app is not installed, `opportunity_candidates` says so (`available=False`) and returns
no results: nothing is made up, and the pages show "matching not available".
"""

from dataclasses import dataclass, field

from django.apps import apps

from champions.core.selectors import state_list

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


def _lgd_codes(udyam_codes: list[str]) -> tuple[str, ...]:
    """The network matcher names states by LGD code; opportunities by the two-letter code."""
    lgd = {s.udyam_code: str(s.lgd_code) for s in state_list()}
    return tuple(lgd[c] for c in udyam_codes if c in lgd)


def opportunity_candidates(
    *, text: str, hs_codes: list[str], nic_codes: list[str], states: list[str], limit: int = 10
) -> Candidates:
    """Indian units that could meet an opportunity, best first, from the network matcher."""
    if not matching_is_available():
        return Candidates(available=False)
    from champions.network.selectors import MatchQuery, profile_enterprise_ids, profiles_match

    query = MatchQuery(
        text=text,
        hs_codes=tuple(hs_codes),
        nic_codes=tuple(nic_codes),
        countries=("IN",),
        states=_lgd_codes(states),
        limit=limit,
    )
    results = profiles_match(query)
    enterprises = profile_enterprise_ids(profile_ids=[r.profile_id for r in results])
    return Candidates(
        available=True,
        results=[
            Candidate(
                profile_id=r.profile_id,
                name=r.name,
                score=float(r.score),
                reasons=list(r.reasons),
                enterprise_id=enterprises.get(r.profile_id),
            )
            for r in results
        ],
    )
