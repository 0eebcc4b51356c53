"""Compliance web pages: the hub, the calculator (full page and htmx), the Samadhaan referral,
the confirmed one-click grievance, and an enterprise's calendar."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from champions.compliance.models import ComplianceProfile
from champions.grievances.models import Grievance

from .factories import pune_enterprise, save_profile

pytestmark = pytest.mark.django_db

HUB_URL = reverse("web:compliance:hub")
CALCULATOR_URL = reverse("web:compliance:delayed_payment")
SAMADHAAN_URL = reverse("web:compliance:samadhaan_referral")
GRIEVANCE_URL = reverse("web:compliance:delayed_payment_grievance")
FACTS = (
    "principal_inr=100000&invoice_accepted_on=2025-01-01&agreed_credit_days=30"
    "&paid_on=2025-06-30&bank_rate_pct=6.75&buyer_name=Bharat+Heavy+Engineering+Ltd"
    "&buyer_type=central_psu&invoice_number=INV-42&invoice_date=2024-12-28"
)


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def _calendar_url(enterprise) -> str:
    return reverse("web:compliance:calendar", args=[enterprise.pk])


def test_hub_is_open_to_everyone(client):
    response = client.get(HUB_URL)

    assert response.status_code == 200
    assert CALCULATOR_URL in response.content.decode()


def test_hub_lists_the_users_enterprises(client, entrepreneur, unit):
    client.force_login(entrepreneur)

    assert _calendar_url(unit) in client.get(HUB_URL).content.decode()


def test_calculator_shows_the_result_formula_and_next_steps(client):
    response = client.get(f"{CALCULATOR_URL}?{FACTS}")

    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["result"].interest_inr == Decimal("8727.11")
    assert "₹8,727.11" in page
    assert "(1 + r/12)^n" in page
    assert f"{SAMADHAAN_URL}?" in page
    assert f"{GRIEVANCE_URL}?" in page  # the buyer is a central PSU


def test_calculator_for_a_private_buyer_offers_no_grievance(client):
    response = client.get(f"{CALCULATOR_URL}?{FACTS.replace('central_psu', 'private')}")

    page = response.content.decode()
    assert f"{SAMADHAAN_URL}?" in page
    assert GRIEVANCE_URL not in page


def test_calculator_needs_only_the_payment_facts(client):
    response = client.get(
        f"{CALCULATOR_URL}?principal_inr=100000&invoice_accepted_on=2025-01-01&paid_on=2025-07-15"
    )

    assert response.context["form"].errors == {}
    assert response.context["result"].due_on == date(2025, 1, 16)


def test_calculator_in_hindi(client):
    client.cookies["django_language"] = "hi"

    response = client.get(f"{CALCULATOR_URL}?{FACTS}")

    page = response.content.decode()
    assert "विलंबित भुगतान ब्याज कैलकुलेटर" in page
    assert "ब्याज = P x (1 + r/12)^n" in page
    assert "₹8,727.11" in page


def test_calculator_htmx_answers_the_partial(client):
    response = client.get(f"{CALCULATOR_URL}?{FACTS}", headers={"HX-Request": "true"})

    page = response.content.decode()
    assert page.startswith('<div id="calculator">')
    assert "<html" not in page


def test_calculator_errors_are_tied_to_their_fields(client):
    bad = FACTS.replace("paid_on=2025-06-30", "paid_on=2024-06-30").replace(
        "agreed_credit_days=30", "agreed_credit_days=400"
    )

    response = client.get(f"{CALCULATOR_URL}?{bad}")

    form = response.context["form"]
    assert response.context["result"] is None
    assert set(form.errors) == {"paid_on", "agreed_credit_days"}
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert 'id="id_paid_on_error"' in page
    assert 'aria-describedby="id_paid_on_helptext id_paid_on_error"' in page


def test_samadhaan_referral_is_filled_in(client):
    response = client.get(f"{SAMADHAAN_URL}?{FACTS}")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Bharat Heavy Engineering Ltd" in page
    assert "INV-42" in page
    assert "₹8,727.11" in page
    assert "https://samadhaan.msme.gov.in" in page


def test_samadhaan_referral_with_bad_facts_goes_back_to_the_calculator(client):
    response = client.get(f"{SAMADHAAN_URL}?principal_inr=0")

    assert response.status_code == 302
    assert response["Location"] == f"{CALCULATOR_URL}?principal_inr=0"


def test_grievance_page_needs_a_login(client):
    response = client.get(f"{GRIEVANCE_URL}?{FACTS}")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_grievance_page_is_for_entrepreneurs_only(client, spoke_officer):
    client.force_login(spoke_officer)

    assert client.get(f"{GRIEVANCE_URL}?{FACTS}").status_code == 404


def test_grievance_is_confirmed_first_then_lodged_once(client, entrepreneur, unit):
    client.force_login(entrepreneur)

    confirm = client.get(f"{GRIEVANCE_URL}?{FACTS}")
    assert confirm.status_code == 200
    assert not Grievance.objects.exists()  # showing the confirmation lodges nothing
    token = confirm.context["confirm_form"]["token"].value()

    posted = {"enterprise": unit.pk, "token": token}
    first = client.post(f"{GRIEVANCE_URL}?{FACTS}", posted)
    second = client.post(f"{GRIEVANCE_URL}?{FACTS}", posted)  # a double click

    grievance = Grievance.objects.get()
    acknowledgement = reverse("web:grievances:acknowledgement", args=[grievance.pk])
    assert (first.status_code, first["Location"]) == (302, acknowledgement)
    assert (second.status_code, second["Location"]) == (302, acknowledgement)
    assert grievance.category == "delayed_payment"
    assert "Bharat Heavy Engineering Ltd" in grievance.description
    assert "₹8,727.11" in grievance.description


def test_grievance_for_a_private_buyer_goes_back_to_the_calculator(client, entrepreneur, unit):
    client.force_login(entrepreneur)
    facts = FACTS.replace("central_psu", "private")

    response = client.post(f"{GRIEVANCE_URL}?{facts}", {"enterprise": unit.pk, "token": "t"})

    assert response.status_code == 302
    assert not Grievance.objects.exists()


def test_grievance_for_another_enterprise_is_refused(client, entrepreneur, other_entrepreneur):
    others = pune_enterprise(other_entrepreneur)
    pune_enterprise(entrepreneur, udyam_number="UDYAM-MH-26-0099999", name="Own unit")
    client.force_login(entrepreneur)

    response = client.post(f"{GRIEVANCE_URL}?{FACTS}", {"enterprise": others.pk, "token": "t"})

    assert response.status_code == 200
    assert "enterprise" in response.context["confirm_form"].errors
    assert not Grievance.objects.exists()


@time_machine.travel(date(2026, 12, 1), tick=False)
def test_calendar_page_shows_due_dates_and_the_ics_link(client, entrepreneur, unit):
    client.force_login(entrepreneur)

    response = client.get(_calendar_url(unit))

    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["page"].is_prefilled
    assert "GSTR-1: outward supplies (monthly)" in page
    assert reverse("web:compliance:calendar_ics", args=[unit.pk]) in page


def test_calendar_page_out_of_scope_is_404(client, other_entrepreneur, unit):
    client.force_login(other_entrepreneur)

    assert client.get(_calendar_url(unit)).status_code == 404
    assert client.post(_calendar_url(unit), {"turnover_inr": 1}).status_code == 404
    assert client.get(reverse("web:compliance:calendar_ics", args=[unit.pk])).status_code == 404
    assert not ComplianceProfile.objects.exists()


def _situation_post(**overrides) -> dict:
    data = {
        "is_gst_registered": "on",
        "gst_filing": "quarterly",
        "turnover_inr": "20000000",
        "state_code": "MH",
        "employees": "25",
        "pays_advance_tax": "on",
        "reminders_enabled": "on",
        "remind_days_before": "5",
    }
    data.update(overrides)
    return data


def test_calendar_page_saves_the_situation(client, entrepreneur, unit):
    client.force_login(entrepreneur)

    response = client.post(_calendar_url(unit), _situation_post())

    assert (response.status_code, response["Location"]) == (302, _calendar_url(unit))
    profile = ComplianceProfile.objects.get(enterprise=unit)
    assert (profile.gst_filing, profile.employees, profile.remind_days_before) == (
        "quarterly",
        25,
        5,
    )


def test_calendar_page_shows_service_errors_on_the_field(client, entrepreneur, unit):
    client.force_login(entrepreneur)

    response = client.post(_calendar_url(unit), _situation_post(turnover_inr="60000000"))

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["gst_filing"]
    assert not ComplianceProfile.objects.exists()


def test_leadership_reads_the_calendar_but_cannot_save(client, leadership, unit):
    client.force_login(leadership)

    assert client.get(_calendar_url(unit)).status_code == 200
    assert client.post(_calendar_url(unit), _situation_post()).status_code == 403
    assert not ComplianceProfile.objects.exists()


def test_calendar_ics_download(client, entrepreneur, unit):
    save_profile(entrepreneur, unit)
    client.force_login(entrepreneur)

    response = client.get(reverse("web:compliance:calendar_ics", args=[unit.pk]))

    assert response.status_code == 200
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")
