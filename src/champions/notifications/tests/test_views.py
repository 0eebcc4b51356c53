"""The inbox and the preferences page: access, marking read, saving choices, query counts."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from champions.notifications.models import Notification, NotificationPreference
from champions.notifications.tests.factories import notify_user

pytestmark = pytest.mark.django_db

LIST_URL = reverse("web:notifications:list")
ALL_READ_URL = reverse("web:notifications:mark_all_read")
PREFERENCES_URL = reverse("web:notifications:preferences")


def _read_url(notification) -> str:
    return reverse("web:notifications:mark_read", args=[notification.pk])


def _shown(user, key: str, **overrides):
    notification = notify_user(user, idempotency_key=key, **overrides)
    Notification.objects.filter(pk=notification.pk).update(shown_at=timezone.now())
    return notification


@pytest.mark.parametrize(
    ("_case", "method", "url"),
    [
        ("inbox", "get", LIST_URL),
        ("mark all read", "post", ALL_READ_URL),
        ("preferences", "get", PREFERENCES_URL),
        ("save preferences", "post", PREFERENCES_URL),
    ],
)
def test_anonymous_visitors_are_sent_to_log_in(client, _case, method, url):
    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_inbox_lists_the_users_notifications_newest_first(client, entrepreneur):
    older = _shown(entrepreneur, "1", title="Older")
    newer = _shown(entrepreneur, "2", title="Newer")
    Notification.objects.filter(pk=older.pk).update(read_at=timezone.now())
    client.force_login(entrepreneur)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert [n.pk for n in response.context["page"].items] == [newer.pk, older.pk]
    html = response.content.decode()
    assert html.index("Newer") < html.index("Older")
    assert html.count('class="is-unread"') == 1
    assert 'href="/grievances/1/"' in html


def test_the_inbox_pages_through_older_notifications(client, settings, entrepreneur):
    settings.CHAMPIONS_PAGE_SIZE = 2
    first, second, third = (_shown(entrepreneur, str(n)) for n in range(3))
    client.force_login(entrepreneur)

    page_one = client.get(LIST_URL).context["page"]
    page_two = client.get(LIST_URL, {"after": page_one.next_cursor}).context["page"]

    assert [n.pk for n in page_one.items] == [third.pk, second.pk]
    assert [n.pk for n in page_two.items] == [first.pk]


def test_an_empty_inbox_says_so(client, entrepreneur):
    client.force_login(entrepreneur)

    response = client.get(LIST_URL)

    assert "You have no notifications yet." in response.content.decode()


def test_inbox_query_count_does_not_grow_with_rows(client, entrepreneur, django_assert_num_queries):
    for n in range(5):
        _shown(entrepreneur, str(n))
    client.force_login(entrepreneur)

    # session, user, the unread count in the navigation, one page of notifications (its ids,
    # then its rows)
    with django_assert_num_queries(5):
        response = client.get(LIST_URL)

    assert len(response.context["page"].items) == 5


def test_marking_one_read(client, entrepreneur):
    notification = _shown(entrepreneur, "1")
    client.force_login(entrepreneur)

    response = client.post(_read_url(notification))

    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_another_users_notification_is_not_found_and_stays_unread(
    client, entrepreneur, other_entrepreneur
):
    foreign = _shown(other_entrepreneur, "1")
    client.force_login(entrepreneur)

    response = client.post(_read_url(foreign))

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.read_at is None


def test_marking_read_needs_post(client, entrepreneur):
    notification = _shown(entrepreneur, "1")
    client.force_login(entrepreneur)

    response = client.get(_read_url(notification))

    assert response.status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_all_read_leaves_other_users_alone(client, entrepreneur, other_entrepreneur):
    _shown(entrepreneur, "1")
    _shown(entrepreneur, "2")
    foreign = _shown(other_entrepreneur, "3")
    client.force_login(entrepreneur)

    response = client.post(ALL_READ_URL, follow=True)

    assert "2 notifications marked as read." in response.content.decode()
    assert not Notification.objects.filter(recipient=entrepreneur, read_at__isnull=True).exists()
    foreign.refresh_from_db()
    assert foreign.read_at is None


def test_the_preferences_page_shows_a_labelled_checkbox_per_kind_and_channel(client, entrepreneur):
    client.force_login(entrepreneur)

    html = client.get(PREFERENCES_URL).content.decode()

    assert html.count('type="checkbox" name="enabled"') == 24
    assert html.count("<legend>") == 8
    assert 'for="pref-grievance_message-sms"' in html
    assert 'value="grievance_acknowledged:sms" id="pref-grievance_acknowledged-sms" checked' in html
    assert 'value="grievance_message:sms" id="pref-grievance_message-sms">' in html


def test_saving_preferences(client, entrepreneur):
    client.force_login(entrepreneur)

    response = client.post(
        PREFERENCES_URL, {"enabled": ["grievance_message:sms", "grievance_merged:in_app"]}
    )

    assert response.status_code == 302
    enabled = NotificationPreference.objects.filter(user=entrepreneur, is_enabled=True)
    assert set(enabled.values_list("kind", "channel")) == {
        ("grievance_message", "sms"),
        ("grievance_merged", "in_app"),
    }


def test_a_made_up_preference_saves_nothing(client, entrepreneur):
    client.force_login(entrepreneur)

    response = client.post(PREFERENCES_URL, {"enabled": ["newsletter:pigeon"]})

    assert response.status_code == 200
    assert "Please correct the errors below." in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_the_unread_count_tag(entrepreneur, other_entrepreneur):
    _shown(entrepreneur, "1")
    _shown(entrepreneur, "2")
    _shown(other_entrepreneur, "3")
    request = RequestFactory().get("/")
    request.user = entrepreneur
    template = Template(
        "{% load notification_tags %}{% notification_unread_count as unread %}{{ unread }}"
    )

    assert template.render(Context({"request": request})) == "2"
