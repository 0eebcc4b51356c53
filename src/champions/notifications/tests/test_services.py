"""notify(): after commit only, per preferences, one delivery per channel, idempotent sending."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.utils import timezone

from champions.notifications import services, tasks
from champions.notifications.choices import NotificationKind
from champions.notifications.models import Delivery, Notification, NotificationPreference
from champions.notifications.services import (
    MAX_ATTEMPTS,
    deliveries_resend,
    deliveries_retry_due,
    delivery_send,
    notify,
    preferences_save,
)
from champions.notifications.tests.factories import notify_user

pytestmark = pytest.mark.django_db

PHONE = "9876543210"


def _channels(notification) -> dict[str, str]:
    return dict(notification.deliveries.values_list("channel", "status"))


def test_notify_sends_nothing_until_the_transaction_commits(
    entrepreneur, sms_outbox, django_capture_on_commit_callbacks
):
    # given / when: the callbacks are held back, as until a real commit
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = notify_user(entrepreneur, phone=PHONE)

    # then: three deliveries are waiting, nothing has gone out
    assert _channels(notification) == {"in_app": "pending", "email": "pending", "sms": "pending"}
    assert (mail.outbox, sms_outbox, notification.shown_at) == ([], [], None)
    assert len(callbacks) == 3

    # when the transaction commits
    for callback in callbacks:
        callback()

    # then one message per channel went out
    notification.refresh_from_db()
    assert _channels(notification) == {"in_app": "sent", "email": "sent", "sms": "sent"}
    assert notification.shown_at is not None
    assert [m.to for m in mail.outbox] == [["owner@example.com"]]
    assert mail.outbox[0].subject == "Grievance CHMP/2026/MH/0000001: In progress"
    assert [m.to for m in sms_outbox] == [PHONE]


def test_notify_sends_nothing_when_the_transaction_rolls_back(
    entrepreneur, sms_outbox, django_capture_on_commit_callbacks
):
    def write_then_fail():
        with transaction.atomic():
            notify_user(entrepreneur, phone=PHONE)
            raise RuntimeError("the surrounding write failed")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        write_then_fail()

    assert callbacks == []
    assert (mail.outbox, sms_outbox) == ([], [])
    assert not Notification.objects.exists()
    assert not Delivery.objects.exists()


def test_sms_turned_off_means_no_sms_delivery(
    entrepreneur, sms_outbox, django_capture_on_commit_callbacks
):
    # given
    preferences_save(
        user=entrepreneur,
        enabled={("grievance_status_changed", "in_app"), ("grievance_status_changed", "email")},
    )

    # when
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify_user(entrepreneur, phone=PHONE)

    # then
    assert _channels(notification) == {"in_app": "sent", "email": "sent"}
    assert sms_outbox == []
    assert len(mail.outbox) == 1


def test_everything_turned_off_records_nothing(entrepreneur, django_capture_on_commit_callbacks):
    preferences_save(user=entrepreneur, enabled=set())

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notify_user(entrepreneur, phone=PHONE)

    assert (notification, callbacks, mail.outbox) == (None, [], [])
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("_case", "kind", "expected"),
    [
        ("acknowledgement", "grievance_acknowledged", {"in_app", "email", "sms"}),
        ("status change", "grievance_status_changed", {"in_app", "email", "sms"}),
        ("message", "grievance_message", {"in_app", "email"}),
        ("escalation", "grievance_escalated", {"in_app", "email"}),
        ("merge", "grievance_merged", {"in_app", "email"}),
    ],
)
def test_default_channels_per_kind(entrepreneur, _case, kind, expected):
    notification = notify_user(entrepreneur, kind=kind, phone=PHONE)

    assert set(_channels(notification)) == expected


def test_no_sms_without_a_phone(entrepreneur):
    notification = notify_user(entrepreneur)

    assert _channels(notification) == {"in_app": "pending", "email": "pending"}


def test_a_contact_without_an_account_gets_email_and_sms_at_the_given_addresses(
    sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(
            email="Caller@Example.com",
            phone="+91 98765-43210",
            kind=NotificationKind.GRIEVANCE_ACKNOWLEDGED,
            title="Grievance CHMP/2026/HQ/0000001 registered",
            body="Your grievance has been registered.",
        )

    assert notification.recipient is None
    assert _channels(notification) == {"email": "sent", "sms": "sent"}
    assert [m.to for m in mail.outbox] == [["caller@example.com"]]
    assert sms_outbox[0].to == PHONE
    assert sms_outbox[0].text == (
        "Grievance CHMP/2026/HQ/0000001 registered\nYour grievance has been registered."
    )


def test_an_invalid_mobile_number_fails_that_delivery_only(
    entrepreneur, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notify_user(entrepreneur, phone="12345")

    assert _channels(notification) == {"in_app": "sent", "email": "sent", "sms": "failed"}
    assert len(callbacks) == 2
    sms_delivery = notification.deliveries.get(channel="sms")
    assert sms_delivery.last_error == "not a 10-digit Indian mobile number: '12345'"
    assert sms_outbox == []


def test_the_same_idempotency_key_notifies_once(entrepreneur, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = notify_user(entrepreneur, idempotency_key="grievance_acknowledged:1")
        second = notify_user(entrepreneur, idempotency_key="grievance_acknowledged:1")

    assert first == second
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_unknown_kind_is_refused(entrepreneur):
    with pytest.raises(ValueError, match="unknown notification kind"):
        notify_user(entrepreneur, kind="newsletter")


# --- Delivering --------------------------------------------------------------------------------


def test_running_the_delivery_task_twice_sends_once(entrepreneur):
    # given
    notification = notify_user(entrepreneur)  # on-commit callbacks never run here
    delivery = notification.deliveries.get(channel="email")

    # when
    tasks.deliver_notification_task.enqueue(delivery.pk)
    tasks.deliver_notification_task.enqueue(delivery.pk)

    # then
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 1)
    assert len(mail.outbox) == 1


def test_a_delivery_being_sent_by_another_worker_is_left_alone(entrepreneur):
    delivery = notify_user(entrepreneur).deliveries.get(channel="email")
    Delivery.objects.filter(pk=delivery.pk).update(
        status="sending", next_attempt_at=timezone.now() + timedelta(minutes=5)
    )

    assert delivery_send(delivery_id=delivery.pk) is False
    assert mail.outbox == []


@pytest.fixture
def smtp_down(monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("connection closed")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)


def test_a_passing_email_failure_is_retried_later_with_backoff(entrepreneur, smtp_down):
    delivery = notify_user(entrepreneur).deliveries.get(channel="email")
    now = timezone.now()

    assert delivery_send(delivery_id=delivery.pk, now=now) is False

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert delivery.next_attempt_at == now + timedelta(seconds=60)
    assert delivery.last_error == "connection closed"


def test_the_retry_sweep_sends_due_deliveries_and_gives_up_after_the_last_attempt(
    entrepreneur, django_capture_on_commit_callbacks
):
    # given: one delivery due again, one out of attempts
    due = notify_user(entrepreneur).deliveries.get(channel="email")
    spent = notify_user(entrepreneur, idempotency_key="other").deliveries.get(channel="email")
    earlier = timezone.now() - timedelta(minutes=1)
    Delivery.objects.filter(pk=due.pk).update(attempts=1, next_attempt_at=earlier)
    Delivery.objects.filter(pk=spent.pk).update(attempts=MAX_ATTEMPTS, next_attempt_at=earlier)
    Delivery.objects.filter(channel="in_app").update(status="sent")

    # when
    with django_capture_on_commit_callbacks(execute=True):
        count = deliveries_retry_due()

    # then
    assert count == 1
    assert Delivery.objects.get(pk=due.pk).status == "sent"
    assert Delivery.objects.get(pk=spent.pk).status == "failed"
    assert len(mail.outbox) == 1


def test_failed_deliveries_can_be_sent_again(entrepreneur, django_capture_on_commit_callbacks):
    delivery = notify_user(entrepreneur).deliveries.get(channel="email")
    Delivery.objects.filter(pk=delivery.pk).update(status="failed", attempts=MAX_ATTEMPTS)

    with django_capture_on_commit_callbacks(execute=True):
        count = deliveries_resend(delivery_ids=[delivery.pk])

    assert count == 1
    assert Delivery.objects.get(pk=delivery.pk).status == "sent"


def test_backoff_doubles_up_to_an_hour():
    assert [services.backoff_seconds(n) for n in (1, 2, 3, 7, 8)] == [60, 120, 240, 3600, 3600]


# --- Reading and preferences -------------------------------------------------------------------


def _shown(user, **overrides):
    notification = notify_user(user, **overrides)
    Notification.objects.filter(pk=notification.pk).update(shown_at=timezone.now())
    return notification


def test_mark_read_and_mark_all_read(entrepreneur):
    first, *_others = (_shown(entrepreneur, idempotency_key=str(n)) for n in range(3))

    services.notification_mark_read(user=entrepreneur, notification_id=first.pk)
    count = services.notifications_mark_all_read(user=entrepreneur)

    assert count == 2
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_preferences_save_stores_the_whole_grid_once_per_cell(entrepreneur):
    preferences_save(user=entrepreneur, enabled={("grievance_message", "sms")})
    preferences_save(user=entrepreneur, enabled={("grievance_message", "sms")})

    assert NotificationPreference.objects.filter(user=entrepreneur).count() == 24
    enabled = NotificationPreference.objects.filter(user=entrepreneur, is_enabled=True)
    assert list(enabled.values_list("kind", "channel")) == [("grievance_message", "sms")]
