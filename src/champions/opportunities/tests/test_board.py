"""The board: post from the page, a unit responds, the poster shortlists and closes; who may."""

import pytest
from django.test import modify_settings
from django.urls import reverse

from champions.clusters.tests.factories import unit
from champions.opportunities.models import Opportunity, OpportunityResponse
from champions.opportunities.services import ResponseInput, opportunity_respond

from .factories import drive_input, posted_drive

pytestmark = pytest.mark.django_db


def test_officer_posts_from_the_page(client, hub_officer):
    client.force_login(hub_officer)
    data = drive_input().__dict__ | {
        "hs_codes": "630790 621010",
        "nic_codes": "",
        "states": ["MH", "GJ"],
    }
    response = client.post(reverse("web:opportunities:create"), data)
    created = Opportunity.objects.get()
    assert response.status_code == 302
    assert (created.hs_codes, created.states, created.matching_available) == (
        ["630790", "621010"],
        ["MH", "GJ"],
        True,
    )
    page = client.get(reverse("web:opportunities:detail", args=[created.pk])).text
    assert "No unit matched." in page


def test_without_the_network_app_matching_is_not_available(client, hub_officer):
    with modify_settings(INSTALLED_APPS={"remove": ["champions.network"]}):
        drive = posted_drive(hub_officer)
        client.force_login(hub_officer)
        page = client.get(reverse("web:opportunities:detail", args=[drive.pk])).text
        api = client.get(f"/api/v1/opportunities/{drive.pk}/matches").json()
    assert drive.matching_available is False
    assert "Matching not available" in page
    assert api == {"matching_available": False, "results": []}


def test_page_shows_field_errors(client, hub_officer):
    client.force_login(hub_officer)
    data = drive_input().__dict__ | {"hs_codes": "12345", "nic_codes": "", "states": []}
    response = client.post(reverse("web:opportunities:create"), data)
    assert response.status_code == 400
    assert "HS codes have 2, 4 or 6 digits" in response.text
    assert Opportunity.objects.count() == 0


def test_respond_shortlist_close(client, hub_officer, entrepreneur, other_entrepreneur):
    drive = posted_drive(hub_officer)
    enterprise = unit(entrepreneur)
    client.force_login(entrepreneur)
    respond = reverse("web:opportunities:respond", args=[drive.pk])
    data = {
        "respond-enterprise": enterprise.pk,
        "respond-quantity": "50,000 a week",
        "respond-price_min_inr": 2,
        "respond-price_max_inr": 3,
    }
    assert client.post(respond, data).status_code == 302
    answer = OpportunityResponse.objects.get()
    shortlist = reverse("web:opportunities:response_shortlist", args=[answer.pk])
    assert client.post(shortlist, {"on": "1"}).status_code == 404  # not the poster: hidden
    client.force_login(other_entrepreneur)
    assert (
        "50,000 a week" not in client.get(reverse("web:opportunities:detail", args=[drive.pk])).text
    )
    client.force_login(hub_officer)
    client.post(shortlist, {"on": "1"})
    close = reverse("web:opportunities:close", args=[drive.pk])
    client.post(close, {"close-outcome": "awarded", "close-note": "Orders to 1 unit"})
    answer.refresh_from_db()
    drive.refresh_from_db()
    assert (answer.is_shortlisted, drive.status, drive.outcome) == (True, "closed", "awarded")
    client.force_login(entrepreneur)
    assert client.post(respond, data).status_code == 400  # closed


def test_board_lists_open_opportunities_in_few_queries(
    client, hub_officer, entrepreneur, django_assert_max_num_queries
):
    for n in range(5):
        posted_drive(hub_officer, title=f"Drive {n}")
    client.force_login(entrepreneur)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("web:opportunities:board"))
    assert response.text.count("Drive ") == 5


def test_a_missing_answer_and_one_not_yours_answer_alike(client, hub_officer, entrepreneur):
    """Ids cannot be probed: an answer that does not exist and one of another poster's
    opportunity both answer 404 (a missing one answered 422 before)."""
    drive = posted_drive(hub_officer)
    answer = opportunity_respond(
        actor=entrepreneur,
        opportunity_id=drive.pk,
        data=ResponseInput(
            enterprise_id=unit(entrepreneur).pk, quantity="100", price_min_inr=2, price_max_inr=3
        ),
    )
    client.force_login(entrepreneur)

    for response_id in (answer.pk, answer.pk + 1000):
        url = reverse("web:opportunities:response_shortlist", args=[response_id])
        assert client.post(url, {"on": "1"}).status_code == 404
