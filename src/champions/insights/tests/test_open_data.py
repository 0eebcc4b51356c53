"""Open data: monthly counts with small cells suppressed, the licence stated, and no personal
data: grievances seeded with distinctive names, numbers and texts never show in the file."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from champions.grievances.services import GrievanceInput, grievance_lodge
from champions.insights.services import rollups_catch_up_all
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db
URL = "/api/v1/open-data/grievances.csv"
PERSONAL = [
    "Zorawar Quillfeather",  # the name
    "9876501234",  # the mobile number
    "zorawar.quill@example.org",  # the e-mail
    "UDYAM-MH-26-0098765",  # the Udyam number
    "Xylophone Foundry",  # the enterprise
    "PLUTONIUM-WIDGET",  # a word of the subject
    "marmalade invoices",  # words of the description
]


@pytest.fixture
def seeded(entrepreneur):
    unit = enterprise_create(
        data=enterprise_input(udyam_number=PERSONAL[3], name=PERSONAL[4]), actor=entrepreneur
    )
    for n in range(12):
        data = GrievanceInput(
            subject=f"{PERSONAL[5]} order {n} unpaid",
            description=f"Our {PERSONAL[6]} are unpaid. Call {PERSONAL[0]} on {PERSONAL[1]}.",
            enterprise_id=unit.pk,
            category="delayed_payment" if n < 11 else "credit",
            contact_name=PERSONAL[0],
            contact_email=PERSONAL[2],
            contact_phone=PERSONAL[1],
        )
        grievance_lodge(actor=entrepreneur, data=data)
    rollups_catch_up_all(settle=timedelta(0))


def _rows(client, **params) -> list[list[str]]:
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_no_personal_data_can_appear_in_the_file(client, seeded):
    text = client.get(URL).content.decode().lower()

    for personal in PERSONAL:
        assert personal.lower() not in text
        assert personal.split()[0].lower() not in text


def test_counts_below_10_are_suppressed(client, seeded):
    month = timezone.localdate().strftime("%Y-%m")

    rows = _rows(client)

    assert rows[0] == ["month", "state", "category", "channel", "measure", "value"]
    assert [month, "MH", "*", "*", "lodged", "12"] in rows
    assert [month, "*", "delayed_payment", "*", "lodged", "11"] in rows
    assert [month, "*", "credit", "*", "lodged", "<10"] in rows
    assert [month, "*", "*", "web", "lodged", "12"] in rows
    values = {row[5] for row in rows[1:]}
    assert all(v == "<10" or not v.isdigit() or int(v) >= 10 for v in values)


def test_the_dates_are_validated_naming_the_field(client):
    bad_from = client.get(URL, {"from": "2026-02-30"})
    backwards = client.get(URL, {"from": "2026-05-01", "to": "2026-01-01"})

    assert bad_from.status_code == 422
    assert list(bad_from.json()["errors"]) == ["from"]
    assert backwards.status_code == 422
    assert backwards.json()["errors"] == {"to": ["The end date is before the start date."]}


def test_the_page_states_the_licence(client):
    page = client.get("/open-data/").content.decode()

    assert "Government Open Data Licence - India" in page
    assert 'action="/api/v1/open-data/grievances.csv"' in page
