"""Systemic issues: the periodic job clusters similar grievances across MSMEs and counts them
per week; the hub's page shows each cluster's growth."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from champions.accounts.services import user_create
from champions.grievances.services import GrievanceInput, grievance_lodge
from champions.grievances.triage_link.predictions import grievance_embed
from champions.insights.models import SystemicCluster, SystemicClusterWeek
from champions.insights.services import systemic_clusters_refresh
from champions.registry.services import enterprise_create
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db

IST = ZoneInfo("Asia/Kolkata")
NOW = datetime(2026, 3, 18, 11, 0, tzinfo=IST)  # a Wednesday
POWER_CUTS = [
    (
        "Power cuts every day in the industrial area",
        "Our factory in the MIDC industrial area has eight hours of power cuts every day; "
        "machines stand idle and orders are delayed.",
    ),
    (
        "Daily power cuts in MIDC stop our machines",
        "In the MIDC industrial estate the electricity goes off for many hours daily and our "
        "production stops. Please restore regular power supply.",
    ),
    (
        "औद्योगिक क्षेत्र में रोज़ बिजली कटौती",
        "हमारे एमआईडीसी औद्योगिक क्षेत्र में हर दिन आठ घंटे बिजली कटौती होती है, मशीनें बंद "
        "रहती हैं और उत्पादन रुक जाता है।",
    ),
]
OTHERS = [
    ("GST refund pending", "Our GST refund for export of goods has been pending for a year."),
    ("Udyam NIC code wrong", "The Udyam certificate shows trading instead of manufacturing."),
    ("Loan rejected", "The bank rejected our Mudra loan without giving any reason."),
]


def _msme(number: int):
    owner = user_create(
        email=f"owner{number}@example.com", password="pw-Secret-2026", role="entrepreneur"
    )
    unit = enterprise_create(
        data=enterprise_input(
            udyam_number=f"UDYAM-MH-26-{number:07d}", name=f"Unit {number} Engineering"
        ),
        actor=owner,
    )
    return owner, unit


def _lodge(owner, unit, subject: str, description: str, *, when: datetime):
    with time_machine.travel(when, tick=False):
        grievance = grievance_lodge(
            actor=owner,
            data=GrievanceInput(subject=subject, description=description, enterprise_id=unit.pk),
        ).grievance
    grievance_embed(grievance_id=grievance.pk)
    return grievance


@pytest.fixture
def lodged(triage_models):
    """Three MSMEs report power cuts (one two weeks ago, two this week); three others
    write about unrelated matters."""
    weeks_ago = [2, 0, 0]
    power = []
    for number, ((subject, text), back) in enumerate(zip(POWER_CUTS, weeks_ago, strict=True), 1):
        owner, unit = _msme(number)
        when = NOW.replace(day=NOW.day - 7 * back)
        power.append(_lodge(owner, unit, subject, text, when=when))
    for number, (subject, text) in enumerate(OTHERS, 10):
        owner, unit = _msme(number)
        _lodge(owner, unit, subject, text, when=NOW)
    return power


def test_the_job_groups_similar_grievances_across_msmes(lodged):
    # when
    clusters = systemic_clusters_refresh(now=NOW)

    # then
    assert len(clusters) == 1
    cluster = SystemicCluster.objects.get()
    assert cluster.size == 3
    assert cluster.msme_count == 3
    assert {m.grievance_id for m in cluster.members.all()} == {g.pk for g in lodged}
    assert cluster.label
    weeks = list(SystemicClusterWeek.objects.filter(cluster=cluster).order_by("week_start"))
    assert len(weeks) == 12
    assert weeks[-1].week_start == date(2026, 3, 16)
    assert [w.count for w in weeks[-3:]] == [1, 0, 2]
    assert sum(w.count for w in weeks) == 3


def test_running_twice_gives_the_same_clusters(lodged):
    systemic_clusters_refresh(now=NOW)
    systemic_clusters_refresh(now=NOW)

    assert SystemicCluster.objects.count() == 1
    assert SystemicClusterWeek.objects.count() == 12


def test_one_msme_repeating_itself_is_not_systemic(triage_models):
    owner, unit = _msme(1)
    for subject, text in POWER_CUTS:
        _lodge(owner, unit, subject, text, when=NOW)

    assert systemic_clusters_refresh(now=NOW) == []
    assert not SystemicCluster.objects.exists()


def test_the_page_shows_growth_and_members_to_the_hub(lodged, client, hub_officer):
    systemic_clusters_refresh(now=NOW)
    client.force_login(hub_officer)

    html = client.get(reverse("web:insights:systemic")).content.decode()

    assert "3 grievances from 3 MSMEs" in html
    assert "this week: +2" in html
    for grievance in lodged:
        assert reverse("web:grievances:detail", args=[grievance.pk]) in html
    assert "<svg" in html
    assert "<table" in html


def test_analysts_see_the_clusters_but_no_grievance(lodged, client, analyst):
    systemic_clusters_refresh(now=NOW)
    client.force_login(analyst)

    html = client.get(reverse("web:insights:systemic")).content.decode()

    assert "3 grievances from 3 MSMEs" in html
    assert "/grievances/" not in html.split("<main", 1)[1]


def test_an_empty_page(client, hub_officer, django_assert_max_num_queries):
    client.force_login(hub_officer)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("web:insights:systemic"))

    assert "No systemic issue found" in response.content.decode()
