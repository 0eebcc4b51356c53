import pytest
from django.urls import reverse

from champions.samadhaan.models import Filing

from .factories import delayed_payment_grievance, filed

pytestmark = pytest.mark.django_db


def _form(token="t-1", **overrides):  # noqa: S107 - a form token
    values = {
        "token": token,
        "buyer_name": "Sahyadri Auto Ltd",
        "buyer_type": "private",
        "number_1": "INV-42",
        "amount_1": "800000",
        "accepted_on_1": "2026-03-05",
        "credit_days_1": "30",
    }
    values.update(overrides)
    return values


def test_officer_files_from_the_grievance_and_sees_the_status_come_back(
    client, spoke_officer, entrepreneur
):
    grievance = delayed_payment_grievance(entrepreneur)
    client.force_login(spoke_officer)
    url = reverse("web:samadhaan:file", args=[grievance.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _form())
    assert response.status_code == 302
    assert client.post(url, _form()).status_code == 302  # the same form twice: one filing
    filing = Filing.objects.get()
    refresh = reverse("web:samadhaan:refresh", args=[filing.pk])
    assert client.post(refresh).status_code == 302  # sends it, then asks: "council"
    page = client.get(reverse("web:samadhaan:detail", args=[filing.pk])).content.decode()
    filing.refresh_from_db()
    assert filing.reference in page
    assert "Taken up by the Facilitation Council" in page


def test_bad_input_is_a_400_with_the_field_named(client, spoke_officer, entrepreneur):
    grievance = delayed_payment_grievance(entrepreneur)
    client.force_login(spoke_officer)
    url = reverse("web:samadhaan:file", args=[grievance.pk])
    response = client.post(url, _form(accepted_on_1="2005-01-01"))
    assert response.status_code == 400
    assert "The MSMED Act applies to supplies accepted from 2 October 2006." in (
        response.content.decode()
    )
    assert Filing.objects.count() == 0


def test_owner_reads_the_filing_overseers_cannot_change_it(
    client, spoke_officer, entrepreneur, leadership, other_spoke_officer
):
    filing = filed(spoke_officer, delayed_payment_grievance(entrepreneur))
    detail = reverse("web:samadhaan:detail", args=[filing.pk])
    client.force_login(entrepreneur)
    page = client.get(detail)
    assert page.status_code == 200
    assert "Check the status now" not in page.content.decode()
    # an officers' action: for the owner it does not exist
    assert client.post(reverse("web:samadhaan:refresh", args=[filing.pk])).status_code == 404
    client.force_login(leadership)
    assert client.get(reverse("web:samadhaan:list")).status_code == 200
    assert client.post(reverse("web:samadhaan:refresh", args=[filing.pk])).status_code == 403
    client.force_login(other_spoke_officer)
    assert client.get(detail).status_code == 404
    filing.refresh_from_db()
    assert filing.delivery == "queued"


def test_list_query_count_is_flat(
    client, spoke_officer, entrepreneur, django_assert_max_num_queries
):
    grievance = delayed_payment_grievance(entrepreneur)
    for n in range(5):
        filed(spoke_officer, grievance, token=f"form-{n}")
    client.force_login(spoke_officer)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("web:samadhaan:list")).status_code == 200
