"""Checks an enterprise's fields against the reference data. Shared by the web form, the API
and the bulk import, so that all three accept and refuse exactly the same records."""

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from champions.core.selectors import ReferenceIndex

from .choices import Activity, Gender, OrganisationType, SocialCategory

UDYAM_RE = re.compile(r"^UDYAM-([A-Z]{2})-(\d{2})-(\d{7})$")
PINCODE_RE = re.compile(r"^[1-9]\d{5}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


@dataclass
class EnterpriseInput:
    """An enterprise's editable fields, typed but not yet checked against the reference data."""

    name: str
    organisation_type: str
    major_activity: str
    investment_inr: int
    turnover_inr: int
    export_turnover_inr: int = 0
    employees: int = 0
    udyam_number: str | None = None
    country: str = "IN"
    owner_name: str = ""
    owner_gender: str = ""
    owner_social_category: str = ""
    owner_specially_abled: bool = False
    address: str = ""
    state_id: int | None = None
    district_id: int | None = None
    pincode: str = ""
    nic_codes: list[str] = field(default_factory=list)
    commenced_on: date | None = None

    def as_model_fields(self) -> dict:
        data = asdict(self)
        data["primary_nic"] = self.nic_codes[0] if self.nic_codes else ""
        data["name_key"] = self.name.strip().lower()
        return data


def _choice_error(value: str, choices, *, required: bool) -> str | None:
    if not value:
        return _("This field is required.") if required else None
    if value not in choices.values:
        return _("'%(value)s' is not one of: %(allowed)s.") % {
            "value": value,
            "allowed": ", ".join(choices.values),
        }
    return None


def _check_figures(data: EnterpriseInput, add) -> None:
    """Amounts and head count: whole numbers, zero or more; exports within the turnover."""
    bad = set()
    for name in ("investment_inr", "turnover_inr", "export_turnover_inr", "employees"):
        value = getattr(data, name)
        if value is None or value < 0:
            add(name, _("Must be a whole number, zero or more."))
            bad.add(name)
    turnovers_read = not bad & {"turnover_inr", "export_turnover_inr"}
    if turnovers_read and data.export_turnover_inr > data.turnover_inr:
        add("export_turnover_inr", _("Export turnover cannot exceed total turnover."))


def enterprise_input_errors(
    data: EnterpriseInput, ref: ReferenceIndex, *, today: date | None = None
) -> dict[str, list[str]]:
    """Every problem with `data`, as {field: [messages]}; empty when the record is valid."""
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str | None) -> None:
        if message:
            errors.setdefault(name, []).append(message)

    data.name = data.name.strip()
    if not data.name:
        add("name", _("This field is required."))
    elif len(data.name) > 200:
        add("name", _("At most 200 characters."))
    add("organisation_type", _choice_error(data.organisation_type, OrganisationType, required=True))
    add("major_activity", _choice_error(data.major_activity, Activity, required=True))
    add("owner_gender", _choice_error(data.owner_gender, Gender, required=False))
    add(
        "owner_social_category",
        _choice_error(data.owner_social_category, SocialCategory, required=False),
    )
    _check_figures(data, add)
    if data.commenced_on and data.commenced_on > (today or date.today()):  # noqa: DTZ011
        add("commenced_on", _("The date of commencement cannot be in the future."))
    for code in data.nic_codes:
        if code not in ref.nic_codes:
            add("nic_codes", _("%(code)s is not a NIC-2008 five-digit code.") % {"code": code})

    data.country = (data.country or "IN").strip().upper()
    if not COUNTRY_RE.match(data.country):
        add("country", _("Use the two-letter country code, e.g. IN."))
    elif data.country == "IN":
        _check_indian_address(data, ref, add)
    elif data.udyam_number:
        add("udyam_number", _("Only enterprises in India have a Udyam number."))
    return errors


def _check_indian_address(data: EnterpriseInput, ref: ReferenceIndex, add) -> None:
    udyam = (data.udyam_number or "").strip().upper()
    data.udyam_number = udyam or None
    if not udyam:
        add("udyam_number", _("An enterprise in India needs its Udyam number."))
    else:
        match = UDYAM_RE.match(udyam)
        if not match:
            add("udyam_number", _("Use the format UDYAM-XX-00-0000000."))
        elif match.group(1) not in ref.state_by_udyam_code:
            add("udyam_number", _("%(code)s is not a state code.") % {"code": match.group(1)})
        elif data.state_id and ref.state_by_udyam_code[match.group(1)] != data.state_id:
            add("udyam_number", _("The state code does not match the state of the address."))
    if data.state_id is None:
        add("state", _("This field is required."))
    elif data.state_id not in ref.state_by_lgd_code.values():
        add("state", _("Unknown state."))
    if data.district_id is None:
        add("district", _("This field is required."))
    elif data.state_id and ref.district_state.get(data.district_id) != data.state_id:
        add("district", _("This district is not in the chosen state."))
    if not data.pincode:
        add("pincode", _("This field is required."))
    elif not PINCODE_RE.match(data.pincode):
        add("pincode", _("A pincode has six digits and does not start with 0."))
    elif data.pincode not in ref.pincode_state:
        add("pincode", _("This pincode is not in the India Post directory."))
    elif data.state_id and ref.pincode_state[data.pincode] != data.state_id:
        add("pincode", _("This pincode belongs to another state."))
