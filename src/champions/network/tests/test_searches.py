"""Market intelligence from searches: counted anonymously per code, country and side, through
the page and the API only; small counts never shown, on the page or in the CSV."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.accounts.services import api_token_create
from champions.network import searches
from champions.network.matching import MatchQuery
from champions.network.models import SearchTally

pytestmark = pytest.mark.django_db


def _tallies() -> set[tuple]:
    return set(SearchTally.objects.values_list("code", "country", "side", "searches"))


def test_a_search_counts_its_codes_per_country_and_side():
    query = MatchQuery(
        kind="business_request", hs_codes=("520524",), nic_codes=("14101",), countries=("DE", "IN")
    )
    assert searches.search_record(query=query) == 4
    searches.search_record(query=MatchQuery(kind="business_offer", hs_codes=("5205",)))
    searches.search_record(query=MatchQuery(hs_codes=("520511",), countries=("DE",)))
    assert _tallies() == {
        ("hs:5205", "DE", "sought", 2),
        ("hs:5205", "IN", "sought", 1),
        ("nic:1410", "DE", "sought", 1),
        ("nic:1410", "IN", "sought", 1),
        ("hs:5205", "", "offered", 1),
    }


def test_codes_read_from_the_words_are_counted():
    assert "hs:5205" in searches.search_codes(MatchQuery(text="हमें सूती धागा चाहिए"))


def test_counts_below_the_threshold_are_hidden_and_old_days_left_out():
    today = timezone.localdate()
    SearchTally.objects.create(day=today, code="hs:5205", country="", side="sought", searches=3)
    SearchTally.objects.create(
        day=today - timedelta(days=1), code="hs:5205", country="", side="sought", searches=2
    )
    SearchTally.objects.create(day=today, code="hs:6109", country="DE", side="sought", searches=4)
    SearchTally.objects.create(
        day=today - timedelta(days=200), code="hs:6109", country="DE", side="sought", searches=9
    )
    summary = searches.searches_summary(days=90)
    assert [(r.label, r.country, r.searches) for r in summary.rows] == [("HS 5205", "", 5)]
    assert summary.rows[0].name.lower().startswith("cotton yarn")
    assert summary.hidden == 1
    assert searches.searches_csv_rows(summary)[1][:2] == ["hs", "5205"]


def test_page_and_api_searches_are_counted_and_shown_from_five(client, entrepreneur):
    client.force_login(entrepreneur)
    for _ in range(4):
        client.get(reverse("web:network:match"), {"hs_codes": "520524", "kind": "business_request"})
    token = api_token_create(user=entrepreneur, name="t").key
    response = client.post(
        "/api/v1/network/match",
        {"hs_codes": ["520524"], "kind": "business_request"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200
    assert _tallies() == {("hs:5205", "", "sought", 5)}
    page = client.get(reverse("web:network:market"))
    assert "HS 5205" in page.text
    assert "<td>5</td>" in page.text
    csv_text = client.get(reverse("web:network:market"), {"format": "csv", "table": "searches"})
    assert csv_text["Content-Disposition"] == 'attachment; filename="network-searches.csv"'
    assert csv_text.text.splitlines()[1].startswith("hs,5205,")
    assert csv_text.text.splitlines()[1].endswith(",,sought,5")


def test_a_refused_search_is_not_counted(client, entrepreneur):
    client.force_login(entrepreneur)
    page = client.get(reverse("web:network:match"), {"hs_codes": "12"})
    assert page.status_code == 200
    assert SearchTally.objects.count() == 0


def test_demo_searches_fill_the_page_once():
    from champions.network.demo_searches import searches_demo_load

    assert searches_demo_load() == 66
    assert searches_demo_load() == 0
    summary = searches.searches_summary(days=90)
    assert [(r.label, r.country, r.searches) for r in summary.rows][:2] == [
        ("HS 5205", "IN", 23),
        ("HS 6109", "", 12),
    ]
    assert len(summary.rows) == 6
    assert summary.hidden == 1
