"""The adapter's failure cases against the sandbox: nothing lost, nothing filed twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from champions.grievances.selectors import grievance_detail_get_for_user
from champions.samadhaan import services
from champions.samadhaan.models import Filing, FilingEvent, SandboxApplication
from champions.samadhaan.sandbox import SandboxSamadhaanClient

from .factories import delayed_payment_grievance, filed

pytestmark = pytest.mark.django_db


def _later():
    return timezone.now() + timedelta(days=2)


@pytest.fixture
def filing(spoke_officer, entrepreneur):
    return filed(spoke_officer, delayed_payment_grievance(entrepreneur))


def test_a_timeout_is_retried_and_then_filed(filing):
    client = SandboxSamadhaanClient(faults=["timeout"])
    report = services.filings_deliver_due(client=client)
    filing.refresh_from_db()
    assert (report.retried, filing.delivery, filing.attempts) == (1, "queued", 1)
    assert "timed out" in filing.last_error
    assert SandboxApplication.objects.count() == 0
    report = services.filings_deliver_due(client=client, now=_later())
    filing.refresh_from_db()
    assert (report.filed, filing.delivery, filing.attempts) == (1, "filed", 2)
    assert filing.reference.startswith("MSEFC/SBX/")


def test_an_answer_lost_after_filing_does_not_file_twice(filing):
    client = SandboxSamadhaanClient(faults=["lost_answer"])
    services.filings_deliver_due(client=client)
    assert SandboxApplication.objects.count() == 1  # the portal has it, we do not know yet
    services.filings_deliver_due(client=client, now=_later())
    filing.refresh_from_db()
    assert filing.delivery == "filed"
    assert SandboxApplication.objects.count() == 1
    assert filing.reference == SandboxApplication.objects.get().reference


def test_5xx_until_the_last_attempt_fails_it_and_a_replay_files_it(filing, settings):
    settings.SAMADHAAN_MAX_ATTEMPTS = 3
    client = SandboxSamadhaanClient(faults=["5xx", "429", "5xx"])
    for run in range(3):
        services.filings_deliver_due(client=client, now=timezone.now() + timedelta(days=run * 2))
    filing.refresh_from_db()
    assert (filing.delivery, filing.attempts) == ("failed", 3)
    assert services.filings_replay(filing_ids=[filing.pk]) == 1
    services.filings_deliver_due(client=client)
    filing.refresh_from_db()
    assert filing.delivery == "filed"
    assert SandboxApplication.objects.count() == 1


def test_a_rejection_fails_at_once_and_keeps_the_application(filing):
    report = services.filings_deliver_due(client=SandboxSamadhaanClient(faults=["400"]))
    filing.refresh_from_db()
    assert (report.failed, filing.delivery, filing.attempts) == (1, "failed", 1)
    assert "HTTP 400" in filing.last_error
    assert Filing.objects.count() == 1


def test_status_comes_back_into_the_owners_timeline_once_per_stage(filing, entrepreneur):
    client = SandboxSamadhaanClient()
    services.filings_deliver_due(client=client)
    for _ in range(4):  # council, hearing, award, then nothing more is asked
        services.filings_status_pull_due(client=client)
    filing.refresh_from_db()
    assert filing.remote_status == "award"
    assert filing.council == "MSEFC, Maharashtra (sandbox)"
    assert filing.award_inr == filing.principal_inr + filing.interest_inr
    assert list(FilingEvent.objects.values_list("status", flat=True)) == [
        "submitted",
        "council",
        "hearing",
        "award",
    ]
    detail = grievance_detail_get_for_user(user=entrepreneur, grievance_id=filing.grievance_id)
    bodies = [m.body for m in detail.messages]
    assert sum("MSME Samadhaan" in b for b in bodies) == 4
    assert any("award passed" in b for b in bodies)


def test_an_outage_during_the_pull_loses_nothing(filing):
    services.filings_deliver_due(client=SandboxSamadhaanClient())
    assert services.filings_status_pull_due(client=SandboxSamadhaanClient(faults=["5xx"])) == 0
    filing.refresh_from_db()
    assert filing.remote_status == "submitted"
    services.filings_status_pull_due(client=SandboxSamadhaanClient())
    filing.refresh_from_db()
    assert filing.remote_status == "council"
