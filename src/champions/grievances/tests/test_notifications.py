"""What the MSME and officers are told, through the notifications app, after each commit."""

import pytest
from django.core import mail

from champions.grievances import notifications, tasks
from champions.grievances.services import (
    GrievanceInput,
    grievance_lodge,
    grievance_merge,
    grievance_message_add,
    grievance_transition,
)
from champions.grievances.tests.factories import lodge, pune_enterprise
from champions.notifications.models import Delivery, Notification

pytestmark = pytest.mark.django_db

PHONE = "9876543210"


@pytest.fixture
def unit(entrepreneur):
    return pune_enterprise(entrepreneur)


@pytest.fixture
def sms_file(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.NOTIFICATIONS_FILE_DIR = tmp_path

    def texts() -> list[str]:
        return [path.read_text() for path in sorted(tmp_path.iterdir())]

    return texts


def _deliveries(notification) -> dict[str, tuple[str, str]]:
    return {d.channel: (d.address, d.status) for d in notification.deliveries.all()}


def test_lodging_acknowledges_in_the_inbox_by_email_and_by_sms(
    entrepreneur, unit, sms_file, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        grievance = lodge(entrepreneur, unit, contact_phone=PHONE)

    # then
    notification = Notification.objects.get()
    assert (notification.kind, notification.recipient) == ("grievance_acknowledged", entrepreneur)
    assert notification.link == f"/grievances/{grievance.pk}/"
    assert notification.shown_at is not None
    assert _deliveries(notification) == {
        "in_app": (str(entrepreneur.pk), "sent"),
        "email": ("owner@example.com", "sent"),
        "sms": (PHONE, "sent"),
    }
    assert [m.to for m in mail.outbox] == [["owner@example.com"]]
    assert mail.outbox[0].subject == f"Grievance {grievance.registration_number} registered"
    [text] = sms_file()
    assert text.startswith(
        f"To: +91{PHONE}\n\nGrievance {grievance.registration_number} registered"
    )


def test_a_caller_without_an_account_gets_the_acknowledgement_by_sms(
    spoke_officer, entrepreneur, unit, capsys, settings, django_capture_on_commit_callbacks
):
    # given: the console backend, the default
    settings.SMS_BACKEND = "console"

    # when: an officer records a phone call with only a mobile number
    with django_capture_on_commit_callbacks(execute=True):
        grievance = grievance_lodge(
            actor=spoke_officer,
            channel="phone",
            data=GrievanceInput(
                subject="Loan rejected",
                description="Caller says the bank...",
                enterprise_id=unit.pk,
                contact_name="Sunita Patil",
                contact_phone=PHONE,
            ),
        ).grievance

    # then
    notification = Notification.objects.get()
    assert (notification.recipient, notification.link) == (None, "")
    assert _deliveries(notification) == {"sms": (PHONE, "sent")}
    assert mail.outbox == []
    printed = capsys.readouterr().out
    assert f"SMS to +91{PHONE}\nGrievance {grievance.registration_number} registered" in printed


def test_a_status_change_goes_by_email_and_sms(
    entrepreneur, unit, spoke_officer, sms_file, django_capture_on_commit_callbacks
):
    grievance = lodge(entrepreneur, unit, contact_phone=PHONE)

    with django_capture_on_commit_callbacks(execute=True):
        grievance_transition(grievance_id=grievance.pk, action="assign", actor=spoke_officer)

    notification = Notification.objects.get(kind="grievance_status_changed")
    assert notification.title == f"Grievance {grievance.registration_number}: Assigned"
    assert set(_deliveries(notification)) == {"in_app", "email", "sms"}
    assert len(mail.outbox) == 1
    assert len(sms_file()) == 1


def test_an_officers_message_goes_to_the_inbox_and_by_email_but_not_sms(
    entrepreneur, unit, spoke_officer, sms_file, django_capture_on_commit_callbacks
):
    grievance = lodge(entrepreneur, unit, contact_phone=PHONE)

    with django_capture_on_commit_callbacks(execute=True):
        grievance_message_add(
            grievance_id=grievance.pk, actor=spoke_officer, body="Please send the invoice."
        )
        grievance_message_add(grievance_id=grievance.pk, actor=entrepreneur, body="Attached.")

    notification = Notification.objects.get()
    assert (notification.kind, notification.body) == (
        "grievance_message",
        "Please send the invoice.",
    )
    assert set(_deliveries(notification)) == {"in_app", "email"}
    assert sms_file() == []


def test_merging_tells_the_msme_with_a_merged_notification(
    entrepreneur, unit, spoke_officer, django_capture_on_commit_callbacks
):
    primary, duplicate = lodge(entrepreneur, unit), lodge(entrepreneur, unit)

    with django_capture_on_commit_callbacks(execute=True):
        grievance_merge(duplicate_id=duplicate.pk, primary_id=primary.pk, actor=spoke_officer)
        grievance_message_add(grievance_id=duplicate.pk, actor=spoke_officer, body="Later note.")

    kinds = list(Notification.objects.order_by("id").values_list("kind", "title"))
    assert kinds == [
        (
            "grievance_merged",
            f"Grievance {duplicate.registration_number} merged into {primary.registration_number}",
        ),
        ("grievance_message", f"New message on grievance {duplicate.registration_number}"),
    ]
    assert len(mail.outbox) == 2


def test_escalation_tells_each_hub_officer_in_the_inbox_and_by_email(
    entrepreneur, unit, hub_officer, leadership, django_capture_on_commit_callbacks
):
    grievance = lodge(entrepreneur, unit)

    with django_capture_on_commit_callbacks(execute=True):
        notifications.escalation_send(grievance_id=grievance.pk, level=1)

    notification = Notification.objects.get()
    assert (notification.kind, notification.recipient) == ("grievance_escalated", hub_officer)
    assert notification.link == f"/grievances/{grievance.pk}/"
    assert [m.to for m in mail.outbox] == [["hub@example.com"]]


def test_running_the_acknowledgement_task_twice_tells_the_msme_once(
    entrepreneur, unit, django_capture_on_commit_callbacks
):
    grievance = lodge(entrepreneur, unit)

    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_acknowledgement_task.enqueue(grievance.pk)
        tasks.send_acknowledgement_task.enqueue(grievance.pk)

    assert Notification.objects.count() == 1
    assert Delivery.objects.filter(status="sent").count() == 2  # in-app and e-mail
    assert len(mail.outbox) == 1
