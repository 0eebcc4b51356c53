"""Step owners hear of their steps: when given one, and when it (or the case) comes due."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from champions.cases import notices
from champions.cases.models import Case, CaseStep
from champions.notifications.models import Notification

from .factories import opened_case, pune_unit, step_for

pytestmark = pytest.mark.django_db


def test_the_owner_is_told_in_app_and_by_email_when_given_a_step(
    spoke_officer, entrepreneur, django_capture_on_commit_callbacks
):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    with django_capture_on_commit_callbacks(execute=True):
        step = step_for(spoke_officer, case, entrepreneur)
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (entrepreneur, "case_step_assigned")
    assert notification.title == "A step for you: Collect the last two years' accounts"
    assert notification.link == "/cases/my-steps/"
    assert sorted(d.channel for d in notification.deliveries.all()) == ["email", "in_app"]
    assert [m.to for m in mail.outbox] == [[entrepreneur.email]]
    assert step.owner == entrepreneur


def test_an_officer_owner_gets_the_case_link_and_no_one_is_told_of_their_own_step(
    spoke_officer, hub_officer, entrepreneur
):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    step_for(spoke_officer, case, spoke_officer)
    assert Notification.objects.count() == 0
    step_for(spoke_officer, case, hub_officer, title="Call the bank")
    notification = Notification.objects.get()
    assert (notification.recipient, notification.link) == (hub_officer, f"/cases/{case.pk}/")


def test_the_owner_is_told_in_their_own_language(spoke_officer, entrepreneur):
    entrepreneur.preferred_language = "hi"
    entrepreneur.save(update_fields=["preferred_language"])
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    step_for(spoke_officer, case, entrepreneur, title="GST returns")
    assert Notification.objects.get().title == "आपके लिए एक कदम: GST returns"


def test_due_then_overdue_each_told_once(spoke_officer, hub_officer, entrepreneur):
    case = opened_case(spoke_officer, pune_unit(entrepreneur))
    step = step_for(spoke_officer, case, hub_officer, days=2)
    Notification.objects.all().delete()
    today = timezone.localdate()

    assert notices.followups_notify(today=today) == 0  # not due yet
    assert Notification.objects.count() == 0
    notices.followups_notify(today=step.due_on)
    notices.followups_notify(today=step.due_on)  # a doubled run sends nothing more
    assert list(Notification.objects.values_list("title", flat=True)) == [
        "Due today: Collect the last two years' accounts"
    ]
    notices.followups_notify(today=step.due_on + timedelta(days=1))
    notices.followups_notify(today=step.due_on + timedelta(days=2))
    assert Notification.objects.order_by("id").last().title == (
        "Overdue: Collect the last two years' accounts"
    )
    assert Notification.objects.filter(recipient=hub_officer).count() == 2


def test_done_steps_and_closed_cases_are_left_alone_and_overdue_cases_told(
    spoke_officer, entrepreneur
):
    unit = pune_unit(entrepreneur)
    case = opened_case(spoke_officer, unit, goal="ZED certification")
    step = step_for(spoke_officer, case, entrepreneur)
    CaseStep.objects.filter(pk=step.pk).update(done_at=timezone.now())
    Case.objects.filter(pk=case.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    Notification.objects.all().delete()

    notices.followups_notify(today=step.due_on + timedelta(days=3))
    notification = Notification.objects.get()  # the case, not the done step
    assert (notification.recipient, notification.kind) == (spoke_officer, "case_step_due")
    assert notification.title == "Follow-up overdue: Deccan Precision Tools"
