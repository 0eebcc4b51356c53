"""Eligibility checks are counted anonymously for the MIS dashboard: the day, the state and
sector answered and the schemes matched; nothing of the person or the other answers."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.schemes.models import EligibilityCheckCount
from champions.schemes.selectors import eligibility_check_stats
from champions.schemes.tests.test_api import PROFILE

pytestmark = pytest.mark.django_db
URL = "/api/v1/schemes/eligibility"


def _check(client, **extra) -> dict:
    profile = {**PROFILE, "state": "AS", **extra}
    response = client.post(URL, {"profile": profile}, content_type="application/json")
    assert response.status_code == 200
    return response.json()


def test_an_api_check_is_counted_with_its_matched_schemes(client, catalogue):
    body = _check(client)
    _check(client, state="MH")
    matched = {r["scheme_id"] for r in body["results"] if r["status"] == "eligible"}

    stats = eligibility_check_stats(since=timezone.localdate() - timedelta(days=6))
    assam = eligibility_check_stats(since=timezone.localdate(), state="AS")

    assert "pmegp" in matched
    assert stats.checks == 2
    assert dict(stats.states) == {"AS": 1, "MH": 1}
    assert assam.checks == 1
    assert dict(stats.schemes)["Prime Minister's Employment Generation Programme (PMEGP)"] == 2
    assert sorted({row.scheme_id for row in EligibilityCheckCount.objects.all()}) == sorted(
        {"", *matched}
    )


def test_the_count_keeps_no_answer_but_state_and_sector(client, catalogue):
    _check(client)

    kept = {
        (field.name, str(value))
        for row in EligibilityCheckCount.objects.all()
        for field, value in ((f, getattr(row, f.attname)) for f in row._meta.fields)
    }

    stored = " ".join(value for _name, value in kept)
    assert {name for name, _v in kept} == {"id", "day", "state", "sector", "scheme_id", "count"}
    assert ("sector", "services") in kept
    for answer in ("female", "rural", "800000", "12th_pass", "individual"):
        assert answer not in stored


def test_the_questionnaire_counts_once_per_set_of_answers(client, catalogue):
    session = client.session
    session["schemes_check"] = {"answers": {**PROFILE, "state": "AS"}, "skipped": [], "history": []}
    session.save()
    page = reverse("web:schemes:check_results")

    client.get(page)
    client.get(page)  # a reload

    assert eligibility_check_stats(since=timezone.localdate()).checks == 1
