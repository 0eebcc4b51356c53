"""Preferences over defaults, the inbox and its unread count."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from champions.core.errors import NotFound
from champions.notifications.models import Notification
from champions.notifications.selectors import (
    notification_get_for_user,
    notification_list_for_user,
    notification_unread_count,
    preference_channels,
    preference_grid,
)
from champions.notifications.services import preferences_save
from champions.notifications.tests.factories import notify_user

pytestmark = pytest.mark.django_db


def test_defaults_apply_until_the_user_saves_choices(entrepreneur):
    assert preference_channels(user=entrepreneur, kind="grievance_message") == {"in_app", "email"}

    preferences_save(
        user=entrepreneur, enabled={("grievance_message", "sms"), ("grievance_escalated", "email")}
    )

    assert preference_channels(user=entrepreneur, kind="grievance_message") == {"sms"}
    assert preference_channels(user=entrepreneur, kind="grievance_acknowledged") == set()


def test_a_contact_without_an_account_gets_the_defaults_without_the_inbox():
    assert preference_channels(user=None, kind="grievance_acknowledged") == {"email", "sms"}


def test_the_grid_shows_defaults_and_saved_choices(entrepreneur):
    preferences_save(user=entrepreneur, enabled={("grievance_merged", "sms")})
    grid = {
        row.kind: {cell.channel for cell in row.cells if cell.is_enabled}
        for row in preference_grid(user=entrepreneur)
    }
    other = preference_grid(user=None)

    assert grid["grievance_merged"] == {"sms"}
    assert [row.kind for row in other] == [
        "grievance_acknowledged",
        "grievance_status_changed",
        "grievance_message",
        "grievance_escalated",
        "grievance_merged",
        "compliance_due",
        "network_match",
        "network_digest",
        "service_request_updated",
        "opportunity_matched",
        "cluster_join_requested",
        "case_step_assigned",
        "case_step_due",
    ]
    assert [cell.channel for cell in other[0].cells] == ["in_app", "email", "sms"]


def test_the_inbox_holds_only_shown_notifications_of_the_user(entrepreneur, other_entrepreneur):
    shown = notify_user(entrepreneur, idempotency_key="a")
    notify_user(entrepreneur, idempotency_key="b")  # in-app delivery not run yet
    foreign = notify_user(other_entrepreneur, idempotency_key="c")
    Notification.objects.filter(pk__in=[shown.pk, foreign.pk]).update(shown_at=timezone.now())

    assert list(notification_list_for_user(user=entrepreneur)) == [shown]
    assert notification_unread_count(user=entrepreneur) == 1
    assert notification_unread_count(user=AnonymousUser()) == 0
    with pytest.raises(NotFound):
        notification_get_for_user(user=entrepreneur, notification_id=foreign.pk)
    with pytest.raises(NotFound):
        notification_get_for_user(user=entrepreneur, notification_id=-1)
