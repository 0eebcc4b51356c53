"""Friendly, translated 403 and 404 pages with a way back."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_the_404_page_is_friendly_and_translated(client, entrepreneur):
    client.force_login(entrepreneur)
    client.cookies["django_language"] = "hi"

    with translation.override("en"):
        response = client.get("/grievances/999999/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "हमें यह पेज नहीं मिला" in html
    assert 'href="/"' in html


def test_leadership_gets_the_403_page_with_the_reason(client, leadership):
    client.force_login(leadership)

    with translation.override("en"):
        response = client.post("/grievances/intake/")

    html = response.content.decode()
    assert response.status_code == 403
    assert "Leadership oversees: this is read-only for you." in html
    assert "Go to the home page" in html
