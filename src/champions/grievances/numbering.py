"""Where a grievance is about, for its registration number: CHMP/<year>/<code>/<serial>.

The code is the Udyam state code of the district the grievance is about (the enterprise's
district, else the district given at intake), whatever room it is routed to, so a Pune
grievance handled in Mumbai or at the hub is still MH. HQ is for national grievances only
(and for the rare grievance that names no place at all). Every intake channel (web, API,
officer phone/e-mail/letter/video intake, CPGRAMS import) goes through `_lodge`, which asks here.
"""

from champions.core.models import District

NATIONAL_CODE = "HQ"


def grievance_place(*, district_id: int | None, enterprise, is_national: bool):
    """(state or None, code) for a new grievance."""
    state = None
    if district_id is not None:
        state = _enterprise_state(enterprise, district_id)
        if state is None:
            district = District.objects.select_related("state").filter(pk=district_id).first()
            state = district.state if district else None
    if state is None and enterprise is not None:
        state = enterprise.state
    if is_national or state is None:
        return state, NATIONAL_CODE
    return state, state.udyam_code


def _enterprise_state(enterprise, district_id: int):
    """The district's state without a query when the enterprise (read with its state and
    district, as lodging reads it) is in that district and state; else None."""
    if enterprise is None or enterprise.district_id != district_id:
        return None
    district = enterprise.district
    if district is None or district.state_id != enterprise.state_id:
        return None
    return enterprise.state
