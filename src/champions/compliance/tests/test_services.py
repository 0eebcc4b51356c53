"""Compliance services: the situation profile, idempotent reminders, the one-click grievance."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail

from champions.compliance.calendar import Situation
from champions.compliance.models import ComplianceProfile, Reminder
from champions.compliance.services import (
    DelayedPaymentFacts,
    ProfileInput,
    compliance_profile_save,
    delayed_payment_grievance_lodge,
    reminders_send_due,
)
from champions.core.errors import DomainError, NotFound, ValidationFailed
from champions.grievances.models import Grievance
from champions.notifications.models import Notification
from champions.registry.services import enterprise_representative_add

from .factories import pune_enterprise, save_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


def test_profile_save_creates_then_updates_one_row(entrepreneur, unit):
    save_profile(entrepreneur, unit, gst_filing="monthly")
    profile = save_profile(entrepreneur, unit, gst_filing="quarterly", remind_days_before=7)

    saved = ComplianceProfile.objects.get(enterprise=unit)
    assert saved.pk == profile.pk
    assert (saved.gst_filing, saved.remind_days_before, saved.updated_by) == (
        "quarterly",
        7,
        entrepreneur,
    )


@pytest.mark.parametrize(
    ("_case", "facts", "days", "field"),
    [
        (
            "QRMP above 5 crore",
            {"gst_filing": "quarterly", "turnover_inr": 60_000_000},
            3,
            "gst_filing",
        ),
        ("unknown state", {"state_code": "ZZ"}, 3, "state_code"),
        ("reminder too early", {}, 31, "remind_days_before"),
    ],
)
def test_profile_save_refuses_bad_input(entrepreneur, unit, _case, facts, days, field):
    with pytest.raises(ValidationFailed) as caught:
        save_profile(entrepreneur, unit, remind_days_before=days, **facts)

    assert list(caught.value.errors) == [field]
    assert not ComplianceProfile.objects.exists()


def test_profile_of_an_enterprise_out_of_scope_is_not_found(other_entrepreneur, unit):
    with pytest.raises(NotFound):
        save_profile(other_entrepreneur, unit)

    assert not ComplianceProfile.objects.exists()


def test_leadership_reads_but_may_not_save(leadership, unit):
    with pytest.raises(DomainError) as caught:
        compliance_profile_save(
            actor=leadership, enterprise_id=unit.pk, data=ProfileInput(situation=Situation())
        )

    assert caught.value.status == 403
    assert not ComplianceProfile.objects.exists()


def test_reminders_are_sent_once_per_due_date(
    entrepreneur, unit, django_capture_on_commit_callbacks
):
    # Monthly GST filer, 12 employees (ESI), reminded 3 days ahead: on 8 December only
    # GSTR-1 (11 December) is inside the window.
    save_profile(entrepreneur, unit, remind_days_before=3)

    with django_capture_on_commit_callbacks(execute=True):
        first = reminders_send_due(today=date(2026, 12, 8))
    with django_capture_on_commit_callbacks(execute=True):
        second = reminders_send_due(today=date(2026, 12, 8))

    assert (first, second) == (1, 0)
    reminder = Reminder.objects.get()
    assert (reminder.obligation_code, reminder.due_on, reminder.recipients) == (
        "gstr1_monthly",
        date(2026, 12, 11),
        1,
    )
    notification = Notification.objects.get()
    assert notification.recipient == entrepreneur
    assert notification.kind == "compliance_due"
    assert notification.title == "Due 11 December 2026: GSTR-1: outward supplies (monthly)"
    assert "for November 2026 is due on 11 December 2026 (in 3 days)" in notification.body
    assert notification.link == f"/compliance/calendar/{unit.pk}/"
    assert len(mail.outbox) == 1


def test_next_day_reminds_only_what_is_new(entrepreneur, unit):
    save_profile(entrepreneur, unit, remind_days_before=5)

    reminders_send_due(today=date(2026, 12, 8))  # GSTR-1 11 Dec
    reminders_send_due(today=date(2026, 12, 10))  # + ESI 15 Dec, GSTR-1 again: no

    assert sorted(Reminder.objects.values_list("obligation_code", "due_on")) == [
        ("esi", date(2026, 12, 15)),
        ("gstr1_monthly", date(2026, 12, 11)),
    ]
    assert Notification.objects.count() == 2


def test_an_enterprise_without_representatives_is_reminded_once_it_has_one(
    hub_officer, entrepreneur
):
    unit = pune_enterprise(hub_officer)  # filed by an officer: nobody represents it yet
    save_profile(hub_officer, unit)

    assert reminders_send_due(today=date(2026, 12, 8)) == 0
    enterprise_representative_add(udyam_number=unit.udyam_number, user=entrepreneur)
    assert reminders_send_due(today=date(2026, 12, 8)) == 1
    assert Notification.objects.get().recipient == entrepreneur


def test_no_reminders_when_switched_off(entrepreneur, unit):
    save_profile(entrepreneur, unit, reminders_enabled=False)

    assert reminders_send_due(today=date(2026, 12, 8)) == 0
    assert not Reminder.objects.exists()


def _psu_facts(**overrides) -> DelayedPaymentFacts:
    values = {
        "principal_inr": Decimal(100_000),
        "invoice_accepted_on": date(2025, 1, 1),
        "agreed_credit_days": 30,
        "paid_on": date(2025, 6, 30),
        "bank_rate_pct": Decimal("6.75"),
        "buyer_name": "Bharat Heavy Engineering Ltd",
        "buyer_type": "central_psu",
        "invoice_number": "INV-42",
        "invoice_date": date(2024, 12, 28),
    }
    values.update(overrides)
    return DelayedPaymentFacts(**values)


def test_one_click_grievance_carries_the_facts(entrepreneur, unit):
    grievance = delayed_payment_grievance_lodge(
        actor=entrepreneur, enterprise_id=unit.pk, facts=_psu_facts(), token="t1"
    )

    stored = Grievance.objects.get()
    assert stored.pk == grievance.pk
    assert (stored.category, stored.enterprise, stored.complainant) == (
        "delayed_payment",
        unit,
        entrepreneur,
    )
    assert (
        stored.subject
        == "Delayed payment by Bharat Heavy Engineering Ltd: ₹1,00,000.00, 150 days late"
    )
    assert stored.description.splitlines() == [
        "Buyer: Bharat Heavy Engineering Ltd (Central public sector undertaking (CPSE)).",
        "Invoice: INV-42 dated 2024-12-28, ₹1,00,000.00.",
        "Goods or services accepted on 2025-01-01; credit: 30 days agreed in writing.",
        "Payment was due by 2025-01-31; paid (or expected) on 2025-06-30: 150 days late.",
        "Interest under MSMED Act 2006 s.16 at 20.25 % a year (three times the RBI bank rate "
        "of 6.75 %), compounded monthly: ₹8,727.11; total ₹1,08,727.11.",
    ]


def test_one_click_grievance_twice_with_the_same_token_lodges_once(entrepreneur, unit):
    first = delayed_payment_grievance_lodge(
        actor=entrepreneur, enterprise_id=unit.pk, facts=_psu_facts(), token="same"
    )
    second = delayed_payment_grievance_lodge(
        actor=entrepreneur, enterprise_id=unit.pk, facts=_psu_facts(), token="same"
    )

    assert first.pk == second.pk
    assert Grievance.objects.count() == 1


@pytest.mark.parametrize(
    ("_case", "overrides", "field"),
    [
        ("private buyer", {"buyer_type": "private"}, "buyer_type"),
        ("no buyer name", {"buyer_name": "  "}, "buyer_name"),
        ("not late", {"paid_on": date(2025, 1, 31)}, "paid_on"),
        ("bad figures", {"principal_inr": Decimal(0)}, "principal_inr"),
    ],
)
def test_one_click_grievance_refuses(entrepreneur, unit, _case, overrides, field):
    with pytest.raises(ValidationFailed) as caught:
        delayed_payment_grievance_lodge(
            actor=entrepreneur, enterprise_id=unit.pk, facts=_psu_facts(**overrides), token="x"
        )

    assert list(caught.value.errors) == [field]
    assert not Grievance.objects.exists()


def test_one_click_grievance_for_someone_elses_enterprise_is_refused(other_entrepreneur, unit):
    with pytest.raises(ValidationFailed) as caught:
        delayed_payment_grievance_lodge(
            actor=other_entrepreneur, enterprise_id=unit.pk, facts=_psu_facts(), token="x"
        )

    assert list(caught.value.errors) == ["enterprise"]
    assert not Grievance.objects.exists()
