"""Checks of profile and post input against the shipped code lists and the core reference
data; every problem is reported under its field name."""

from dataclasses import dataclass, field

from champions.core.errors import ValidationFailed
from champions.core.models import NicCode
from champions.core.selectors import state_list

from . import codes


@dataclass
class ProfileInput:
    name: str
    country: str
    state: str = ""  # LGD code or Udyam two-letter code, for India
    description: str = ""
    needs: str = ""
    hs_codes: list[str] = field(default_factory=list)
    needs_hs_codes: list[str] = field(default_factory=list)
    nic_codes: list[str] = field(default_factory=list)
    udyam_number: str = ""
    registration_number: str = ""
    website: str = ""
    email: str = ""
    capacity: str = ""
    certifications: list[str] = field(default_factory=list)
    export_countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


def _clean_codes(values) -> list[str]:
    return [str(v).strip().replace(".", "") for v in values if str(v).strip()]


def state_id_for(value: str) -> int | None:
    value = str(value).strip().upper()
    for state in state_list():
        if value in {state.udyam_code, str(state.lgd_code)}:
            return state.pk
    return None


def nic_errors(values: list[str]) -> list[str]:
    """Codes that are neither a NIC-2008 sub-class nor the prefix (2-4 digits) of one."""
    if not values:
        return []
    known = {
        code[:n] for code in NicCode.objects.values_list("code", flat=True) for n in (2, 3, 4, 5)
    }
    return [c for c in values if not (c.isdigit() and 2 <= len(c) <= 5 and c in known)]


def codes_check(errors: dict, *, hs=(), needs_hs=(), nic=(), countries=()) -> None:
    checks = (
        ("hs_codes", codes.invalid_hs(hs), "Unknown HS codes (4 or 6 digits, HS 2022): "),
        ("needs_hs_codes", codes.invalid_hs(needs_hs), "Unknown HS codes: "),
        ("nic_codes", nic_errors(list(nic)), "Unknown NIC-2008 codes: "),
        ("countries", codes.invalid_countries(countries), "Unknown ISO 3166 country codes: "),
    )
    for name, bad, message in checks:
        if bad:
            errors.setdefault(name, []).append(message + ", ".join(bad[:10]))


def profile_input_clean(data: ProfileInput) -> tuple[ProfileInput, int | None]:
    """Normalises the codes and returns the state's id; raises ValidationFailed per field."""
    data.name = data.name.strip()
    data.country = data.country.strip().upper()
    data.hs_codes = _clean_codes(data.hs_codes)
    data.needs_hs_codes = _clean_codes(data.needs_hs_codes)
    data.nic_codes = _clean_codes(data.nic_codes)
    data.export_countries = [c.strip().upper() for c in data.export_countries if c.strip()]
    errors: dict[str, list[str]] = {}
    if not data.name:
        errors["name"] = ["A name is required."]
    if data.country not in codes.country_names():
        errors["country"] = ["Use an ISO 3166 alpha-2 country code, such as IN or DE."]
    state_id = None
    if data.country == "IN":
        state_id = state_id_for(data.state)
        if state_id is None:
            errors["state"] = ["An Indian unit needs its state (LGD code or two letters)."]
    codes_check(
        errors,
        hs=data.hs_codes,
        needs_hs=data.needs_hs_codes,
        nic=data.nic_codes,
        countries=data.export_countries,
    )
    if errors:
        raise ValidationFailed("The profile has invalid fields.", errors=errors)
    return data, state_id
