"""Notification test data, created through the service."""

from champions.notifications.choices import NotificationKind
from champions.notifications.services import notify


def notify_user(user, **overrides):
    values = {
        "recipient_user": user,
        "kind": NotificationKind.GRIEVANCE_STATUS_CHANGED,
        "title": "Grievance CHMP/2026/MH/0000001: In progress",
        "body": "The status of your grievance is now: In progress.",
        "link": "/grievances/1/",
    }
    values.update(overrides)
    return notify(**values)
