"""Reads of reference data that other apps use (validation and choice lists)."""

from dataclasses import dataclass

from .models import District, NicCode, Pincode, State


@dataclass(frozen=True)
class ReferenceIndex:
    """Everything needed to validate an address or NIC code without a query per row."""

    state_by_udyam_code: dict[str, int]
    state_by_lgd_code: dict[int, int]
    state_by_name: dict[str, int]
    district_state: dict[int, int]
    district_by_lgd_code: dict[int, int]
    district_by_state_and_name: dict[tuple[int, str], int]
    pincode_state: dict[str, int]
    nic_codes: frozenset[str]


def reference_index_build() -> ReferenceIndex:
    states = list(State.objects.values_list("id", "lgd_code", "udyam_code", "name"))
    districts = list(District.objects.values_list("id", "lgd_code", "state_id", "name"))
    return ReferenceIndex(
        state_by_udyam_code={code: pk for pk, _lgd, code, _name in states},
        state_by_lgd_code={lgd: pk for pk, lgd, _code, _name in states},
        state_by_name={name.lower(): pk for pk, _lgd, _code, name in states},
        district_state={pk: state for pk, _lgd, state, _name in districts},
        district_by_lgd_code={lgd: pk for pk, lgd, _state, _name in districts},
        district_by_state_and_name={
            (state, name.lower()): pk for pk, _lgd, state, name in districts
        },
        pincode_state=dict(Pincode.objects.values_list("code", "state_id")),
        nic_codes=frozenset(NicCode.objects.values_list("code", flat=True)),
    )


def state_list() -> list[State]:
    return list(State.objects.all())


def district_list(*, state_id: int | None = None) -> list[District]:
    qs = District.objects.select_related("state")
    if state_id is not None:
        qs = qs.filter(state_id=state_id)
    return list(qs)


def nic_code_search(*, query: str, limit: int = 20) -> list[NicCode]:
    query = query.strip()
    if not query:
        return []
    if query.isdigit():
        return list(NicCode.objects.filter(code__startswith=query)[:limit])
    return list(NicCode.objects.filter(description__icontains=query)[:limit])


def district_exists(*, district_id: int) -> bool:
    return District.objects.filter(pk=district_id).exists()


def nic_division_names() -> dict[str, str]:
    """NIC-2008 division (two digits) → its name."""
    rows = NicCode.objects.values_list("code", "division_name").order_by("code")
    return {code[:2]: name for code, name in rows}
