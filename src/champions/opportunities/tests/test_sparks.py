"""The sparks score: explainable, weights published and summing to 100, and blind to the
owner's gender and social category; officers only; shortlist and hand-holding actions."""

import pytest
from django.urls import reverse
from django.utils import translation

from champions.opportunities import selectors, services
from champions.opportunities.errors import PermissionDenied
from champions.opportunities.models import HandHoldingAction
from champions.opportunities.sparks import COMPONENTS, SparkFacts, spark_score
from champions.registry.services import enterprise_create, enterprise_update
from champions.registry.tests.factories import enterprise_input

pytestmark = pytest.mark.django_db


def _electronics(actor, number: str, **overrides):
    return enterprise_create(
        data=enterprise_input(udyam_number=number, nic_codes=["26101"], **overrides), actor=actor
    )


def test_weights_sum_to_100_and_every_component_is_explained():
    score = spark_score(
        SparkFacts(
            turnover_history=(10_000_000, 60_000_000),
            category_history=("micro", "small"),
            turnover_inr=60_000_000,
            export_turnover_inr=15_000_000,
            employees=99,
            certificates=("zed",),
            scheme_benefits=2,
            cluster_activity=2,
            network_activity=3,
            matched=2,
            answered=2,
            grievances_lodged=1,
            grievances_resolved=1,
        )
    )
    assert sum(c.weight for c in COMPONENTS) == 100
    assert [c.component.key for c in score.components] == [c.key for c in COMPONENTS]
    assert score.total == 100.0
    assert score.components[0].evidence == "₹10,000,000 → ₹60,000,000 (+500%)"


def test_score_does_not_depend_on_gender_or_social_category(hub_officer):
    women_sc = _electronics(
        hub_officer, "UDYAM-MH-26-0000001", owner_gender="female", owner_social_category="sc"
    )
    men_general = _electronics(
        hub_officer, "UDYAM-MH-26-0000002", owner_gender="male", owner_social_category="general"
    )
    facts = selectors.facts_for([women_sc, men_general])
    assert facts[women_sc.pk] == facts[men_general.pk]
    first, second = spark_score(facts[women_sc.pk]), spark_score(facts[men_general.pk])
    assert first == second
    assert "owner_gender" not in SparkFacts.__dataclass_fields__
    assert "owner_social_category" not in SparkFacts.__dataclass_fields__


def test_growth_between_category_changes_counts(hub_officer):
    unit = _electronics(hub_officer, "UDYAM-MH-26-0000003", turnover_inr=20_000_000)
    enterprise_update(
        enterprise_id=unit.pk,
        actor=hub_officer,
        data=enterprise_input(
            udyam_number="UDYAM-MH-26-0000003",
            nic_codes=["26101"],
            turnover_inr=300_000_000,
            investment_inr=60_000_000,
        ),
    )
    found = selectors.sparks_list(user=hub_officer, sector="electronics")
    [row] = found.rows
    growth = row.score.components[0]
    assert growth.value == 1.0
    assert row.score.components[1].evidence == "micro → small"


def test_sparks_list_filters_sector_and_state_and_sums_fairness(hub_officer):
    _electronics(hub_officer, "UDYAM-MH-26-0000004")
    enterprise_create(
        data=enterprise_input(udyam_number="UDYAM-MH-26-0000005", nic_codes=["10101"]),
        actor=hub_officer,
    )
    found = selectors.sparks_list(user=hub_officer, sector="electronics", state_code="MH")
    assert [r.enterprise.udyam_number for r in found.rows] == ["UDYAM-MH-26-0000004"]
    assert [(g.label, g.count) for g in found.by_state] == [("Maharashtra", 1)]
    assert [(g.label, g.count) for g in found.by_women] == [("Women-owned", 1)]
    assert selectors.sparks_list(user=hub_officer, sector="electronics", state_code="KR").rows == []


def test_only_officers_see_sparks(client, entrepreneur, analyst, hub_officer):
    with pytest.raises(PermissionDenied):
        selectors.sparks_list(user=entrepreneur)
    url = reverse("web:opportunities:sparks")
    assert client.get(url).status_code == 302
    client.force_login(analyst)
    assert client.get(url).status_code == 403
    client.force_login(hub_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert "used to offer help, never to refuse it" in response.text


def test_sparks_page_names_states_in_hindi_and_units_as_names(client, hub_officer):
    """The walk in Hindi found the state filter and the state column in English."""
    _electronics(hub_officer, "UDYAM-MH-26-0000004", name="Pune Circuits")
    client.force_login(hub_officer)
    client.cookies["django_language"] = "hi"
    with translation.override("en"):  # undoes the middleware's activation afterwards
        page = client.get(reverse("web:opportunities:sparks") + "?sector=electronics").text
    assert '<option value="MH">महाराष्ट्र</option>' in page
    assert "<td>महाराष्ट्र</td>" in page
    assert '<span translate="no">Pune Circuits</span>' in page
    assert ">Maharashtra<" not in page


def test_sparks_page_query_count_is_flat(client, hub_officer, django_assert_max_num_queries):
    for n in range(6):
        _electronics(hub_officer, f"UDYAM-MH-26-00001{n:02d}")
    client.force_login(hub_officer)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("web:opportunities:sparks") + "?sector=electronics")
    assert response.text.count("/sparks/") >= 6


def test_shortlist_and_action_recorded_and_wrong_role_changes_nothing(
    client, hub_officer, entrepreneur
):
    unit = _electronics(hub_officer, "UDYAM-MH-26-0000006")
    url = reverse("web:opportunities:spark_detail", args=[unit.pk])
    client.force_login(entrepreneur)
    assert (
        client.post(url, {"form": "action", "action-kind": "call", "action-note": "x"}).status_code
        == 403
    )
    assert HandHoldingAction.objects.count() == 0
    client.force_login(hub_officer)
    client.post(reverse("web:opportunities:spark_shortlist", args=[unit.pk]), {"on": "1"})
    response = client.post(
        url, {"form": "action", "action-kind": "visit", "action-note": "Visited; ZED next"}
    )
    assert response.status_code == 302
    assert list(HandHoldingAction.objects.values_list("kind", "note")) == [
        ("visit", "Visited; ZED next")
    ]
    assert selectors.sparks_list(user=hub_officer, shortlist_only=True).rows[0].enterprise == unit
    services.fact_record(
        actor=hub_officer, enterprise_id=unit.pk, kind="zed", detail="ZED Silver", source="ZED-123"
    )
    detail = selectors.spark_detail(user=hub_officer, enterprise_id=unit.pk)
    assert detail.score.components[4].value == 1.0


def test_network_activity_counts_the_units_partnership_posts(hub_officer):
    from champions.network.models import Post
    from champions.network.tests.factories import ProfileFactory

    unit = _electronics(hub_officer, "UDYAM-MH-26-0000007")
    quiet = _electronics(hub_officer, "UDYAM-MH-26-0000008")
    profile = ProfileFactory(kind="indian", country="IN", name=unit.name, enterprise=unit)
    for n in range(2):
        Post.objects.create(
            profile=profile, kind="business_offer", title=f"PCBs {n}", text="PCB assembly"
        )
    facts = selectors.facts_for([unit, quiet])
    assert (facts[unit.pk].network_activity, facts[quiet.pk].network_activity) == (2, 0)
    network = spark_score(facts[unit.pk]).components[7]
    assert (network.component.key, network.value, network.evidence) == ("network", 0.667, "2")
