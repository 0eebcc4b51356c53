"""The Samadhaan API: filings seen through their grievances; "check now" needs the officer."""

import pytest

from champions.accounts.services import api_token_create

from .factories import delayed_payment_grievance, filed

pytestmark = pytest.mark.django_db
FILINGS = "/api/v1/samadhaan/filings"


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='t').key}"}


def test_list_and_detail_scoped_to_the_grievances_seen(
    client, entrepreneur, spoke_officer, other_spoke_officer
):
    filing = filed(spoke_officer, delayed_payment_grievance(entrepreneur))
    page = client.get(FILINGS, **bearer(spoke_officer)).json()
    assert [f["id"] for f in page["items"]] == [filing.pk]
    assert page["items"][0]["buyer_name"] == "Sahyadri Auto Ltd"
    owner = client.get(f"{FILINGS}/{filing.pk}", **bearer(entrepreneur))
    assert (owner.status_code, owner.json()["delivery"]) == (200, filing.delivery)
    assert client.get(FILINGS, **bearer(other_spoke_officer)).json()["items"] == []
    assert client.get(f"{FILINGS}/{filing.pk}", **bearer(other_spoke_officer)).status_code == 404
    assert client.get(FILINGS).status_code == 401


def test_bad_paging_is_per_field(client, spoke_officer):
    response = client.get(FILINGS, {"size": 0, "after": -1}, **bearer(spoke_officer))
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"size", "after"}


def test_check_now_sends_and_reads_status_for_the_officer_only(
    client, entrepreneur, spoke_officer, leadership
):
    filing = filed(spoke_officer, delayed_payment_grievance(entrepreneur))
    # officers' work: for the MSME it does not exist; leadership sees it but only reads
    assert client.post(f"{FILINGS}/{filing.pk}/refresh", **bearer(entrepreneur)).status_code == 404
    assert client.post(f"{FILINGS}/{filing.pk}/refresh", **bearer(leadership)).status_code == 403
    done = client.post(f"{FILINGS}/{filing.pk}/refresh", **bearer(spoke_officer))
    assert done.status_code == 200
    assert done.json()["reference"] != ""
