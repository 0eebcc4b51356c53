"""Each result says whether its rules rest on an official or a secondary source, with the links;
the questionnaire asks the state second, so state-level rules and benefits can be settled."""

import pytest
from django.urls import reverse

from champions.schemes.catalogue import load_scheme_files
from champions.schemes.eligibility import OFFICIAL, SECONDARY, next_question, source_basis

SCHEMES = {s["id"]: s for s in load_scheme_files()}


def test_an_unflagged_entry_with_a_government_source_is_official():
    basis, links = source_basis(SCHEMES["ner_sikkim"])

    assert basis == OFFICIAL
    assert links[0].url == "https://msme.gov.in/promotion-msmes-ner-and-sikkim"
    assert [link.official for link in links] == [True, True, False]


def test_an_entry_marked_to_verify_is_secondary_even_with_a_government_source():
    basis, links = source_basis(SCHEMES["pmegp"])

    assert SCHEMES["pmegp"]["needs_verification"] is True
    assert basis == SECONDARY
    assert links[0].official is True


def test_an_entry_citing_no_government_site_is_secondary():
    basis, links = source_basis(SCHEMES["ramp"])

    assert basis == SECONDARY
    assert {link.official for link in links} == {False}


def test_official_and_secondary_across_the_catalogue():
    bases = {sid: source_basis(s)[0] for sid, s in SCHEMES.items()}

    assert sorted(sid for sid, b in bases.items() if b == OFFICIAL) == [
        "ic_scheme",  # myscheme.gov.in
        "interest_subvention_2018",
        "msme_champions_lean",
        "ner_sikkim",
        "public_procurement_policy",  # an MSME-DI site (msmedikarnal.gov.in)
        "tool_rooms_tc",
    ]
    assert len(bases) == 25


def test_the_state_is_asked_right_after_who_applies():
    assert next_question([], opening=("applicant_type", "state")) == "applicant_type"
    assert next_question([], answered=["applicant_type"], opening=("applicant_type", "state")) == (
        "state"
    )
    assert next_question([], skipped=["state"], answered=["applicant_type"]) is None


@pytest.mark.django_db
def test_the_questionnaire_asks_the_state_second(client, catalogue):
    url = reverse("web:schemes:check")
    client.post(url, {"fact": "applicant_type", "answer": "individual", "action": "answer"})

    response = client.get(url)

    assert response.context["fact"].name == "state"
    assert "Question 2 of" in response.text


@pytest.mark.django_db
def test_results_show_the_source_basis_with_links(client, catalogue):
    url = reverse("web:schemes:check")
    client.post(url, {"fact": "applicant_type", "answer": "state_govt_agency", "action": "answer"})
    client.post(url, {"fact": "state", "answer": "AS", "action": "answer"})

    response = client.get(reverse("web:schemes:check_results"))

    ner = next(r for r in response.context["results"] if r.scheme_id == "ner_sikkim")
    assert ner.status == "eligible"
    assert ner.source_basis == OFFICIAL
    assert "Official source" in response.text
    assert "Secondary source" in response.text
    assert 'href="https://msme.gov.in/promotion-msmes-ner-and-sikkim"' in response.text


@pytest.mark.django_db
def test_the_api_gives_the_source_basis(client, catalogue):
    response = client.post(
        "/api/v1/schemes/eligibility",
        {"profile": {"applicant_type": "state_govt_agency", "state": "AS"}},
        content_type="application/json",
    )

    ner = next(r for r in response.json()["results"] if r["scheme_id"] == "ner_sikkim")
    assert response.status_code == 200
    assert ner["source_basis"] == "official"
    assert ner["sources"][0] == {
        "title": "MoMSME scheme page: NER & Sikkim",
        "url": "https://msme.gov.in/promotion-msmes-ner-and-sikkim",
        "official": True,
    }
