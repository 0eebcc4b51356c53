"""HttpSamadhaanClient against a local fake of the contract in docs/SAMADHAAN.md: filing (with
its idempotency key), status, a 4xx (rejected, not retried), 5xx/429 (retried) and a timeout."""

from datetime import date
from decimal import Decimal

import pytest

from champions.samadhaan.client import (
    ApplicationStatus,
    HttpSamadhaanClient,
    SamadhaanRejected,
    SamadhaanUnavailable,
)

FILE = "/api/applications"


def client(service, timeout=2.0):
    return HttpSamadhaanClient(base_url=service.base_url, token="t0ken", timeout=timeout)


def test_filing_sends_the_payload_and_key_and_returns_the_reference(fake_service):
    fake_service.answer("POST", FILE, 201, {"reference": "MSEFC/MH/2026/0001"})
    reference = client(fake_service).application_file(
        payload={"buyer": "Acme PSU", "invoices": []}, idempotency_key="filing-7"
    )
    assert reference == "MSEFC/MH/2026/0001"
    seen = fake_service.requests[0]
    assert (seen.method, seen.body) == ("POST", {"buyer": "Acme PSU", "invoices": []})
    assert seen.headers["Idempotency-Key"] == "filing-7"
    assert seen.headers["Authorization"] == "Bearer t0ken"


def test_status_is_read(fake_service):
    fake_service.answer(
        "GET",
        "/api/applications/MSEFC%2FMH%2F2026%2F0001",
        200,
        {
            "status": "awarded",
            "council": "MSEFC Pune",
            "hearing_on": "2027-01-15",
            "award_inr": "812345.00",
        },
    )
    status = client(fake_service).application_status(reference="MSEFC/MH/2026/0001")
    assert status == ApplicationStatus(
        "awarded", "MSEFC Pune", date(2027, 1, 15), Decimal("812345.00")
    )


@pytest.mark.parametrize("status", [400, 409, 422])
def test_a_4xx_is_rejected_and_not_retryable(fake_service, status):
    fake_service.answer("POST", FILE, status, {"detail": "bad invoice"})
    with pytest.raises(SamadhaanRejected, match="bad invoice") as caught:
        client(fake_service).application_file(payload={}, idempotency_key="k")
    assert caught.value.retryable is False


@pytest.mark.parametrize("status", [429, 500, 503])
def test_5xx_and_429_are_retryable(fake_service, status):
    fake_service.answer("POST", FILE, status, {"detail": "busy"})
    with pytest.raises(SamadhaanUnavailable) as caught:
        client(fake_service).application_file(payload={}, idempotency_key="k")
    assert caught.value.retryable is True


def test_a_slow_reply_is_a_retryable_timeout(fake_service):
    fake_service.answer("POST", FILE, 201, {"reference": "late"}, delay=1.0)
    with pytest.raises(SamadhaanUnavailable):
        client(fake_service, timeout=0.2).application_file(payload={}, idempotency_key="k")


def test_an_answer_without_a_reference_is_retryable(fake_service):
    fake_service.answer("POST", FILE, 201, {"ok": True})
    with pytest.raises(SamadhaanUnavailable):
        client(fake_service).application_file(payload={}, idempotency_key="k")
