"""The MIS dashboard: who sees it, what it counts, a spoke officer's own room only, a fixed
number of queries whatever the number of grievances, the live partial and the exports."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext
from openpyxl import load_workbook

from champions.accounts.models import User
from champions.accounts.services import user_create
from champions.core.models import District, State
from champions.grievances.services import grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.insights.formats import indian_number
from champions.insights.models import ALL, BacklogRollup
from champions.insights.services import rollups_catch_up_all, weekly_summary_send
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db
URL = reverse("web:insights:dashboard")


def _count(n: int = 1) -> None:
    rollups_catch_up_all(settle=timedelta(0))


@pytest.fixture
def delhi_unit(other_entrepreneur):
    state = State.objects.get(udyam_code="DL")
    district = District.objects.filter(state=state).order_by("pk").first()
    data = enterprise_input(
        udyam_number="UDYAM-DL-01-0000001", state_id=state.pk, district_id=district.pk,
        pincode="110001",
    )  # fmt: skip
    return enterprise_create(data=data, actor=other_entrepreneur)


@pytest.fixture
def lodged(entrepreneur, other_entrepreneur, delhi_unit, spoke_officer):
    """Three grievances in Maharashtra (one routed) and one in Delhi, counted."""
    unit = pune_enterprise(entrepreneur)
    first = lodge(entrepreneur, unit)
    lodge(entrepreneur, unit, category="taxation")
    lodge(entrepreneur, unit, category="taxation")
    lodge(other_entrepreneur, delhi_unit)
    grievance_transition(grievance_id=first.pk, action="assign", actor=spoke_officer)
    _count()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("entrepreneur", 404),
        ("other_spoke_officer", 200),
        ("spoke_officer", 200),
        ("hub_officer", 200),
        ("leadership", 200),
        ("analyst", 200),
        ("administrator", 200),
    ],
)
def test_who_may_see_the_dashboard(client, request, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == status


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_hub_sees_the_country_and_a_state_drill_down(client, hub_officer, lodged):
    client.force_login(hub_officer)

    everything = client.get(URL).context
    maharashtra = client.get(URL, {"state": "MH"}).context

    assert everything["backlog"].open == 4
    assert maharashtra["backlog"].open == 3
    assert everything["headline"][0].metric == "lodged"
    assert everything["headline"][0].windows["today"].current == 4
    tiles = {tile.code: tile for tile in everything["map"]["tiles"]}
    assert (tiles["MH"].open, tiles["DL"].open, tiles["KL"].open) == (3, 1, 0)
    assert maharashtra["map"]["selected"] == "MH"
    categories = {value: n for value, _label, n in maharashtra["categories"]}
    assert (categories["taxation"], categories["delayed_payment"]) == (2, 1)


def test_a_spoke_officer_sees_only_its_room_whatever_it_asks(
    client, spoke_officer, other_spoke_officer, lodged
):
    client.force_login(other_spoke_officer)  # the Delhi room

    page = client.get(URL, {"room": spoke_officer.control_room_id, "state": "MH"})

    assert page.context["filters"].room_id == other_spoke_officer.control_room_id
    assert page.context["backlog"].open == 1
    assert [row.room_id for row in page.context["rooms"]] == [other_spoke_officer.control_room_id]
    assert b'name="room"' not in page.content


def test_leadership_is_offered_no_write_action(client, leadership, lodged):
    client.force_login(leadership)

    page = client.get(URL).content.decode()
    main = page[page.index("<main") : page.index("</main>")]

    assert "<form" in main  # the filters
    assert 'method="post"' not in main.lower()
    assert "hx-post" not in main  # (the chat panel outside <main> asks, it changes nothing)


def test_the_page_runs_the_same_queries_for_2_or_41_grievances(client, hub_officer, entrepreneur):
    unit = pune_enterprise(entrepreneur)
    lodge(entrepreneur, unit)
    _count()
    client.force_login(hub_officer)
    client.get(URL)  # warm the per-process caches (room list, state units)
    lodge(entrepreneur, unit)
    _count()  # the rollups changed: the next read computes its figures (insights/figures.py)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for _ in range(39):
        lodge(entrepreneur, unit)
    _count()
    with CaptureQueriesContext(connection) as many:
        client.get(URL)

    assert len(many.captured_queries) == len(few.captured_queries)


def test_htmx_polls_for_the_panels_alone(client, hub_officer, lodged):
    client.force_login(hub_officer)

    full = client.get(URL, {"category": "taxation"}).content.decode()
    partial = client.get(URL, {"category": "taxation"}, HTTP_HX_REQUEST="true").content.decode()

    assert 'hx-trigger="every 30s"' in full
    assert "category=taxation" in full
    assert partial.lstrip().startswith('<div id="insights-panels"')
    assert "<html" not in partial


def test_a_table_exports_as_csv_and_xlsx(client, hub_officer, lodged):
    client.force_login(hub_officer)
    csv_url = reverse("web:insights:export", args=["categories", "csv"])
    xlsx_url = reverse("web:insights:export", args=["categories", "xlsx"])

    rows = list(csv.reader(io.StringIO(client.get(csv_url).content.decode())))
    book = load_workbook(io.BytesIO(client.get(xlsx_url).content))

    assert rows[0] == ["Category", "Grievances"]
    assert rows[1:3] == [["Delayed payment", "2"], ["Taxation (GST, income tax)", "2"]]
    sheet = book.active
    assert [cell.value for cell in sheet[3]] == ["Taxation (GST, income tax)", 2]
    assert client.get(reverse("web:insights:export", args=["nothing", "csv"])).status_code == 404


def test_numbers_are_grouped_the_indian_way():
    assert indian_number(12345678) == "1,23,45,678"
    assert indian_number(100000) == "1,00,000"
    assert indian_number(999) == "999"
    assert indian_number(-1234567) == "-12,34,567"
    assert indian_number(1234.5) == "1,234.5"


def test_the_weekly_summary_goes_to_leadership_once_a_week(leadership, hub_officer, lodged):
    cache.clear()
    first = weekly_summary_send()
    second = weekly_summary_send()

    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [leadership.email]
    html, mime = message.alternatives[0]
    assert mime == "text/html"
    assert "<strong>4</strong>" in html  # open now


def test_each_leader_gets_the_summary_in_their_language_with_indian_numbers(
    leadership, hub_officer, lodged
):
    cache.clear()
    hindi_reader = user_create(
        email="sachiv@example.com", password="pw-Secret-2026", role="leadership"
    )
    User.objects.filter(pk=hindi_reader.pk).update(preferred_language="hi")
    national = BacklogRollup.objects.filter(category=ALL, channel=ALL, language=ALL)
    national.filter(pk=national.order_by("pk").first().pk).update(
        count=F("count") + 1234566
    )  # 12,34,570 open in all

    assert weekly_summary_send() == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    english, hindi = by_address[leadership.email], by_address[hindi_reader.email]
    english_html, hindi_html = english.alternatives[0][0], hindi.alternatives[0][0]

    assert '<html lang="en">' in english_html
    assert '<html lang="hi">' in hindi_html
    assert '<th scope="row">Lodged</th>' in english_html
    with translation.override("hi"):
        lodged_in_hindi = pgettext("grievances counted", "Lodged")
    assert lodged_in_hindi.startswith("दर्ज")
    assert f'<th scope="row">{lodged_in_hindi}</th>' in hindi_html
    assert "<strong>12,34,570</strong>" in english_html
    assert "<strong>12,34,570</strong>" in hindi_html
    assert hindi.subject != english.subject
    assert "lodged:" not in hindi.body
