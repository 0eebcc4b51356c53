"""The retention job removes the contact details of grievances closed longer than
GRIEVANCE_CONTACT_RETENTION_DAYS ago; everything else on them, and the timeline's hash chain,
stays."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from champions.grievances.models import Grievance
from champions.grievances.retention import ERASED, grievance_contacts_expire
from champions.grievances.tests.factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db


def _lodged(owner, unit, subject: str, *, closed_days_ago: int | None) -> Grievance:
    grievance = lodge(owner, unit, subject=subject, contact_name="Asha Patil")
    Grievance.objects.filter(pk=grievance.pk).update(contact_email="asha@example.com")
    if closed_days_ago is not None:  # closed that long ago (test data: no timeline entry)
        Grievance.objects.filter(pk=grievance.pk).update(
            status="closed", closed_at=timezone.now() - timedelta(days=closed_days_ago)
        )
    return Grievance.objects.get(pk=grievance.pk)


@pytest.fixture
def three(entrepreneur, settings):
    settings.GRIEVANCE_CONTACT_RETENTION_DAYS = 1095
    unit = pune_enterprise(entrepreneur)
    return {
        "old": _lodged(entrepreneur, unit, "Payment pending since 2021", closed_days_ago=1200),
        "recent": _lodged(entrepreneur, unit, "Payment pending since May", closed_days_ago=30),
        "open": _lodged(entrepreneur, unit, "Payment pending, still open", closed_days_ago=None),
    }


def test_only_grievances_closed_before_the_period_lose_their_contacts(three):
    assert grievance_contacts_expire() == 1

    old, recent, still_open = (
        Grievance.objects.get(pk=three[k].pk) for k in ("old", "recent", "open")
    )
    assert (old.contact_name, old.contact_email, old.contact_phone) == (ERASED, "", "")
    assert (old.subject, old.status, old.category) == (
        three["old"].subject, "closed", three["old"].category,
    )  # fmt: skip
    for kept in (recent, still_open):
        assert (kept.contact_name, kept.contact_email) == ("Asha Patil", "asha@example.com")


def test_a_second_run_changes_nothing(three):
    assert grievance_contacts_expire() == 1
    assert grievance_contacts_expire() == 0


def test_every_batch_is_done(three, entrepreneur):
    unit = three["old"].enterprise
    for n in range(3):
        _lodged(
            entrepreneur,
            unit,
            f"Invoice {n} of 2019 still unpaid by the buyer",
            closed_days_ago=2000,
        )

    assert grievance_contacts_expire(batch=2) == 4
    old = Grievance.objects.filter(closed_at__lt=timezone.now() - timedelta(days=1095))
    assert set(old.values_list("contact_email", flat=True)) == {""}


def test_the_timeline_still_verifies(three):
    grievance_contacts_expire()

    out = StringIO()
    call_command("audit", "verify", stdout=out)  # raises CommandError on a broken chain
    assert "grievance timeline: 3 rows checked, intact" in out.getvalue()
