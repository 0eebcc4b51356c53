import pytest
from django.urls import reverse

from champions.schemes.models import SchemeVersion

pytestmark = pytest.mark.django_db


def test_list_detail_and_filters(client, catalogue):
    page = client.get(reverse("web:schemes:list"), {"kind": "guarantee"})
    detail = client.get(reverse("web:schemes:detail", args=["cgtmse"]))

    assert page.status_code == 200
    assert [s.slug for s in page.context["page"].object_list] == ["cgtmse", "mcgs_msme"]
    assert detail.status_code == 200
    assert detail.context["versions"] is None
    assert "To be verified:" in detail.content.decode()


def test_hindi_detail(client, catalogue):
    client.cookies["django_language"] = "hi"

    response = client.get(reverse("web:schemes:detail", args=["pmegp"]), HTTP_ACCEPT_LANGUAGE="hi")

    assert "प्रधानमंत्री रोज़गार सृजन कार्यक्रम" in response.content.decode()


def test_versions_for_officers_and_editing_for_the_hub(
    client, catalogue, spoke_officer, administrator
):
    client.force_login(spoke_officer)
    seen = client.get(reverse("web:schemes:detail", args=["pms"]))
    refused = client.get(reverse("web:schemes:edit", args=["pms"]))
    client.force_login(administrator)
    form = client.get(reverse("web:schemes:edit", args=["pms"])).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update(short_name="PMS 2022", summary="New short name")
    saved = client.post(reverse("web:schemes:edit", args=["pms"]), data)

    assert len(seen.context["versions"]) == 1
    assert refused.status_code == 404
    assert saved.status_code == 302
    assert SchemeVersion.objects.get(scheme__slug="pms", number=2).summary == "New short name"


def _drive_questionnaire(client, answers: dict) -> dict:
    """Answer every question the page asks from `answers`, skipping the others."""
    given = {}
    url = reverse("web:schemes:check")
    for _step in range(60):
        response = client.get(url)
        if response.status_code == 302:
            return given
        fact = response.context["fact"].name
        if fact in answers:
            value = answers[fact]
            posted = (
                {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value
            )
            client.post(url, {"fact": fact, "answer": posted, "action": "answer"})
            given[fact] = value
        else:
            client.post(url, {"fact": fact, "action": "skip"})
    raise AssertionError("the questionnaire did not end")


def test_questionnaire_gives_the_same_answers_as_the_api(client, catalogue):
    answers = {
        "applicant_type": "individual",
        "enterprise_stage": "new",
        "udyam_registered": False,
        "sector": "manufacturing",
        "age": 34,
        "gender": "male",
        "social_category": "st",
        "education": "10th_pass",
        "project_cost_inr": 1_500_000,
        "availed_govt_subsidy": False,
        "location_type": "rural",
        "first_generation": True,
        "state": "AS",
    }

    given = _drive_questionnaire(client, answers)
    page = client.get(reverse("web:schemes:check_results"))
    api = client.post(
        "/api/v1/schemes/eligibility", {"profile": given}, content_type="application/json"
    ).json()

    from_page = {r.scheme_id: (r.status, list(r.reasons)) for r in page.context["results"]}
    from_api = {r["scheme_id"]: (r["status"], r["reasons"]) for r in api["results"]}
    assert from_page == from_api
    assert from_page["pmegp"][0] == "eligible"
    assert from_page["budget2025_first_time_entrepreneurs"][0] == "eligible"


def test_questionnaire_errors_back_and_restart(client, catalogue):
    url = reverse("web:schemes:check")
    bad = client.post(url, {"fact": "age", "answer": "abc", "action": "answer"})
    client.post(url, {"fact": "applicant_type", "answer": "individual", "action": "answer"})
    client.post(url, {"action": "back"})
    state_after_back = client.session["schemes_check"]
    client.post(reverse("web:schemes:check_restart"))

    assert bad.status_code == 422
    # the error is shown and tied to the input that caused it
    html = bad.content.decode()
    assert '<ul class="field-error" id="id_answer_error"><li>Enter a whole number.</li>' in html
    assert 'aria-invalid="true" aria-describedby="id_answer_error" id="id_answer"' in html
    assert state_after_back["answers"] == {}
    assert "schemes_check" not in client.session


def test_recommendations_page_and_scope(client, catalogue, enterprise, other_entrepreneur):
    url = reverse("web:schemes:recommendations", args=[enterprise.pk])
    client.force_login(enterprise.representatives.get())
    mine = client.get(url)
    client.force_login(other_entrepreneur)
    theirs = client.get(url)

    assert mine.status_code == 200
    assert theirs.status_code == 404


def test_finance_page(client, catalogue, enterprise):
    client.force_login(enterprise.representatives.get())

    response = client.get(
        reverse("web:schemes:finance"), {"enterprise": enterprise.pk, "loan_amount_inr": 400_000}
    )

    cgtmse = next(o for o in response.context["options"] if o.result.scheme_id == "cgtmse")
    assert cgtmse.result.benefit.amount_inr == 360_000
