"""The queue's search and saved views (one FilterSet for the page and the API list)."""

import pytest
from django.utils import timezone, translation

from champions.grievances.models import Grievance
from champions.grievances.services import grievance_assign_to
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(entrepreneur, spoke_officer):
    unit = pune_enterprise(entrepreneur)
    mine = lodge(entrepreneur, unit, subject="Power cuts every day")
    grievance_assign_to(grievance_id=mine.pk, assignee_id=spoke_officer.pk, actor=spoke_officer)
    loose = lodge(entrepreneur, unit, subject="Loan refused by the bank")
    late = lodge(entrepreneur, unit, subject="Unpaid invoice")
    Grievance.objects.filter(pk=late.pk).update(
        resolution_due_at=timezone.now() - timezone.timedelta(days=1)
    )
    Grievance.objects.filter(pk=loose.pk).update(
        resolution_due_at=timezone.now() + timezone.timedelta(days=1)
    )
    return {"mine": mine, "loose": loose, "late": late}


def _numbers(response) -> set[str]:
    return {g.registration_number for g in response.context["page"].items}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"view": "mine"}, {"mine"}),
        ({"view": "unassigned"}, {"loose", "late"}),
        ({"view": "due_soon"}, {"loose"}),
        ({"view": "overdue"}, {"late"}),
        ({"view": "awaiting_owner"}, set()),
        ({"q": "bank"}, {"loose"}),
        ({"q": "deccan"}, {"mine", "loose", "late"}),  # the enterprise's name
    ],
)
def test_saved_views_and_search_on_the_page(client, spoke_officer, three, query, expected):
    client.force_login(spoke_officer)

    response = client.get("/grievances/queue/", query)

    assert response.status_code == 200
    assert _numbers(response) == {three[name].registration_number for name in expected}


def test_search_by_registration_number(client, spoke_officer, three):
    client.force_login(spoke_officer)
    number = three["late"].registration_number

    response = client.get("/grievances/queue/", {"q": number.lower()})

    assert _numbers(response) == {number}


def test_the_api_list_has_the_saved_views(client, spoke_officer, three):
    client.force_login(spoke_officer)

    body = client.get("/api/v1/grievances", {"view": "mine"}).json()

    assert [g["id"] for g in body["items"]] == [three["mine"].pk]


def test_the_queue_shows_when_each_is_due_and_stacks_as_cards(client, spoke_officer, three):
    client.force_login(spoke_officer)

    html = client.get("/grievances/queue/").content.decode()

    assert 'class="data-table stack-cards"' in html
    assert 'data-label="Due in"' in html
    assert 'accesskey="s"' in html


def test_every_row_card_is_labelled_with_the_translated_column_names(client, spoke_officer, three):
    # The column names are translated once and reused by the header and each row's data-label.
    client.force_login(spoke_officer)
    client.cookies["django_language"] = "hi"

    with translation.override("en"):  # undoes the middleware's activation afterwards
        html = client.get("/grievances/queue/").content.decode()

    assert html.count('data-label="पंजीकरण संख्या"') == 3
    assert html.count('data-label="देय होने में"') == 3
    assert '<th scope="col">पंजीकरण संख्या</th>' in html
    assert 'data-label="Due in"' not in html
