"""/api/v1/compliance/: the public interest calculator, the calendar and its .ics, in scope."""

from datetime import date

import pytest
import time_machine

from champions.compliance.models import ComplianceProfile

from .factories import pune_enterprise, save_profile

pytestmark = pytest.mark.django_db

INTEREST_URL = "/api/v1/compliance/delayed-payment-interest"
CALENDAR_URL = "/api/v1/compliance/calendar"
ICS_URL = "/api/v1/compliance/calendar.ics"
WORKED_EXAMPLE = (
    "principal_inr=100000&invoice_accepted_on=2025-01-01&agreed_credit_days=30"
    "&paid_on=2025-06-30&bank_rate_pct=6.75"
)


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def test_interest_is_public_and_answers_the_worked_example(client):
    response = client.get(f"{INTEREST_URL}?{WORKED_EXAMPLE}")

    assert response.status_code == 200
    body = response.json()
    assert {k: body[k] for k in ("due_on", "interest_from", "days_late", "months_compounded")} == {
        "due_on": "2025-01-31",
        "interest_from": "2025-02-01",
        "days_late": 150,
        "months_compounded": 5,
    }
    assert (body["annual_rate_pct"], body["interest_inr"], body["total_inr"]) == (
        "20.25",
        "8727.11",
        "108727.11",
    )
    assert body["formula"].startswith("Interest = P x (1 + r/12)^n x (1 + r x d/365) - P")
    assert body["source"].startswith("Micro, Small and Medium Enterprises Development Act 2006")


def test_interest_without_agreement_or_rate_uses_15_days_and_the_rate_in_force(client):
    response = client.get(
        f"{INTEREST_URL}?principal_inr=50000&invoice_accepted_on=2026-01-01&paid_on=2026-03-16"
    )

    body = response.json()
    assert response.status_code == 200
    assert (body["due_on"], body["credit_days_applied"], body["agreed_credit_days"]) == (
        "2026-01-16",
        15,
        None,
    )
    assert (
        body["bank_rate_pct"],
        body["bank_rate_effective_from"],
        body["bank_rate_is_default"],
    ) == (
        "5.50",
        "2025-12-05",
        True,
    )


@pytest.mark.parametrize(
    ("_case", "change", "field"),
    [
        ("paid before acceptance", ("paid_on=2025-06-30", "paid_on=2024-12-01"), "paid_on"),
        (
            "negative credit days",
            ("agreed_credit_days=30", "agreed_credit_days=-1"),
            "agreed_credit_days",
        ),
        (
            "credit days over 365",
            ("agreed_credit_days=30", "agreed_credit_days=400"),
            "agreed_credit_days",
        ),
        ("bank rate zero", ("bank_rate_pct=6.75", "bank_rate_pct=0"), "bank_rate_pct"),
        ("bank rate over 20", ("bank_rate_pct=6.75", "bank_rate_pct=25"), "bank_rate_pct"),
        ("principal zero", ("principal_inr=100000", "principal_inr=0"), "principal_inr"),
        ("principal not a number", ("principal_inr=100000", "principal_inr=lots"), "principal_inr"),
        ("principal NaN", ("principal_inr=100000", "principal_inr=NaN"), "principal_inr"),
        ("date not a date", ("paid_on=2025-06-30", "paid_on=30/06/2025"), "paid_on"),
        ("missing date", ("&paid_on=2025-06-30", ""), "paid_on"),
    ],
)
def test_interest_bad_input_is_422_naming_the_field(client, _case, change, field):
    response = client.get(f"{INTEREST_URL}?{WORKED_EXAMPLE.replace(*change)}")

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_failed"
    assert list(body["errors"]) == [field]


def test_agreed_days_beyond_45_are_capped(client):
    response = client.get(
        f"{INTEREST_URL}?{WORKED_EXAMPLE.replace('agreed_credit_days=30', 'agreed_credit_days=90')}"
    )

    body = response.json()
    assert (body["due_on"], body["credit_days_applied"], body["is_capped_at_45_days"]) == (
        "2025-02-15",
        45,
        True,
    )


def test_calendar_needs_a_login(client, unit):
    assert client.get(f"{CALENDAR_URL}?enterprise_id={unit.pk}").status_code == 401


@time_machine.travel(date(2026, 12, 1), tick=False)
def test_calendar_of_own_enterprise(client, entrepreneur, unit):
    save_profile(entrepreneur, unit, employees=25)
    client.force_login(entrepreneur)

    response = client.get(f"{CALENDAR_URL}?enterprise_id={unit.pk}&from=2026-12-01&to=2026-12-20")

    assert response.status_code == 200
    body = response.json()
    assert (body["from"], body["to"], body["is_prefilled"]) == ("2026-12-01", "2026-12-20", False)
    assert [(i["code"], i["due_on"]) for i in body["items"]] == [
        ("gstr1_monthly", "2026-12-11"),
        ("epf", "2026-12-15"),
        ("esi", "2026-12-15"),
        ("gstr3b_monthly", "2026-12-20"),
    ]
    assert body["items"][0]["period"] == "November 2026"
    assert body["items"][0]["source"].startswith("CGST Act 2017 s.37")


@time_machine.travel(date(2026, 12, 1), tick=False)
def test_calendar_without_a_profile_is_prefilled_from_the_registry(client, entrepreneur, unit):
    client.force_login(entrepreneur)

    body = client.get(f"{CALENDAR_URL}?enterprise_id={unit.pk}").json()

    assert body["is_prefilled"] is True
    assert (body["from"], body["to"]) == ("2026-12-01", "2027-03-31")
    # Pune proprietorship, ₹2 crore manufacturing turnover, 12 employees.
    assert {
        k: body["situation"][k]
        for k in ("is_gst_registered", "state_code", "employees", "is_company")
    } == {
        "is_gst_registered": True,
        "state_code": "MH",
        "employees": 12,
        "is_company": False,
    }
    assert not ComplianceProfile.objects.exists()


def test_calendar_out_of_scope_is_404(client, other_entrepreneur, unit):
    client.force_login(other_entrepreneur)

    assert client.get(f"{CALENDAR_URL}?enterprise_id={unit.pk}").status_code == 404
    assert client.get(f"{CALENDAR_URL}?enterprise_id=999999").status_code == 404
    assert client.get(f"{CALENDAR_URL}?enterprise_id=-1").status_code == 422  # not an id at all
    assert client.get(f"{ICS_URL}?enterprise_id={unit.pk}").status_code == 404


def test_calendar_bad_range_is_422(client, entrepreneur, unit):
    client.force_login(entrepreneur)

    backwards = client.get(f"{CALENDAR_URL}?enterprise_id={unit.pk}&from=2026-12-01&to=2026-11-01")
    too_long = client.get(f"{CALENDAR_URL}?enterprise_id={unit.pk}&from=2026-01-01&to=2030-01-01")

    assert (backwards.status_code, list(backwards.json()["errors"])) == (422, ["to"])
    assert (too_long.status_code, list(too_long.json()["errors"])) == (422, ["to"])


@time_machine.travel(date(2026, 12, 1), tick=False)
def test_calendar_ics(client, entrepreneur, unit):
    save_profile(entrepreneur, unit)
    client.force_login(entrepreneur)

    response = client.get(f"{ICS_URL}?enterprise_id={unit.pk}")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="compliance-{unit.pk}.ics"'
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert f"UID:gstr1_monthly-20261211-enterprise-{unit.pk}@champions\r\n" in text
    assert max(len(line.encode()) for line in text.split("\r\n")) <= 75
