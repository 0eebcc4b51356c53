"""The CPGRAMS pull: grievances routed to the ministry are lodged exactly once."""

import io

import pytest
from django.core.management import call_command

from champions.core.models import District
from champions.grievances.models import Grievance
from champions.grievances.services import grievance_transition
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.integrations.cpgrams.client import HttpCpgramsClient
from champions.integrations.cpgrams.inbound import SYSTEM_USER_EMAIL, cpgrams_grievances_pull
from champions.integrations.models import OutboxMessage, SyncCursor

pytestmark = pytest.mark.django_db


def _lodged_on_cpgrams(server, number: int, **extra) -> str:
    """A citizen lodges on CPGRAMS and it is routed to the MSME ministry."""
    body = {
        "org": "MMSME",
        "subject": f"Loan not disbursed ({number})",
        "description": "The bank sanctioned a Mudra loan in March and has not disbursed it.",
        "complainant": {
            "name": "Asha Patil",
            "email": "asha@example.com",
            "mobile": "+91-98220 12345",
        },
        **extra,
    }
    _status, answer = server.store.grievance_create(body, key="", source="cpgrams")
    return answer["registration_number"]


def _pull():
    return cpgrams_grievances_pull(client=HttpCpgramsClient.from_settings())


def test_the_pull_lodges_each_grievance_once_even_when_pulled_twice(sandbox, hub_room):
    numbers = [_lodged_on_cpgrams(sandbox, n) for n in range(3)]
    _lodged_on_cpgrams(sandbox, 9, org="DOTEL")  # routed to another ministry

    first = _pull()
    SyncCursor.objects.update(value="")  # as if the cursor had been lost
    second = _pull()

    assert (first.created, first.duplicates) == (3, 0)
    assert (second.created, second.duplicates) == (0, 3)
    grievances = Grievance.objects.filter(channel="cpgrams").order_by("id")
    assert [g.cpgrams_number for g in grievances] == numbers
    grievance = grievances[0]
    assert grievance.room == hub_room  # no district: the hub routes it
    assert (grievance.contact_phone, grievance.contact_email) == ("9822012345", "asha@example.com")
    assert grievance.complainant_type == "aspiring"
    assert grievance.lodged_by.email == SYSTEM_USER_EMAIL


def test_the_cursor_moves_on_so_the_next_pull_asks_only_for_new_ones(sandbox):
    _lodged_on_cpgrams(sandbox, 1)
    _pull()
    _lodged_on_cpgrams(sandbox, 2)

    report = _pull()

    assert (report.created, report.duplicates) == (1, 0)
    assert Grievance.objects.count() == 2


def test_a_district_routes_the_grievance_to_its_spoke(sandbox, mh_room):
    pune = District.objects.get(name="Pune")
    _lodged_on_cpgrams(sandbox, 1, district_lgd_code=pune.lgd_code)

    _pull()

    assert Grievance.objects.get().room == mh_room


def test_pulled_grievances_are_not_sent_back_but_their_status_changes_are(
    sandbox, hub_officer, django_capture_on_commit_callbacks
):
    number = _lodged_on_cpgrams(sandbox, 1)
    with django_capture_on_commit_callbacks(execute=True):
        _pull()
    grievance = Grievance.objects.get()
    assert not OutboxMessage.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        grievance_transition(grievance_id=grievance.pk, action="assign", actor=hub_officer)

    message = OutboxMessage.objects.get()
    assert (message.kind, message.status, message.remote_number) == (
        "status_update",
        "delivered",
        number,
    )
    [record] = sandbox.store.dump()["records"]
    assert record["status"] == "assigned"


def test_grievances_we_created_on_cpgrams_are_not_pulled_back(
    sandbox, entrepreneur, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lodge(entrepreneur, pune_enterprise(entrepreneur))

    report = _pull()

    assert (report.created, report.duplicates) == (0, 1)
    assert Grievance.objects.count() == 1


def test_a_grievance_our_rules_refuse_is_skipped(sandbox):
    _lodged_on_cpgrams(sandbox, 1, subject="", description=" ")
    _lodged_on_cpgrams(sandbox, 2)

    report = _pull()

    assert (report.created, report.refused) == (1, 1)


def test_the_pull_command_reports_what_it_did(sandbox):
    _lodged_on_cpgrams(sandbox, 1)

    out = io.StringIO()
    call_command("cpgrams-pull", stdout=out)

    assert out.getvalue().strip() == "1 created, 0 already here, 0 refused"
