"""Smoke renders of the layout, the home page and allauth's pages, in English and Hindi."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

PASSWORD = "pw-Secret-2026"  # the password tests/fixtures.py gives every user


@pytest.fixture(autouse=True)
def _empty_cache():
    """allauth's login rate limits live in the (locmem) cache, shared across tests."""
    cache.clear()
    yield
    cache.clear()


def _verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "language", "expected"),
    [
        ("web:home", "en", "What Champions does"),
        ("web:home", "hi", 'lang="hi"'),
        ("account_login", "en", 'for="id_login"'),
        ("account_login", "hi", 'lang="hi"'),
        ("account_signup", "en", 'for="id_password1"'),
        ("account_signup", "hi", 'lang="hi"'),
    ],
)
def test_page_renders_in_our_layout(client, url_name, language, expected):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<main id="main"' in html
    assert 'class="skip-link"' in html
    assert expected in html


@pytest.mark.django_db
def test_home_in_hindi_is_translated(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hi"

    html = client.get(reverse("web:home")).content.decode()

    assert "What Champions does" not in html
    assert "मुख्य सामग्री पर जाएँ" in html  # the skip link


@pytest.mark.django_db
def test_anonymous_navigation(client):
    html = client.get(reverse("web:home")).content.decode()

    assert f'href="{reverse("account_login")}"' in html
    assert f'href="{reverse("account_signup")}"' in html
    assert 'href="/classification/"' in html
    assert 'href="/enterprises/"' not in html
    assert reverse("account_logout") not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "user_fixture", "sees_import"),
    [
        ("entrepreneur", "entrepreneur", False),
        ("analyst", "analyst", False),
        ("spoke officer", "spoke_officer", True),
        ("hub officer", "hub_officer", True),
        ("leadership", "leadership", True),
    ],
)
def test_signed_in_navigation(client, request, _case, user_fixture, sees_import):
    client.force_login(request.getfixturevalue(user_fixture))

    html = client.get(reverse("web:home")).content.decode()

    assert 'href="/enterprises/" ' in html
    assert 'href="/profile/"' in html
    assert 'href="/api/v1/docs"' in html
    assert f'action="{reverse("account_logout")}"' in html
    assert ('href="/enterprises/import/"' in html) is sees_import
    assert f'href="{reverse("account_login")}"' not in html
    assert "Your next steps" in html


@pytest.mark.django_db
def test_home_marks_current_page_and_sends_csrf_header_for_htmx(client):
    html = client.get(reverse("web:home")).content.decode()

    assert f'<a href="{reverse("web:home")}" aria-current="page">' in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html


def test_messages_are_shown_in_a_status_region(client, entrepreneur):
    _verified(entrepreneur)

    response = client.post(
        reverse("account_login"),
        {"login": entrepreneur.email, "password": PASSWORD},
        follow=True,
    )

    html = response.content.decode()
    assert 'class="messages" role="status"' in html
    assert 'class="message message-success"' in html


def test_login_is_refused_after_five_failures_even_with_the_right_password(client, entrepreneur):
    _verified(entrepreneur)
    wrong = {"login": entrepreneur.email, "password": "not-the-password"}
    for _ in range(5):
        response = client.post(reverse("account_login"), wrong)
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    response = client.post(
        reverse("account_login"), {"login": entrepreneur.email, "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()
    assert 'class="form-errors" role="alert"' in response.content.decode()


def test_login_with_the_right_password_after_four_failures_succeeds(client, entrepreneur):
    _verified(entrepreneur)
    for _ in range(4):
        client.post(reverse("account_login"), {"login": entrepreneur.email, "password": "x"})

    response = client.post(
        reverse("account_login"), {"login": entrepreneur.email, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(entrepreneur.pk)
