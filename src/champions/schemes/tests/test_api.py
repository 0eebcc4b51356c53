import json
from datetime import date

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client

from champions.schemes.eligibility import evaluate
from champions.schemes.presenters import result_out
from champions.schemes.selectors import catalogue_entries

pytestmark = pytest.mark.django_db

URL = "/api/v1/schemes"
PROFILE = {
    "applicant_type": "individual",
    "age": 30,
    "enterprise_stage": "new",
    "sector": "services",
    "project_cost_inr": 800_000,
    "education": "12th_pass",
    "availed_govt_subsidy": False,
    "gender": "female",
    "social_category": "general",
    "location_type": "rural",
}


def test_list_and_filters_are_public(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(2):
        everything = client.get(URL).json()
    guarantees = client.get(URL, {"kind": "guarantee"}).json()
    women = client.get(URL, {"target_group": "women", "size": 100}).json()

    assert (everything["count"], everything["pages"]) == (25, 1)
    assert sorted(s["id"] for s in guarantees["items"]) == ["cgtmse", "mcgs_msme"]
    assert "pmegp" in {s["id"] for s in women["items"]}


def test_detail_and_404(client, catalogue):
    found = client.get(f"{URL}/pmegp")
    missing = client.get(f"{URL}/no-such-scheme")

    assert found.status_code == 200
    assert found.json()["entry"]["sources"][0]["url"].startswith("https://msme.gov.in")
    assert missing.status_code == 404


def test_eligibility_matches_the_engine(client, catalogue):
    response = client.post(
        f"{URL}/eligibility",
        {"profile": PROFILE, "on": "2025-06-01"},
        content_type="application/json",
    )

    results = evaluate(PROFILE, catalogue_entries(), date(2025, 6, 1))
    expected = json.loads(json.dumps([result_out(r) for r in results], cls=DjangoJSONEncoder))
    body = response.json()
    assert response.status_code == 200
    assert body["results"] == expected
    pmegp = next(r for r in body["results"] if r["scheme_id"] == "pmegp")
    assert (pmegp["status"], pmegp["benefit"]["amount_inr"]) == ("eligible", 280_000)


@pytest.mark.parametrize(
    ("_case", "profile", "field"),
    [
        ("age not a number", {"age": "old"}, "profile.age"),
        ("age negative", {"age": -1}, "profile.age"),
        ("unknown sector", {"sector": "farming"}, "profile.sector"),
        ("unknown fact", {"shoe_size": 9}, "profile.shoe_size"),
        (
            "exports above turnover",
            {"turnover_inr": 10, "export_turnover_inr": 11},
            "profile.export_turnover_inr",
        ),
    ],
)
def test_bad_input_is_422_per_field(client, catalogue, _case, profile, field):
    response = client.post(
        f"{URL}/eligibility", {"profile": profile}, content_type="application/json"
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]


def test_anonymous_cannot_read_an_enterprise(client, catalogue, enterprise):
    response = client.post(
        f"{URL}/eligibility", {"enterprise_id": enterprise.pk}, content_type="application/json"
    )

    assert response.status_code == 404


def test_session_post_needs_csrf(catalogue, entrepreneur):
    client = Client(enforce_csrf_checks=True)
    client.force_login(entrepreneur)

    response = client.post(f"{URL}/eligibility", {"profile": {}}, content_type="application/json")

    assert response.status_code == 403


def test_recommendations_in_and_out_of_scope(client, catalogue, enterprise, other_entrepreneur):
    client.force_login(enterprise.representatives.get())
    mine = client.get(f"{URL}/recommendations", {"enterprise_id": enterprise.pk})
    client.force_login(other_entrepreneur)
    theirs = client.get(f"{URL}/recommendations", {"enterprise_id": enterprise.pk})
    client.logout()
    anonymous = client.get(f"{URL}/recommendations", {"enterprise_id": enterprise.pk})

    eligible = [r["scheme_id"] for r in mine.json()["eligible"]]
    nearly = {r["scheme_id"]: r["missing_facts"] for r in mine.json()["nearly_eligible"]}
    assert (mine.status_code, theirs.status_code, anonymous.status_code) == (200, 404, 401)
    assert {"msme_champions_zed", "public_procurement_policy", "pms"} <= set(eligible)
    assert nearly["cgtmse"] == ["loan_amount_inr"]
    assert "pmegp" not in eligible


def test_finance_for_an_enterprise(client, catalogue, enterprise):
    client.force_login(enterprise.representatives.get())

    response = client.get(
        f"{URL}/finance", {"enterprise_id": enterprise.pk, "loan_amount_inr": 1_000_000}
    )

    cgtmse = next(o for o in response.json() if o["result"]["scheme_id"] == "cgtmse")
    assert cgtmse["result"]["status"] == "eligible"
    assert cgtmse["result"]["benefit"]["amount_inr"] == 900_000  # women-owned: 90%
    assert "Udyam registration certificate" in cgtmse["documents"]
