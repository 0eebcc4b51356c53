"""Smoke renders of the layout, the home page and allauth's pages, in English and Hindi."""

import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from champions.accounts.services import user_create
from champions.grievances.choices import SlaState, Status

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
    assert "Track a grievance" not in html
    assert "मुख्य सामग्री पर जाएँ" in html  # the skip link
    assert "शिकायत की स्थिति देखें" in _nav(html)  # "Track a grievance"


@pytest.mark.django_db  # getfixturevalue hides the db from pytest-django's test ordering
@pytest.mark.parametrize(
    ("_case", "user_fixture", "expected"),
    [
        ("entrepreneur", "entrepreneur", ["मेरी शिकायतें", "शिकायत दर्ज करें"]),
        ("spoke officer", "spoke_officer", ["कार्य कतार", "प्राप्त शिकायत दर्ज करें"]),
    ],
)
def test_grievance_navigation_in_hindi(client, request, _case, user_fixture, expected):
    client.force_login(request.getfixturevalue(user_fixture))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hi"

    nav = _nav(client.get(reverse("web:home")).content.decode())

    for label in expected:
        assert f">{label}</a>" in nav


def _nav(html: str) -> str:
    """The main navigation only (the home page links to some of the same pages)."""
    start = html.index('<nav class="site-nav"')
    return html[start : html.index("</nav>", start)]


MY_GRIEVANCES = 'href="/grievances/"'
LODGE = 'href="/grievances/new/"'
QUEUE = 'href="/grievances/queue/"'
INTAKE = 'href="/grievances/intake/"'
TRACK = 'href="/track/"'


@pytest.fixture
def administrator(db):
    return user_create(email="admin@example.com", password=PASSWORD, role="administrator")


@pytest.mark.django_db
def test_anonymous_navigation(client):
    nav = _nav(client.get(reverse("web:home")).content.decode())

    assert f'href="{reverse("account_login")}"' in nav
    assert f'href="{reverse("account_signup")}"' in nav
    assert 'href="/classification/"' in nav
    assert TRACK in nav
    assert 'href="/enterprises/"' not in nav
    assert reverse("account_logout") not in nav
    for link in (MY_GRIEVANCES, LODGE, QUEUE, INTAKE):
        assert link not in nav


@pytest.mark.django_db  # getfixturevalue hides the db from pytest-django's test ordering
@pytest.mark.parametrize(
    ("_case", "user_fixture", "sees_import", "grievance_links"),
    [
        ("entrepreneur", "entrepreneur", False, {MY_GRIEVANCES, LODGE}),
        ("analyst", "analyst", False, set()),
        ("spoke officer", "spoke_officer", True, {QUEUE, INTAKE}),
        ("hub officer", "hub_officer", True, {QUEUE, INTAKE}),
        ("leadership, read-only", "leadership", False, {QUEUE}),
        ("administrator", "administrator", True, {QUEUE, INTAKE}),
    ],
)
def test_signed_in_navigation(client, request, _case, user_fixture, sees_import, grievance_links):
    client.force_login(request.getfixturevalue(user_fixture))

    html = client.get(reverse("web:home")).content.decode()

    nav = _nav(html)
    assert 'href="/enterprises/" ' in nav
    assert 'href="/profile/"' in nav
    assert 'href="/api/v1/docs"' in nav
    assert TRACK in nav
    assert f'action="{reverse("account_logout")}"' in nav
    assert ('href="/enterprises/import/"' in nav) is sees_import
    assert f'href="{reverse("account_login")}"' not in nav
    assert {link for link in (MY_GRIEVANCES, LODGE, QUEUE, INTAKE) if link in nav} == (
        grievance_links
    )
    assert "Your next steps" in html


@pytest.mark.django_db  # getfixturevalue hides the db from pytest-django's test ordering
@pytest.mark.parametrize(
    ("_case", "user_fixture", "path", "current_link"),
    [
        ("my grievances", "entrepreneur", "/grievances/", MY_GRIEVANCES),
        ("lodge", "entrepreneur", "/grievances/new/", LODGE),
        ("queue", "spoke_officer", "/grievances/queue/", QUEUE),
        ("intake", "spoke_officer", "/grievances/intake/", INTAKE),
        ("tracking, signed in", "entrepreneur", "/track/", TRACK),
        ("tracking, second address", "spoke_officer", "/grievances/track/", TRACK),
    ],
)
def test_navigation_marks_the_grievance_page_in_use(
    client, request, _case, user_fixture, path, current_link
):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(path)

    assert response.status_code == 200
    nav = _nav(response.content.decode())
    assert nav.count('aria-current="page"') == 1
    assert f'{current_link} aria-current="page"' in nav


@pytest.mark.django_db
def test_anonymous_tracking_page_is_marked_in_navigation(client):
    response = client.get("/track/")

    nav = _nav(response.content.decode())
    assert response.status_code == 200
    assert nav.count('aria-current="page"') == 1
    assert f'{TRACK} aria-current="page"' in nav


@pytest.mark.django_db  # getfixturevalue hides the db from pytest-django's test ordering
@pytest.mark.parametrize(
    ("_case", "user_fixture", "links"),
    [
        ("entrepreneur", "entrepreneur", [LODGE, MY_GRIEVANCES]),
        ("spoke officer", "spoke_officer", [QUEUE, INTAKE]),
        ("hub officer", "hub_officer", [QUEUE, INTAKE]),
        ("leadership", "leadership", [QUEUE]),
        ("administrator", "administrator", [QUEUE]),
    ],
)
def test_next_steps_point_to_the_grievance_pages(client, request, _case, user_fixture, links):
    client.force_login(request.getfixturevalue(user_fixture))

    html = client.get(reverse("web:home")).content.decode()

    steps = html[html.index('id="next-steps-title"') : html.index("</ol>")]
    for link in links:
        assert link in steps


@pytest.mark.django_db
def test_home_says_grievance_redressal_is_live_and_the_rest_is_coming(client):
    html = client.get(reverse("web:home")).content.decode()

    cards = {
        title: html[html.index(f"<h3>{title}") :].split("</h3>", 1)[0]
        for title in ("Grievance redressal", "Schemes and eligibility", "Networking")
    }
    assert "Live now" in cards["Grievance redressal"]
    assert "Coming soon" in cards["Schemes and eligibility"]
    assert "Coming soon" in cards["Networking"]
    assert "Open311" in html
    assert "working days" in html


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

    assert response.status_code == 429  # a short lockout: see accounts/tests/test_login_throttling
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


def _css_blocks() -> dict[str, dict[str, str]]:
    """Custom properties per simple selector in site.css (`:root`, `.status-x`, `.sla-x`)."""
    css = (Path(__file__).resolve().parents[1] / "static/web/site.css").read_text()
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    blocks = {}
    for selector, body in re.findall(r"(?m)^([.:][\w-]+)\s*\{([^}]*)\}", css):
        blocks[selector] = dict(re.findall(r"(--[\w-]+):\s*([^;]+);", body))
    return blocks


def _contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    "css_class",
    [f"status-{status}" for status in Status.values]
    + [f"sla-{state}" for state in SlaState.values if state != SlaState.NONE],
)
def test_every_status_and_service_level_has_a_readable_tone(css_class):
    blocks = _css_blocks()
    root = blocks[":root"]

    tone = blocks[f".{css_class}"]

    def colour(name: str) -> str:
        value = tone[name].strip()
        reference = re.fullmatch(r"var\((--[\w-]+)\)", value)
        return root[reference.group(1)] if reference else value

    assert _contrast(colour("--tone"), colour("--tone-bg")) >= 4.5
