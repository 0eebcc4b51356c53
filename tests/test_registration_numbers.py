"""A registration number's state code is the state of the district the grievance is about,
through every intake channel (HQ only for national grievances); a suggestion carries no
urgency-driven priority."""

import re

import pytest

from champions.accounts.services import api_token_create
from champions.grievances.choices import FieldSource
from champions.grievances.models import Grievance
from champions.grievances.tests.factories import pune_enterprise
from champions.grievances.triage_link.predictions import grievance_triage_fill
from champions.integrations.cpgrams.client import HttpCpgramsClient
from champions.integrations.cpgrams.inbound import cpgrams_grievances_pull
from champions.integrations.cpgrams.sandbox import sandbox_running
from champions.registry.tests.factories import mh_pune

pytestmark = pytest.mark.django_db

MH = re.compile(r"CHMP/20\d\d/MH/\d{7}")
HQ = re.compile(r"CHMP/20\d\d/HQ/\d{7}")
SUBJECT = "Power cuts at the estate"
DESCRIPTION = "Six hours of power cuts a day at the Bhosari estate; machines stand idle."


def _api(client, user, body):
    token = api_token_create(user=user, name="test").key
    return client.post(
        "/api/v1/grievances",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def _intake(**values) -> dict:
    state, district = mh_pune()
    return {
        "channel": "phone",
        "contact_name": "Asha Patil",
        "contact_phone": "9876543210",
        "contact_email": "",
        "complainant_type": "aspiring",
        "udyam_number": "",
        "state": str(state.pk),
        "district": str(district.pk),
        "kind": "grievance",
        "subject": SUBJECT,
        "description": DESCRIPTION,
        "category": "infrastructure",
        "token": "intake-1",
        **values,
    }


def test_web_lodging_by_the_owner_is_numbered_for_the_enterprise_district(client, entrepreneur):
    unit = pune_enterprise(entrepreneur)
    client.force_login(entrepreneur)

    client.post(
        "/grievances/new/",
        {
            "on_behalf_of": str(unit.pk),
            "kind": "grievance",
            "subject": SUBJECT,
            "description": DESCRIPTION,
            "category": "",
            "token": "t-1",
        },
    )

    assert MH.fullmatch(Grievance.objects.get().registration_number)


def test_api_lodging_by_the_owner_is_numbered_for_the_enterprise_district(client, entrepreneur):
    unit = pune_enterprise(entrepreneur)

    response = _api(
        client,
        entrepreneur,
        {"subject": SUBJECT, "description": DESCRIPTION, "enterprise_id": unit.pk},
    )

    assert response.status_code == 201
    assert MH.fullmatch(response.json()["registration_number"])


@pytest.mark.parametrize("channel", ["phone", "video", "email", "letter"])
def test_officer_intake_without_an_enterprise_is_numbered_for_the_district_given(
    channel, client, spoke_officer, mh_room
):
    # the reported case: a Pune caller logged by an officer, routed to the Mumbai room, was HQ
    client.force_login(spoke_officer)

    client.post("/grievances/intake/", _intake(channel=channel))

    grievance = Grievance.objects.get()
    assert grievance.room == mh_room
    assert MH.fullmatch(grievance.registration_number)
    assert grievance.state.udyam_code == "MH"


def test_officer_intake_through_the_api_is_numbered_for_the_district_given(client, hub_officer):
    _state, district = mh_pune()

    response = _api(
        client,
        hub_officer,
        {
            "subject": SUBJECT,
            "description": DESCRIPTION,
            "complainant_type": "aspiring",
            "district_id": district.pk,
            "channel": "video",
            "contact_name": "Asha Patil",
            "contact_phone": "9876543210",
        },
    )

    assert response.status_code == 201, response.json()
    assert MH.fullmatch(response.json()["registration_number"])


def test_a_national_grievance_is_numbered_hq(client, entrepreneur):
    unit = pune_enterprise(entrepreneur)

    response = _api(
        client,
        entrepreneur,
        {
            "subject": SUBJECT,
            "description": DESCRIPTION,
            "enterprise_id": unit.pk,
            "is_national": True,
        },
    )

    assert HQ.fullmatch(response.json()["registration_number"])


def test_a_cpgrams_import_is_numbered_for_its_district(tmp_path, settings):
    _state, pune = mh_pune()
    with sandbox_running(tmp_path / "sandbox.sqlite3", token="t") as server:
        settings.CPGRAMS_ENABLED, settings.CPGRAMS_BASE_URL = True, server.url
        settings.CPGRAMS_TOKEN, settings.CPGRAMS_TIMEOUT = "t", 2
        server.store.grievance_create(
            {
                "org": "MMSME",
                "subject": SUBJECT,
                "description": DESCRIPTION,
                "complainant": {"name": "Asha Patil", "mobile": "9822012345"},
                "district_lgd_code": pune.lgd_code,
            },
            key="",
            source="cpgrams",
        )
        cpgrams_grievances_pull(client=HttpCpgramsClient.from_settings())

    grievance = Grievance.objects.get(channel="cpgrams")
    assert MH.fullmatch(grievance.registration_number)


def test_a_suggestion_keeps_the_default_priority_whatever_its_urgency(
    client, entrepreneur, triage_models
):
    # given: a suggestion whose words sound urgent
    unit = pune_enterprise(entrepreneur)
    response = _api(
        client,
        entrepreneur,
        {
            "subject": "Urgent: please add a helpline",
            "description": "Urgent! Immediately add a Marathi helpline, our workers are stuck, "
            "it is an emergency and we may have to shut down the factory.",
            "enterprise_id": unit.pk,
            "kind": "suggestion",
        },
    )
    grievance = Grievance.objects.get(pk=response.json()["id"])

    # when: triage runs (after commit in production)
    triage = grievance_triage_fill(grievance_id=grievance.pk)

    # then
    grievance.refresh_from_db()
    assert triage.urgency in {"high", "critical"}  # the models did find it urgent
    assert (grievance.priority, grievance.priority_source) == ("normal", FieldSource.DEFAULT)
