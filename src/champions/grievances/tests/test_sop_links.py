"""The grievance screens link to the SOP step the officer is at ("How to handle this")."""

import pytest
from django.urls import reverse

from champions.grievances.models import Grievance

from .factories import lodge, pune_enterprise

pytestmark = pytest.mark.django_db


def _page(client, user, grievance) -> str:
    client.force_login(user)
    url = reverse("web:grievances:detail", args=[grievance.pk])
    return client.get(url).content.decode()


def test_a_new_grievance_links_to_taking_it_and_the_msme_sees_no_link(
    client, entrepreneur, spoke_officer
):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur), category="other")
    page = _page(client, spoke_officer, grievance)
    assert 'href="/help/sop/grievance-handling/#step-1"' in page
    assert "How to handle this" in page
    assert "sop-hint" not in _page(client, entrepreneur, grievance)


@pytest.mark.parametrize(
    ("status", "category", "anchor"),
    [
        ("awaiting_msme", "other", "grievance-handling/#step-3"),
        ("in_progress", "other", "grievance-handling/#step-5"),
        ("in_progress", "delayed_payment", "grievance-handling/#step-6"),
    ],
)
def test_the_step_follows_the_status_and_category(
    client, entrepreneur, spoke_officer, status, category, anchor
):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur), category=category)
    Grievance.objects.filter(pk=grievance.pk).update(status=status)
    assert f'href="/help/sop/{anchor}"' in _page(client, spoke_officer, grievance)


def test_an_appeal_links_the_appellate_officer_to_their_page(
    client, entrepreneur, spoke_officer, appellate_officer
):
    grievance = lodge(entrepreneur, pune_enterprise(entrepreneur))
    Grievance.objects.filter(pk=grievance.pk).update(status="appealed")
    assert 'href="/help/sop/appeal-handling/#step-1"' in _page(client, appellate_officer, grievance)
    assert "sop-hint" not in _page(client, spoke_officer, grievance)
    client.force_login(appellate_officer)
    queue = client.get(reverse("web:grievances:queue")).content.decode()
    assert 'href="/help/sop/appeal-handling/#step-1"' in queue


def test_the_queue_links_officers_to_the_sop(client, spoke_officer):
    client.force_login(spoke_officer)
    page = client.get(reverse("web:grievances:queue")).content.decode()
    assert 'href="/help/sop/grievance-handling/#step-1"' in page


def test_the_appellate_officers_sop_page_in_both_languages(client, appellate_officer):
    client.force_login(appellate_officer)
    index = client.get(reverse("web:sop:index")).content.decode()
    assert "Deciding an appeal" in index
    page = client.get(reverse("web:sop:page", args=["appeal-handling"])).content.decode()
    assert 'id="step-4"' in page
    assert "Decide within the appeal deadline" in page
    hindi = client.get(
        reverse("web:sop:page", args=["appeal-handling"]), HTTP_ACCEPT_LANGUAGE="hi"
    ).content.decode()
    assert "अपील पर निर्णय" in hindi
