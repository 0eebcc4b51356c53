"""CPGRAMS both ways, against the sandbox: the number our push is given is stored and shown;
status changes, remarks and closures made on CPGRAMS reach the timeline once, in order, and a
closure there closes the grievance here (the later change winning a conflict). Lost,
duplicated and out-of-order updates are covered."""

import json
import urllib.request
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from champions.grievances.models import Grievance, TimelineEntry
from champions.grievances.services import grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.integrations import outbox
from champions.integrations.cpgrams.client import CpgramsUnavailable, HttpCpgramsClient
from champions.integrations.cpgrams.updates import cpgrams_updates_pull
from champions.integrations.models import OutboxMessage, RemoteUpdate, SyncCursor

pytestmark = pytest.mark.django_db


def _client() -> HttpCpgramsClient:
    return HttpCpgramsClient.from_settings()


def _pushed(owner) -> Grievance:
    """A grievance lodged here and acknowledged by CPGRAMS."""
    grievance = lodge(owner, pune_enterprise(owner))
    outbox.outbox_deliver_due(client=_client())
    grievance.refresh_from_db()
    return grievance


def _cpgrams_officer(server, number: str, **update) -> dict:
    """What an officer does on the CPGRAMS side (the sandbox's control endpoint)."""
    request = urllib.request.Request(  # noqa: S310 - the local sandbox
        server.url.replace("/api/v1", "") + "/sandbox/remote-update",
        data=json.dumps({"registration_number": number, **update}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        return json.loads(response.read())


def _pull():
    return cpgrams_updates_pull(client=_client()).counts


def test_the_acknowledged_number_is_stored_once_and_shown(sandbox, client, entrepreneur):
    grievance = _pushed(entrepreneur)

    number = sandbox.store.dump()["records"][0]["registration_number"]
    assert grievance.cpgrams_number == number
    assert grievance.timeline.filter(action="cpgrams_registered").count() == 1
    # shown to the owner, in the page and the API (and so in the OpenAPI schema)
    client.force_login(entrepreneur)
    assert number in client.get(f"/grievances/{grievance.pk}/").content.decode()
    assert client.get(f"/api/v1/grievances/{grievance.pk}").json()["cpgrams_number"] == number
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert "cpgrams_number" in schema["GrievanceOut"]["properties"]


def test_a_closure_on_cpgrams_closes_here_with_its_remark_and_tells_the_owner(
    sandbox, entrepreneur, spoke_officer, django_capture_on_commit_callbacks
):
    grievance = _pushed(entrepreneur)
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    _cpgrams_officer(sandbox, grievance.cpgrams_number, status="closed", remarks="Paid by PSU.")

    with django_capture_on_commit_callbacks(execute=True):
        counts = _pull()

    assert counts == {"closed": 1}
    grievance.refresh_from_db()
    assert (grievance.status, grievance.closed_at is not None) == ("closed", True)
    closing = grievance.timeline.get(action="close")
    assert (closing.from_status, closing.to_status) == ("assigned", "closed")
    assert "Paid by PSU." in closing.text
    assert any("owner@example.com" in m.to for m in mail.outbox)


def test_remarks_and_other_statuses_are_recorded_not_applied(sandbox, entrepreneur):
    grievance = _pushed(entrepreneur)
    _cpgrams_officer(sandbox, grievance.cpgrams_number, status="under_process", remarks="Seen.")

    assert _pull() == {"recorded": 1}

    grievance.refresh_from_db()
    assert grievance.status == "submitted"
    assert "Seen." in grievance.timeline.get(action="cpgrams_remark").text


def test_a_duplicated_update_is_applied_once(sandbox, entrepreneur):
    grievance = _pushed(entrepreneur)
    _cpgrams_officer(sandbox, grievance.cpgrams_number, status="under_process", remarks="Seen.")
    assert _pull() == {"recorded": 1}

    # the same event again: the cursor is lost (a restore, a crash before it was saved)
    SyncCursor.objects.filter(name="cpgrams-updates").update(value="")
    assert _pull() == {"duplicate": 1}

    assert RemoteUpdate.objects.count() == 1
    assert grievance.timeline.filter(action="cpgrams_remark").count() == 1


def test_an_out_of_order_update_does_not_undo_a_later_one(sandbox, entrepreneur):
    grievance = _pushed(entrepreneur)
    now = timezone.now()
    # CPGRAMS closed it at `now`, but an older "under process" from an hour before reaches
    # the feed after the closure
    _cpgrams_officer(
        sandbox,
        grievance.cpgrams_number,
        status="closed",
        remarks="Done.",
        changed_at=now.isoformat(),
    )
    _cpgrams_officer(
        sandbox,
        grievance.cpgrams_number,
        status="reopened",
        remarks="Earlier note.",
        changed_at=(now - timedelta(hours=1)).isoformat(),
    )

    assert _pull() == {"closed": 1, "stale": 1}

    grievance.refresh_from_db()
    assert grievance.status == "closed"
    assert "Earlier note." in grievance.timeline.get(action="cpgrams_remark").text


def test_updates_lost_to_an_outage_are_pulled_on_the_next_run(sandbox, entrepreneur, settings):
    grievance = _pushed(entrepreneur)
    for n in range(3):
        _cpgrams_officer(sandbox, grievance.cpgrams_number, status="under_process", remarks=f"R{n}")
    with sandbox.faults_lock:
        sandbox.faults.fail_next = 1  # CPGRAMS is down for this run

    with pytest.raises(CpgramsUnavailable):
        _pull()
    assert RemoteUpdate.objects.count() == 0

    assert _pull() == {"recorded": 3}
    notes = [e.text for e in grievance.timeline.filter(action="cpgrams_remark").order_by("id")]
    assert [n.split("Remarks: ")[1] for n in notes] == ["R0", "R1", "R2"]


def test_a_page_cut_short_resumes_from_the_cursor(sandbox, entrepreneur, monkeypatch):
    grievance = _pushed(entrepreneur)
    for n in range(5):
        _cpgrams_officer(sandbox, grievance.cpgrams_number, status="under_process", remarks=f"R{n}")
    monkeypatch.setattr("champions.integrations.cpgrams.updates.PAGE_SIZE", 2)
    with sandbox.faults_lock:  # the first page is served, the second fails
        sandbox.faults.pass_first, sandbox.faults.fail_next = 1, 1

    with pytest.raises(CpgramsUnavailable):
        _pull()
    assert RemoteUpdate.objects.count() == 2  # the first page's, with the cursor after them

    assert _pull() == {"recorded": 3}
    assert RemoteUpdate.objects.count() == 5


def test_both_sides_changed_the_later_change_wins_and_the_officer_sees_why(
    sandbox, entrepreneur, spoke_officer
):
    grievance = _pushed(entrepreneur)
    closed_there = timezone.now() - timedelta(minutes=10)
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    _cpgrams_officer(
        sandbox,
        grievance.cpgrams_number,
        status="closed",
        remarks="Closed as duplicate.",
        changed_at=closed_there.isoformat(),
    )
    sent_before = OutboxMessage.objects.count()

    assert _pull() == {"conflict": 1}

    grievance.refresh_from_db()
    assert grievance.status == "assigned"  # assigned here after CPGRAMS closed it
    conflict = grievance.timeline.get(action="cpgrams_conflict")
    assert conflict.is_internal
    assert "the later change wins" in conflict.text
    # the status here goes to CPGRAMS again so that both sides agree
    assert OutboxMessage.objects.count() == sent_before + 1
    assert OutboxMessage.objects.order_by("id").last().payload["status"] == "assigned"


def test_an_update_for_an_unknown_grievance_is_kept_unmatched(sandbox, entrepreneur):
    created = sandbox.store.grievance_create(
        {"org": "MMSME", "description": "Lodged on CPGRAMS only."}, key="", source="cpgrams"
    )[1]
    _cpgrams_officer(sandbox, created["registration_number"], status="under_process")

    assert _pull() == {"unmatched": 1}
    assert TimelineEntry.objects.filter(action__startswith="cpgrams").count() == 0
