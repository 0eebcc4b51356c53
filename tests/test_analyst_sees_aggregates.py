"""The analyst reads aggregates: the insights pages and their exports show counts and trends,
never a grievance's names, texts or contact details, and the grievances themselves stay shut."""

import pytest

from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.insights.exports import TABLES
from champions.insights.rollups import rollups_rebuild

pytestmark = pytest.mark.django_db

PERSONAL = ("Zubeda Qureshi", "zubeda.q@example.com", "9822044455", "Kiln subsidy withheld")


@pytest.fixture
def grievance(entrepreneur):
    unit = pune_enterprise(entrepreneur)
    lodged = lodge(
        entrepreneur,
        unit,
        subject=PERSONAL[3],
        description="The kiln subsidy was withheld; call Zubeda Qureshi on 9822044455.",
        contact_name=PERSONAL[0],
        contact_email=PERSONAL[1],
        contact_phone=PERSONAL[2],
    )
    rollups_rebuild()
    return lodged


@pytest.mark.parametrize("url", ["/insights/", "/insights/ai/", "/insights/systemic/"])
def test_the_insights_pages_show_the_analyst_no_personal_detail(url, client, analyst, grievance):
    client.force_login(analyst)

    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    for detail in PERSONAL:
        assert detail not in html
    assert grievance.registration_number not in html


def test_the_dashboard_counts_the_grievance_for_the_analyst(client, analyst, grievance):
    client.force_login(analyst)

    rows = client.get("/insights/export/categories.csv").content.decode().splitlines()

    # the one grievance is counted in its category, and that is all the analyst learns of it
    counted = [row.strip() for row in rows[1:] if not row.strip().endswith(",0")]
    assert counted == ["Delayed payment,1"]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_export_is_aggregate_only(table, client, analyst, grievance):
    client.force_login(analyst)

    response = client.get(f"/insights/export/{table}.csv")

    assert response.status_code == 200
    for detail in PERSONAL:
        assert detail not in response.content.decode()


def test_the_grievances_themselves_stay_shut_to_the_analyst(client, analyst, grievance):
    client.force_login(analyst)

    page = client.get(f"/grievances/{grievance.pk}/")
    api = client.get(f"/api/v1/grievances/{grievance.pk}")
    queue = client.get("/grievances/queue/")

    assert (page.status_code, api.status_code) == (404, 404)
    assert queue.status_code in {403, 404}
