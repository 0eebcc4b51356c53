"""API rate limits: public tracking per client and per number, triage per client and per user,
wrong bearer tokens per client; each refusal is 429 with Retry-After in the API's error shape."""

import pytest
from django.core.cache import cache
from django.test import Client

from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db

TRACK = "/api/v1/grievances/track"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _rates(settings, **rates):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, **rates}


def test_tracking_is_throttled_per_client_with_429_and_retry_after(settings):
    _rates(settings, track="3/m", track_number="100/m")
    client = Client()

    statuses = [
        client.get(TRACK, {"number": f"CHMP/2026/MH/000000{n}", "contact": "x@example.com"})
        for n in range(4)
    ]

    assert [r.status_code for r in statuses] == [404, 404, 404, 429]
    assert statuses[-1].json() == {"detail": "Too many requests.", "code": "throttled"}
    assert statuses[-1]["Retry-After"] == "60"


def test_guessing_the_contact_of_one_number_is_throttled_across_addresses(settings, entrepreneur):
    _rates(settings, track="100/m", track_number="2/m")
    settings.NINJA_NUM_PROXIES = 0
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    number = grievance.registration_number

    answers = [
        Client(REMOTE_ADDR=f"192.0.2.{n}").get(TRACK, {"number": number, "contact": f"{n}@x.in"})
        for n in range(3)
    ]
    right_contact_too_late = Client(REMOTE_ADDR="192.0.2.99").get(
        TRACK, {"number": number, "contact": entrepreneur.email}
    )

    assert [a.status_code for a in answers] == [404, 404, 429]
    assert right_contact_too_late.status_code == 429


def test_triage_is_throttled_per_user(settings, entrepreneur, triage_models):
    _rates(settings, triage_user="2/m", triage_client="100/m")
    client = Client()
    client.force_login(entrepreneur)

    statuses = [
        client.post("/api/v1/triage", {"text": "Buyer has not paid"}, "application/json")
        for _ in range(3)
    ]

    assert [s.status_code for s in statuses] == [200, 200, 429]


def test_wrong_bearer_tokens_are_throttled_per_client(settings, entrepreneur):
    _rates(settings, token_guess="3/m")
    client = Client()

    statuses = [
        client.get("/api/v1/grievances", headers={"Authorization": f"Bearer guess-{n}"})
        for n in range(4)
    ]

    assert [s.status_code for s in statuses] == [401, 401, 401, 429]
    assert statuses[-1].json()["code"] == "throttled"
    assert int(statuses[-1]["Retry-After"]) > 0
