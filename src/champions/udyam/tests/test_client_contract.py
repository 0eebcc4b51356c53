"""HttpUdyamClient against a local fake of the contract in docs/UDYAM.md: success, 404 (no
such number), another 4xx, 5xx and a reply slower than the timeout."""

import pytest

from champions.udyam.client import HttpUdyamClient, UdyamRecord, UdyamUnavailable

NUMBER = "UDYAM-MH-26-0012345"
PATH = f"/api/registrations/{NUMBER}"


def client(service, timeout=2.0):
    return HttpUdyamClient(base_url=service.base_url, token="t0ken", timeout=timeout)


def test_a_registration_is_read_with_the_bearer_token(fake_service):
    fake_service.answer("GET", PATH, 200, {"name": "Deccan Precision Tools", "category": "Micro"})
    record = client(fake_service).lookup(udyam_number=NUMBER)
    assert record == UdyamRecord(NUMBER, "Deccan Precision Tools", "micro")
    seen = fake_service.requests[0]
    assert (seen.method, seen.path, seen.headers["Authorization"]) == ("GET", PATH, "Bearer t0ken")


def test_404_means_no_such_registration(fake_service):
    fake_service.answer("GET", PATH, 404, {"detail": "not found"})
    assert client(fake_service).lookup(udyam_number=NUMBER) is None


@pytest.mark.parametrize("status", [400, 401, 429, 500, 503])
def test_other_errors_leave_the_check_for_later(fake_service, status):
    fake_service.answer("GET", PATH, status, {"detail": "no"})
    with pytest.raises(UdyamUnavailable, match=f"HTTP {status}"):
        client(fake_service).lookup(udyam_number=NUMBER)


def test_a_slow_reply_is_a_timeout(fake_service):
    fake_service.answer("GET", PATH, 200, {"name": "x", "category": "micro"}, delay=1.0)
    with pytest.raises(UdyamUnavailable):
        client(fake_service, timeout=0.2).lookup(udyam_number=NUMBER)


def test_a_body_that_is_not_json_is_unavailable(fake_service):
    fake_service.answer("GET", PATH, 200, "<html>maintenance</html>")
    with pytest.raises(UdyamUnavailable):
        client(fake_service).lookup(udyam_number=NUMBER)
