"""Lodging, routing, registration numbers, idempotency, the workflow, feedback and transfers."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from champions.controlrooms.selectors import hub_get, room_get_by_code
from champions.core.errors import NotFound, ValidationFailed
from champions.grievances.models import Grievance, Message, TimelineEntry
from champions.grievances.services import (
    GrievanceInput,
    TransitionRefused,
    grievance_lodge,
    grievance_message_add,
    grievance_rate,
    grievance_transfer,
    grievance_transition,
)
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def test_lodging_routes_to_the_spoke_of_the_district(
    entrepreneur, unit, mh_room, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        grievance = lodge(entrepreneur, unit)

    assert grievance.room == mh_room
    assert re.fullmatch(r"CHMP/\d{4}/MH/\d{7}", grievance.registration_number)
    assert grievance.status == "submitted"
    assert grievance.contact_email == "owner@example.com"
    assert len(mail.outbox) == 1
    assert grievance.registration_number in mail.outbox[0].subject
    assert "Expected resolution by" in mail.outbox[0].body
    entry = TimelineEntry.objects.get(grievance=grievance)
    assert (entry.action, entry.to_status, entry.actor) == ("lodged", "submitted", entrepreneur)


@time_machine.travel("2027-01-22 10:00 +0000", tick=False)  # a Friday; 26 Jan is a holiday
def test_due_dates_count_working_days_and_holidays(entrepreneur, unit):
    grievance = lodge(entrepreneur, unit)

    assert grievance.assign_due_at.date().isoformat() == "2027-01-28"
    assert (grievance.resolution_due_at - grievance.lodged_at).days == 32


def test_registration_numbers_increase(entrepreneur, unit):
    first = lodge(entrepreneur, unit)
    second = lodge(entrepreneur, unit)

    assert int(second.registration_number[-7:]) == int(first.registration_number[-7:]) + 1


def test_suggestion_goes_to_the_hub_without_sla(entrepreneur):
    result = grievance_lodge(
        actor=entrepreneur,
        data=GrievanceInput(
            subject="Idea",
            description="A single GST and Udyam login.",
            kind="suggestion",
            complainant_type="aspiring",
        ),
    )

    assert result.grievance.room == hub_get()
    assert (result.grievance.sla_state, result.grievance.resolution_due_at) == ("none", None)
    assert result.grievance.registration_number.split("/")[2] == "HQ"


def test_national_grievance_goes_to_the_hub(entrepreneur, unit):
    grievance = lodge(entrepreneur, unit, is_national=True)

    assert grievance.room == hub_get()


def test_idempotency_key_returns_the_first_grievance(entrepreneur, unit):
    data = GrievanceInput(
        subject="Power cuts", description="Eight hours a day.", enterprise_id=unit.pk
    )

    first = grievance_lodge(actor=entrepreneur, data=data, idempotency_key="abc-1")
    retry = grievance_lodge(actor=entrepreneur, data=data, idempotency_key="abc-1")

    assert (first.replayed, retry.replayed) == (False, True)
    assert retry.grievance.pk == first.grievance.pk
    assert Grievance.objects.count() == 1


@pytest.mark.parametrize(
    ("_case", "overrides", "field"),
    [
        ("no subject", {"subject": " "}, "subject"),
        ("too long", {"description": "x" * 10001}, "description"),
        ("unknown category", {"category": "weather"}, "category"),
        ("bad mobile", {"contact_phone": "12345"}, "contact_phone"),
    ],
)
def test_bad_input_is_refused_per_field(entrepreneur, unit, _case, overrides, field):
    with pytest.raises(ValidationFailed) as info:
        lodge(entrepreneur, unit, **overrides)

    assert field in info.value.errors
    assert Grievance.objects.count() == 0


def test_cannot_lodge_for_someone_elses_enterprise(entrepreneur, other_entrepreneur, unit):
    with pytest.raises(ValidationFailed) as info:
        lodge(other_entrepreneur, unit)

    assert list(info.value.errors) == ["enterprise"]


def test_officer_intake_records_channel_and_contact(spoke_officer, entrepreneur, unit):
    result = grievance_lodge(
        actor=spoke_officer,
        channel="phone",
        data=GrievanceInput(
            subject="Loan rejected",
            description="Caller says the bank...",
            enterprise_id=unit.pk,
            contact_name="Sunita Patil",
            contact_phone="9876543210",
        ),
    )

    grievance = result.grievance
    assert (grievance.channel, grievance.contact_phone, grievance.complainant) == (
        "phone",
        "9876543210",
        None,
    )
    assert grievance.lodged_by == spoke_officer


def test_officer_intake_needs_a_contact(spoke_officer, unit):
    with pytest.raises(ValidationFailed) as info:
        grievance_lodge(
            actor=spoke_officer,
            channel="letter",
            data=GrievanceInput(subject="x", description="y", enterprise_id=unit.pk),
        )

    assert set(info.value.errors) == {"contact_name", "contact_phone"}


def test_entrepreneur_cannot_use_officer_channels(entrepreneur, unit):
    with pytest.raises(Exception) as info:  # noqa: PT011 - DomainError with status 403
        lodge(entrepreneur, unit) and grievance_lodge(
            actor=entrepreneur,
            channel="phone",
            data=GrievanceInput(
                subject="x",
                description="y",
                enterprise_id=unit.pk,
                contact_name="a",
                contact_phone="9876543210",
            ),
        )

    assert getattr(info.value, "status", None) == 403


def _resolved(entrepreneur, unit, officer):
    grievance = lodge(entrepreneur, unit)
    for action, note in (("assign", ""), ("start", ""), ("resolve", "Buyer paid on 3 May.")):
        grievance = grievance_transition(
            grievance_id=grievance.pk, action=action, actor=officer, note=note
        )
    return grievance


def test_full_lifecycle_with_poor_rating_and_appeal(
    entrepreneur, unit, spoke_officer, appellate_officer
):
    grievance = _resolved(entrepreneur, unit, spoke_officer)

    grievance = grievance_rate(
        grievance_id=grievance.pk, actor=entrepreneur, rating=1, comment="Not paid in full."
    )
    assert (grievance.status, grievance.rating) == ("closed", 1)  # an appeal is offered, not filed
    grievance = grievance_transition(
        grievance_id=grievance.pk, action="appeal", actor=entrepreneur, note="Not paid in full."
    )
    assert (grievance.status, grievance.rating, grievance.room) == ("appealed", 1, hub_get())
    decided = grievance_transition(
        grievance_id=grievance.pk,
        action="decide_appeal",
        actor=appellate_officer,
        note="Buyer directed to pay interest.",
    )

    assert decided.status == "appeal_decided"
    assert list(
        TimelineEntry.objects.filter(grievance=grievance).values_list("from_status", "to_status")
    ) == [
        ("", "submitted"),
        ("submitted", "assigned"),
        ("assigned", "in_progress"),
        ("in_progress", "resolved"),
        ("resolved", "closed"),
        ("closed", "appealed"),
        ("appealed", "appeal_decided"),
    ]


def test_good_rating_just_closes(entrepreneur, unit, spoke_officer):
    grievance = _resolved(entrepreneur, unit, spoke_officer)

    grievance = grievance_rate(grievance_id=grievance.pk, actor=entrepreneur, rating=4)

    assert (grievance.status, grievance.rating) == ("closed", 4)


def test_illegal_transition_is_refused_and_changes_nothing(entrepreneur, unit, spoke_officer):
    grievance = lodge(entrepreneur, unit)

    with pytest.raises(TransitionRefused):
        grievance_transition(
            grievance_id=grievance.pk, action="resolve", actor=spoke_officer, note="done"
        )

    grievance.refresh_from_db()
    assert grievance.status == "submitted"
    assert TimelineEntry.objects.filter(grievance=grievance).count() == 1


def test_msme_cannot_resolve(entrepreneur, unit, spoke_officer):
    grievance = lodge(entrepreneur, unit)
    grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
    grievance_transition(grievance_id=grievance.pk, action="start", actor=spoke_officer)

    with pytest.raises(TransitionRefused):
        grievance_transition(
            grievance_id=grievance.pk, action="resolve", actor=entrepreneur, note="x"
        )


def test_out_of_scope_officer_gets_not_found(entrepreneur, unit, other_spoke_officer):
    grievance = lodge(entrepreneur, unit)

    with pytest.raises(NotFound):
        grievance_transition(grievance_id=grievance.pk, action="assign", actor=other_spoke_officer)


def test_waiting_for_the_msme_pauses_the_clock(entrepreneur, unit, spoke_officer):
    with time_machine.travel("2027-03-01 09:00 +0000", tick=False) as traveller:
        grievance = lodge(entrepreneur, unit)
        due = grievance.resolution_due_at
        grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)
        grievance_transition(grievance_id=grievance.pk, action="start", actor=spoke_officer)
        grievance_transition(
            grievance_id=grievance.pk,
            action="ask_msme",
            actor=spoke_officer,
            note="Send the invoice copy.",
        )
        traveller.shift(timedelta(days=5))

        grievance = grievance_transition(
            grievance_id=grievance.pk, action="msme_reply", actor=entrepreneur
        )

    assert grievance.resolution_due_at == due + timedelta(days=5)
    assert grievance.paused_at is None


def test_transfers_stop_after_three(entrepreneur, unit, spoke_officer, hub_officer):
    grievance = lodge(entrepreneur, unit)
    rooms = ["spoke-ga", "spoke-mh", "spoke-ga"]
    for code in rooms:
        grievance_transfer(
            grievance_id=grievance.pk,
            room_id=room_get_by_code(code=code).pk,
            actor=hub_officer,
            reason="Unit has a branch there.",
        )
    grievance.refresh_from_db()
    assert grievance.transfer_count == 3

    with pytest.raises(NotFound):  # the Maharashtra officer no longer holds it
        grievance_transfer(
            grievance_id=grievance.pk,
            room_id=room_get_by_code(code="spoke-dl").pk,
            actor=spoke_officer,
            reason="again",
        )


def test_internal_notes_only_from_officers(entrepreneur, unit, spoke_officer):
    grievance = lodge(entrepreneur, unit)

    note = grievance_message_add(
        grievance_id=grievance.pk, actor=spoke_officer, body="Called the PSU.", is_internal=True
    )
    sneaky = grievance_message_add(
        grievance_id=grievance.pk, actor=entrepreneur, body="Any news?", is_internal=True
    )

    assert (note.is_internal, sneaky.is_internal) == (True, False)
    assert Message.objects.filter(grievance=grievance).count() == 2
